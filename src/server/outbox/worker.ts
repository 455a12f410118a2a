import { addMs } from "../platform/clock";
import type { Deps } from "../platform/deps";
import { backoffMs, MAX_ATTEMPTS } from "./backoff";
import type { OutboxKind, OutboxPayloads } from "./kinds";
import { claimDueRows, type OutboxRow, settleLeased } from "./queries";
import { redactedPayloadText } from "./secrets";

/** One handler per kind of message, each given the payload its kind carries. */
export type OutboxHandlers = { [K in OutboxKind]: (payload: OutboxPayloads[K], row: OutboxRow) => Promise<void> };

export interface OutboxWorker {
  /** Starts polling in the background. */
  start(): void;
  /** Stops polling and waits for deliveries in flight. */
  stop(): Promise<void>;
  /** Claims and delivers one batch of due rows; returns how many it handled. */
  runOnce(): Promise<number>;
  /** Runs batches until nothing is due (tests, CLI). */
  drain(): Promise<number>;
  /** Wakes a sleeping poller, e.g. right after a commit that enqueued something. */
  nudge(): void;
}

/**
 * Takes up to `limit` due rows and leases them to this worker until `now + lease`.
 * A worker that dies keeps its lease until it runs out; then another worker takes the row over.
 */
export async function claimDue(deps: Deps, limit: number): Promise<{ rows: OutboxRow[]; lease: string }> {
  const now = deps.clock.now().toISOString();
  const lease = addMs(now, deps.config.outboxLeaseMs);
  const rows = await claimDueRows(deps.db, deps.engine, now, lease, limit);
  return { rows, lease };
}

async function settle(deps: Deps, row: OutboxRow, lease: string, error: unknown): Promise<void> {
  const now = deps.clock.now().toISOString();
  if (error === undefined) {
    // Once delivered, the secret links it carried are needed by nobody else: keep only the masked text.
    const redacted = redactedPayloadText(row.payload);
    await settleLeased(deps.db, row.id, lease, {
      status: "sent",
      sent_at: now,
      locked_until: null,
      last_error: null,
      ...(redacted === null ? {} : { payload: redacted }),
    });
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  deps.log.warn({ outboxId: row.id, kind: row.kind, attempts: row.attempts, err: message }, "outbox delivery failed");
  await settleLeased(deps.db, row.id, lease, {
    status: giveUp ? "failed" : "pending",
    locked_until: null,
    last_error: message.slice(0, 2000),
    next_attempt_at: giveUp ? row.next_attempt_at : addMs(now, backoffMs(row.attempts)),
  });
}

async function runLimited<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(lanes);
}

export function createOutboxWorker(
  deps: Deps,
  handlers: Partial<OutboxHandlers>,
  opts: { batchSize?: number; concurrency?: number } = {},
): OutboxWorker {
  const batchSize = opts.batchSize ?? 50;
  const concurrency = opts.concurrency ?? 8;
  let running = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  async function runOnce(): Promise<number> {
    const { rows, lease } = await claimDue(deps, batchSize);
    await runLimited(rows, concurrency, async (row) => {
      // A row's kind and payload were written by `enqueue` with matching types; an unknown kind (left by a
      // newer version, or written by hand) fails like any delivery and ends in Admin > Mail.
      const handler = (handlers as Record<string, ((payload: unknown, row: OutboxRow) => Promise<void>) | undefined>)[
        row.kind
      ];
      let error: unknown;
      try {
        if (!handler) throw new Error(`No handler for outbox kind "${row.kind}"`);
        await handler(JSON.parse(row.payload), row);
      } catch (err) {
        error = err ?? new Error("unknown failure");
      }
      await settle(deps, row, lease, error);
    });
    return rows.length;
  }

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  return {
    runOnce,
    async drain() {
      let total = 0;
      for (let n = await runOnce(); n > 0; n = await runOnce()) total += n;
      return total;
    },
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let handled = 0;
          try {
            handled = await runOnce();
          } catch (err) {
            deps.log.error({ err }, "outbox worker pass failed");
          }
          if (handled === 0 && running) await sleep(deps.config.outboxPollMs);
        }
      })();
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
    },
    nudge() {
      wake?.();
    },
  };
}
