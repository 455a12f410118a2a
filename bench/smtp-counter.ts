import { SMTPServer } from "smtp-server";

/** One accepted message as the counter keeps it: its Message-ID, envelope recipients and Subject. */
export interface CountedMessage {
  messageId: string;
  to: string[];
  subject: string;
}

/**
 * A minimal SMTP server on loopback that only counts accepted messages and their Message-IDs; it also keeps each
 * message's recipients and subject, so a test can count one kind of email (`matching`).
 */
export async function startSmtpCounter(opts: { delayMs?: number } = {}) {
  const ids = new Map<string, number>();
  let messages: CountedMessage[] = [];
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      let head = "";
      stream.on("data", (c: Buffer) => {
        if (head.length < 8192) head += c.toString("utf8");
      });
      stream.on("end", () => {
        const accept = () => {
          const id = /^Message-ID:\s*(\S+)/im.exec(head)?.[1] ?? `none-${accepted}`;
          ids.set(id, (ids.get(id) ?? 0) + 1);
          const headers = head.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";
          messages.push({
            messageId: id,
            to: session.envelope.rcptTo.map((a) => a.address),
            subject: /^Subject:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? "",
          });
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
    /** Every accepted message (repeats included) whose subject starts with `subjectPrefix`. */
    matching(subjectPrefix: string): CountedMessage[] {
      return messages.filter((m) => m.subject.startsWith(subjectPrefix));
    },
    reset() {
      ids.clear();
      messages = [];
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
