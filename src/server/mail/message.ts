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
}

export const EMAIL_KIND = "email";
