import http from "node:http";

export interface LoadResult {
  latenciesMs: number[];
  statuses: Map<number, number>;
  wallMs: number;
}

export interface Request {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** One HTTP request over a keep-alive agent; resolves with status and body. */
export function request(
  base: string,
  r: Request,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  const url = new URL(r.path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: r.method ?? "GET",
        agent,
        headers: { ...(r.body ? { "content-type": "application/json" } : {}), ...r.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }),
        );
      },
    );
    req.on("error", reject);
    if (r.body) req.write(r.body);
    req.end();
  });
}

/**
 * Runs `total` requests with `concurrency` in flight at once, and keeps going until `minMs` have passed when
 * given (a window spanning a fixed time rather than a fixed count); every latency is kept.
 */
export async function load(
  base: string,
  make: (i: number) => Request,
  opts: { concurrency: number; total: number; minMs?: number },
): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  const minMs = opts.minMs ?? 0;
  await Promise.all(
    Array.from({ length: opts.concurrency }, async () => {
      while (next < opts.total || performance.now() - started < minMs) {
        const i = next++;
        const t = performance.now();
        const res = await request(base, make(i));
        latenciesMs.push(performance.now() - t);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    }),
  );
  return { latenciesMs, statuses, wallMs: performance.now() - started };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx] as number;
}

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}
