import { describe, expect, it } from "vitest";
import { contrastRatio, DEFAULT_BREAK_COLOURS, findPalettePair, PALETTE, pickUnusedColours } from "./palette";

describe("colour palette", () => {
  it("has about a dozen distinct pairs, each lower-case #rrggbb", () => {
    expect(PALETTE.length).toBe(12);
    expect(new Set(PALETTE.map((p) => p.background)).size).toBe(PALETTE.length);
    expect(new Set(PALETTE.map((p) => p.id)).size).toBe(PALETTE.length);
    for (const p of PALETTE) {
      expect(p.text).toMatch(/^#[0-9a-f]{6}$/);
      expect(p.background).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it.each(PALETTE.map((p) => [p.id, p] as const))("%s reaches WCAG AA contrast (4.5:1)", (_id, pair) => {
    expect(contrastRatio(pair.text, pair.background)).toBeGreaterThanOrEqual(4.5);
  });

  it("computes the known extremes of contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
  });

  it("the break default is a palette pair", () => {
    expect(findPalettePair(DEFAULT_BREAK_COLOURS)?.id).toBe("sky");
  });

  it("finds pairs ignoring case, and nothing for a pair outside the palette", () => {
    expect(findPalettePair({ text: "#FFFFFF", background: "#1F5F99" })?.id).toBe("navy");
    expect(findPalettePair({ text: "#ffffff", background: "#e3f2d3" })).toBeUndefined();
  });

  it("picks the first unused pair, then the least used one", () => {
    expect(pickUnusedColours([]).id).toBe("green");
    const [green, blue] = PALETTE as [(typeof PALETTE)[0], (typeof PALETTE)[0]];
    expect(pickUnusedColours([green, blue]).id).toBe("orange");
    const everyOnce = [...PALETTE];
    expect(pickUnusedColours([...everyOnce, green, blue]).id).toBe("orange");
    expect(pickUnusedColours([...everyOnce]).id).toBe("green");
  });
});
