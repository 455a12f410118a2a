/**
 * A one-second cache of the member lists (home page, past sessions), whose content is the same for every
 * viewer. Derived data only: this instance clears it after each of its own writes, and another instance's
 * copy is at most one second old. The database stays the only source of truth.
 */
const TTL_MS = 1000;
const entries = new Map<string, { at: number; body: string }>();

export function cachedList(key: string, now: number): string | undefined {
  const hit = entries.get(key);
  return hit && now - hit.at < TTL_MS ? hit.body : undefined;
}

export function storeList(key: string, body: string, now: number): void {
  if (entries.size > 100) entries.clear();
  entries.set(key, { at: now, body });
}

export function clearListCache(): void {
  entries.clear();
}
