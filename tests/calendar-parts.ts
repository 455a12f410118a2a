import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { expect } from "vitest";
import { expectStrictIcs } from "./ics-strict";

/** The iTIP part of an email as received (checked strictly), or null when the email has none. */
export function calendarPartOf(mail: ParsedMail | undefined): string | null {
  const part = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  if (!part) return null;
  const text = part.content.toString("utf8");
  expectStrictIcs(text, `calendar part in "${mail?.subject}"`);
  return text;
}

/** What a calendar reads in an email's calendar part: METHOD, the event's UID, SEQUENCE, STATUS and text. */
export function inviteIn(mail: ParsedMail | undefined) {
  const text = calendarPartOf(mail);
  expect(text, `a calendar part in "${mail?.subject}"`).not.toBeNull();
  const comp = new ICAL.Component(ICAL.parse(text ?? ""));
  const vevent = comp.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error(`no VEVENT in "${mail?.subject}"`);
  const ev = new ICAL.Event(vevent);
  return {
    method: String(comp.getFirstPropertyValue("method")),
    uid: ev.uid,
    sequence: ev.sequence,
    status: String(vevent.getFirstPropertyValue("status") ?? ""),
    /** The whole part, unfolded, for "does it mention …" checks. */
    text: (text ?? "").replace(/\r\n[ \t]/g, ""),
  };
}
