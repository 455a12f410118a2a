/** A fully rendered email as stored in the outbox: what is sent is what was decided at commit time. */
export interface OutboundEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row, so a rare repeat after a crash is recognisable. */
  messageId: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  /** iTIP invitation (text/calendar) with its METHOD. */
  icalEvent?: { method: string; content: string; filename?: string };
  /**
   * Tokens of secret links in the message (reset, invitation, sign-up): masked wherever admins read the outbox,
   * and masked in the stored row once sent (outbox/secrets.ts). The transport ignores this field.
   */
  secrets?: string[];
}

export const EMAIL_KIND = "email";

declare module "../outbox/kinds" {
  interface OutboxPayloads {
    /** `meta` rides along in the outbox row (never in the email) for a later message that replaces this one. */
    email: OutboundEmail & { meta?: unknown };
  }
}
