import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface SmtpCapture {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** The SMTP envelope of each message, in the same order: MAIL FROM and RCPT TO. */
  envelopes: { from: string; to: string[] }[];
  /** Messages whose To header contains this address. */
  to(address: string): ParsedMail[];
  /** Waits until `predicate` holds over the received messages. */
  waitFor(predicate: (messages: ParsedMail[]) => boolean, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

function recipients(m: ParsedMail): string[] {
  const list = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase()));
}

/**
 * A real SMTP server on loopback that keeps what it receives. `hold` lets a test keep a message
 * in DATA (never answered), to simulate a delivery cut off by a crash.
 */
export async function startSmtpCapture(opts: { hold?: (raw: string) => boolean } = {}): Promise<SmtpCapture> {
  const messages: ParsedMail[] = [];
  const envelopes: { from: string; to: string[] }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        if (opts.hold?.(raw.toString("utf8"))) return; // never answer: the sender waits until it dies
        const parsed = await simpleParser(raw);
        const from = session.envelope.mailFrom;
        envelopes.push({
          from: from ? from.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        });
        messages.push(parsed);
        callback();
      });
    },
  });
  // A sender killed mid-message resets its connection: expected in crash tests, not an error of the server.
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    port,
    messages,
    envelopes,
    to: (address) => messages.filter((m) => recipients(m).includes(address.toLowerCase())),
    async waitFor(predicate, timeoutMs = 10_000) {
      const end = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > end)
          throw new Error(`SMTP capture: condition not met after ${timeoutMs} ms (${messages.length} messages)`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
