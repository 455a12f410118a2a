import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Config } from "../platform/config";
import type { OutboundEmail } from "./message";

export interface Mailer {
  send(message: OutboundEmail): Promise<void>;
  close(): void;
  /** "smtp" or "files" (messages written under DATA_DIR/mail when no SMTP_URL is set). */
  mode: "smtp" | "files";
}

function toNodemailer(from: string, m: OutboundEmail): SendMailOptions {
  return {
    from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageId,
    attachments: m.attachments?.map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    icalEvent: m.icalEvent,
  };
}

/**
 * Keeps SMTP connections open and reuses them (5 at once unless SMTP_URL says otherwise): a fan-out of
 * 1,000 emails must not open 1,000 connections.
 */
export function pooledSmtpUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  if (!url.searchParams.has("maxConnections")) url.searchParams.set("maxConnections", "5");
  if (!url.searchParams.has("maxMessages")) url.searchParams.set("maxMessages", "1000");
  return url.toString();
}

export function createMailer(config: Config, siteName: () => string): Mailer {
  // MAIL_FROM's own display name wins; otherwise the sender is named after the site.
  const from = () => ({ name: config.mailFromName ?? siteName(), address: config.mailFrom });
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(pooledSmtpUrl(config.smtpUrl));
    return {
      mode: "smtp",
      async send(m) {
        // biome-ignore lint/suspicious/noExplicitAny: nodemailer accepts an address object for "from"
        await transport.sendMail(toNodemailer(from() as any, m));
      },
      close: () => transport.close(),
    };
  }
  const dir = path.join(config.dataDir, "mail");
  const stream = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    mode: "files",
    async send(m) {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      const info = await stream.sendMail(toNodemailer(from() as any, m));
      await fs.mkdir(dir, { recursive: true });
      const safeId = m.messageId.replace(/[^a-zA-Z0-9.-]/g, "_");
      await fs.writeFile(path.join(dir, `${safeId}.eml`), info.message as Buffer);
    },
    close: () => stream.close(),
  };
}
