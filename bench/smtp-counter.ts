import { SMTPServer } from "smtp-server";

/** A minimal SMTP server on loopback that only counts accepted messages and their Message-IDs. */
export async function startSmtpCounter(opts: { delayMs?: number } = {}) {
  const ids = new Map<string, number>();
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (c: Buffer) => {
        if (head.length < 8192) head += c.toString("utf8");
      });
      stream.on("end", () => {
        const accept = () => {
          const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `none-${accepted}`;
          ids.set(id, (ids.get(id) ?? 0) + 1);
          accepted += 1;
          callback();
        };
        // A slow server keeps deliveries in flight long enough for a test to crash the sender among them.
        if (opts.delayMs) setTimeout(accept, opts.delayMs);
        else accept();
      });
    },
  });
  // A sender killed mid-message resets its connection: expected in crash tests, not an error of the server.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    get accepted() {
      return accepted;
    },
    get distinct() {
      return ids.size;
    },
    /** Messages received more than once (by Message-ID). */
    get repeats() {
      let n = 0;
      for (const c of ids.values()) n += c - 1;
      return n;
    },
    reset() {
      ids.clear();
      accepted = 0;
    },
    async waitFor(count: number, timeoutMs: number): Promise<boolean> {
      const end = Date.now() + timeoutMs;
      while (accepted < count) {
        if (Date.now() > end) return false;
        await new Promise((r) => setTimeout(r, 20));
      }
      return true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
