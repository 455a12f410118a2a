/** Attempts before a message is marked failed and shown to admins. */
export const MAX_ATTEMPTS = 8;

/**
 * Delay before retry number `attempt` (1-based): 10 s doubling up to one hour, ±20 % jitter so that
 * messages that failed together do not retry in lockstep.
 */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(10_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);
  return Math.round(base * (0.8 + 0.4 * random()));
}
