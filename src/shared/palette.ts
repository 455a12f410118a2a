/**
 * The fixed palette of session and break colours (conferences.md, Sessions: "a pair from a fixed accessible
 * palette"; indico.md §2.1). Every pair reaches WCAG AA contrast for normal text (4.5:1); palette.test.ts checks.
 * Colours are lower-case `#rrggbb`.
 */
export interface ColourPair {
  readonly id: string;
  readonly label: string;
  readonly text: string;
  readonly background: string;
}

export const PALETTE: readonly ColourPair[] = [
  { id: "green", label: "Green", text: "#202020", background: "#e3f2d3" },
  { id: "blue", label: "Blue", text: "#202020", background: "#d6e6f7" },
  { id: "orange", label: "Orange", text: "#202020", background: "#fde2c8" },
  { id: "pink", label: "Pink", text: "#202020", background: "#f7d6e6" },
  { id: "lavender", label: "Lavender", text: "#202020", background: "#e6dcf5" },
  { id: "yellow", label: "Yellow", text: "#202020", background: "#fff3b0" },
  { id: "mint", label: "Mint", text: "#202020", background: "#cdeeea" },
  { id: "sky", label: "Sky", text: "#202020", background: "#90c0f0" },
  { id: "navy", label: "Navy", text: "#ffffff", background: "#1f5f99" },
  { id: "forest", label: "Forest", text: "#ffffff", background: "#2e6b30" },
  { id: "maroon", label: "Maroon", text: "#ffffff", background: "#8a2b2b" },
  { id: "purple", label: "Purple", text: "#ffffff", background: "#5b3f8c" },
];

/** Breaks default to Indico's break colour (indico.md §1.10). */
export const DEFAULT_BREAK_COLOURS = { text: "#202020", background: "#90c0f0" } as const;

/** The palette pair with these colours (case-insensitive), if any. */
export function findPalettePair(colours: { text: string; background: string }): ColourPair | undefined {
  const text = colours.text.toLowerCase();
  const background = colours.background.toLowerCase();
  return PALETTE.find((pair) => pair.text === text && pair.background === background);
}

/**
 * A new session's colours: the first palette pair no session or break of the event uses yet; when all are used,
 * the least used one (first in palette order on a tie). Deterministic, so the same event gets the same colours.
 */
export function pickUnusedColours(used: readonly { text: string; background: string }[]): ColourPair {
  const counts = new Map<string, number>(PALETTE.map((pair) => [pair.id, 0]));
  for (const colours of used) {
    const pair = findPalettePair(colours);
    if (pair) counts.set(pair.id, (counts.get(pair.id) ?? 0) + 1);
  }
  let best = PALETTE[0] as ColourPair;
  for (const pair of PALETTE) if ((counts.get(pair.id) ?? 0) < (counts.get(best.id) ?? 0)) best = pair;
  return best;
}

/** WCAG 2 relative luminance of `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = Number.parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [high, low] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
