/**
 * A one-second cache of the member lists (home page, past sessions), whose content is the same for every
 * viewer. Derived data only: this instance clears it after each of its own writes, and another instance's
 * copy is at most one second old. The database stays the only source of truth. Requests that miss at the same
 * moment share one computation instead of all recomputing the list at once.
 */
const TTL_MS = 1000;
const entries = new Map<string, { at: number; body: Promise<string> }>();

export function cachedList(key: string, now: number, compute: () => Promise<string>): Promise<string> {
  const hit = entries.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.body;
  if (entries.size > 100) entries.clear();
  const body = compute();
  entries.set(key, { at: now, body });
  // A failed computation is not kept: the next request tries again.
  body.catch(() => {
    if (entries.get(key)?.body === body) entries.delete(key);
  });
  return body;
}

export function clearListCache(): void {
  entries.clear();
}
