import { describe, expect, it } from "vitest";
import { firstFreeSlug, SLUG_MAX, SLUG_PATTERN, slugify } from "./slug";

describe("event slugs", () => {
  it("turns a title into lower-case ASCII words joined by hyphens", () => {
    expect(slugify("Open Source Days 2026")).toBe("open-source-days-2026");
    expect(slugify("  Über-Café: «Compilers» & friends!  ")).toBe("uber-cafe-compilers-friends");
  });

  it("cuts a long title at a word boundary and keeps a title without Latin letters reachable", () => {
    const long = slugify("The International Conference on Very Long Titles and Their Consequences for URLs 2026");
    expect(long.length).toBeLessThanOrEqual(SLUG_MAX);
    expect(long).toBe("the-international-conference-on-very-long-titles-and-their");
    expect(slugify("x".repeat(200))).toHaveLength(SLUG_MAX);
    expect(slugify("東京会議")).toBe("event");
    expect(slugify("???")).toBe("event");
    for (const s of [long, slugify("A"), slugify("東京会議")]) expect(s).toMatch(SLUG_PATTERN);
  });

  it("numbers a slug already taken, staying within the limit", () => {
    expect(firstFreeSlug("pycon", new Set())).toBe("pycon");
    expect(firstFreeSlug("pycon", new Set(["pycon", "pycon-2"]))).toBe("pycon-3");
    const base = slugify("y".repeat(200));
    const next = firstFreeSlug(base, new Set([base]));
    expect(next).toHaveLength(SLUG_MAX);
    expect(next.endsWith("-2")).toBe(true);
  });
});
