/** Longest slug: long enough to read, short enough to type from a poster. */
export const SLUG_MAX = 60;

/** Lower-case ASCII words joined by single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A readable URL part from a title (issue #14, "a short, readable URL"): accents dropped, lower-case ASCII words
 * joined by "-", cut at a word boundary within `SLUG_MAX` characters; `fallback` when no letter or digit is left
 * (a title in a script without Latin letters).
 */
export function slugify(title: string, fallback = "event"): string {
  const words = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  // A single word longer than the limit is cut rather than lost.
  if (!slug && words[0]) slug = words[0].slice(0, SLUG_MAX);
  return slug || fallback;
}

/** The first of `base`, `base-2`, `base-3`, … that is not taken, still within `SLUG_MAX`. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
