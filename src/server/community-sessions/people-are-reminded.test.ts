// Reminders before a community session (issue #15), as the participants receive them: read from the SMTP
// capture, with the server's clock moved to each reminder's time.
import { expect, it } from "vitest";
import { inviteIn } from "../../../tests/calendar-parts";
import { buildOpenSession, mailsAbout, registeredMember, uniqueTitle } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { CommunitySession, ReminderSettings } from "../../shared/schemas/community-sessions";
import { sendReminder } from "./reminders.operations";

const BASE = "/api/v1/community/sessions";
const SETTINGS = "/api/v1/admin/settings/reminders";
const HOUR = 3_600_000;

describeEngines("community sessions: people are reminded", (engine) => {
  // The server's clock: each test moves it to the reminders' times and back.
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  const server = useTestServer(engine, { clock });
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;
  /** Moves the clock to `ms` before the session's start and lets the worker send what is due. */
  const at = async (session: { startsAt: string | null }, msBefore: number) => {
    offset = Date.parse(session.startsAt ?? "") - msBefore - Date.now();
    await server().deliver();
  };
  const reminders = (email: string, title: string) =>
    mailsAbout(server(), email, title)
      .map((m) => m.subject ?? "")
      .filter((s) => s.startsWith("Reminder:"));

  it("every participant is reminded 24 hours and 1 hour before, once each, with the meeting link, their time and the session's, and the agenda", async () => {
    offset = 0;
    const a = await admin();
    const title = uniqueTitle("Reminded");
    const session = await buildOpenSession(a, { title, timeZone: "America/New_York" });
    const host = await registeredMember(server(), session.id, "host", { name: "Hal" });
    const presenter = await registeredMember(server(), session.id, "presenter", {
      name: "Pia",
      fields: { talkTitle: "Maps that lie" },
    });
    const guest = await registeredMember(server(), session.id, "guest", { name: "Gus" });
    // Pia lives in Paris: her reminder gives her time and the session's.
    expect((await presenter.agent.patch("/api/v1/account", { timeZone: "Europe/Paris" })).status).toBe(200);
    await server().deliver();
    for (const p of [host, presenter, guest]) expect(reminders(p.email, title)).toEqual([]);

    await at(session, 24 * HOUR - 60_000);
    await server().deliver(); // a second pass sends nothing more
    for (const p of [host, presenter, guest])
      expect(reminders(p.email, title)).toEqual([`Reminder: ${title} starts in 24 hours`]);
    const mail = mailsAbout(server(), presenter.email, title).at(-1);
    expect(mail?.text).toContain("https://meet.example.org/peer-talks");
    expect(mail?.text).toContain("sesame");
    expect(mail?.text).toContain("Your role: Presenter");
    expect(mail?.text).toContain("Your talk: Maps that lie");
    // Her time and the session's (America/New_York), and the agenda with each item's time in hers.
    expect(mail?.text).toMatch(/\(Europe\/Paris\).*in the session's zone/);
    expect(mail?.text).toContain("Agenda (times in Europe/Paris)");
    expect(mail?.text).toContain("Pia: Maps that lie");
    // A calendar part that keeps her entry current: the invitation's UID, with the meeting link.
    const part = inviteIn(mail);
    expect(part.method).toBe("REQUEST");
    expect(part.text).toContain("meet.example.org/peer-talks");

    await at(session, HOUR - 60_000);
    for (const p of [host, presenter, guest])
      expect(reminders(p.email, title)).toEqual([
        `Reminder: ${title} starts in 24 hours`,
        `Reminder: ${title} starts in 1 hour`,
      ]);
    offset = 0;
  });

  it("moving the session moves its reminders, cancelling drops them, and someone registering after a reminder's time gets no late one", async () => {
    offset = 0;
    const a = await admin();
    const title = uniqueTitle("Moved");
    const session = await buildOpenSession(a, { title });
    const guest = await registeredMember(server(), session.id, "guest");
    // Two days later: at the old 24-hour time nothing is sent, at the new one it is.
    const later = `${new Date(Date.parse(session.startsAt ?? "") + 48 * HOUR).toISOString().slice(0, 10)}T${session.startsLocal?.slice(11)}`;
    const moved = await a.patch<CommunitySession>(`${BASE}/${session.id}`, {
      startsLocal: later,
      version: session.version,
    });
    expect(moved.status).toBe(200);
    await at(session, 24 * HOUR - 60_000);
    expect(reminders(guest.email, title)).toEqual([]);
    await at(moved.body, 24 * HOUR - 60_000);
    expect(reminders(guest.email, title)).toEqual([`Reminder: ${title} starts in 24 hours`]);

    // Registered 23 hours before: no 24-hour reminder now, the 1-hour one later.
    const late = await registeredMember(server(), session.id, "guest");
    await server().deliver();
    expect(reminders(late.email, title)).toEqual([]);
    await at(moved.body, HOUR - 60_000);
    expect(reminders(late.email, title)).toEqual([`Reminder: ${title} starts in 1 hour`]);

    // A session closed to registration still takes place: its participants are reminded.
    offset = 0;
    const closed = await buildOpenSession(a, { title: uniqueTitle("Closed doors") });
    const inside = await registeredMember(server(), closed.id, "guest");
    expect((await a.post(`${BASE}/${closed.id}/status`, { action: "close" })).status).toBe(200);
    await at(closed, HOUR - 60_000);
    expect(reminders(inside.email, closed.title)).toEqual([`Reminder: ${closed.title} starts in 1 hour`]);

    // A cancelled session reminds nobody.
    offset = 0;
    const other = await buildOpenSession(a, { title: uniqueTitle("Called off") });
    const nobody = await registeredMember(server(), other.id, "guest");
    expect((await a.post(`${BASE}/${other.id}/status`, { action: "cancel" })).status).toBe(200);
    await at(other, HOUR - 60_000);
    expect(reminders(nobody.email, other.title)).toEqual([]);
    offset = 0;
  });

  it("a session's own times replace the site's, a role's extra time reaches that role only, and the site's times follow for sessions ahead", async () => {
    offset = 0;
    const a = await admin();
    const title = uniqueTitle("Own times");
    const session = await buildOpenSession(a, { title });
    const presenter = await registeredMember(server(), session.id, "presenter", { fields: { talkTitle: "Ten" } });
    const guest = await registeredMember(server(), session.id, "guest");
    // Presenters are also reminded 3 days before: "your talk slot is 10 minutes".
    const put = await a.put<ReminderSettings>(SETTINGS, { roleMinutes: { presenter: [3 * 24 * 60] } });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ defaultMinutes: [1440, 60], roleMinutes: { presenter: [4320] } });
    const own = await a.patch<CommunitySession>(`${BASE}/${session.id}`, {
      reminderMinutes: [120],
      version: (await a.get<CommunitySession>(`${BASE}/${session.id}`)).body.version,
    });
    expect(own.body.reminderMinutes).toEqual([120]);

    await at(session, 72 * HOUR - 60_000);
    expect(reminders(presenter.email, title)).toEqual([`Reminder: ${title} starts in 3 days`]);
    expect(reminders(guest.email, title)).toEqual([]);
    await at(session, 24 * HOUR - 60_000);
    expect(reminders(guest.email, title)).toEqual([]);
    await at(session, 2 * HOUR - 60_000);
    expect(reminders(guest.email, title)).toEqual([`Reminder: ${title} starts in 2 hours`]);
    offset = 0;
    expect((await a.put(SETTINGS, { roleMinutes: {} })).status).toBe(200);
  });

  it("a reminder's fan-out run twice (a crash before it was marked done) sends each email once", async () => {
    offset = 0;
    const a = await admin();
    const title = uniqueTitle("Twice");
    const session = await buildOpenSession(a, { title });
    const guest = await registeredMember(server(), session.id, "guest");
    offset = Date.parse(session.startsAt ?? "") - HOUR - Date.now();
    const payload = { sessionId: session.id, startsAt: session.startsAt ?? "", minutesBefore: 60 };
    await sendReminder(server().deps, payload);
    await sendReminder(server().deps, payload);
    await server().deliver();
    expect(reminders(guest.email, title)).toEqual([`Reminder: ${title} starts in 1 hour`]);
    offset = 0;
  });

  it("bad reminder times get a 400 naming the field and change nothing; only admins set them", async () => {
    offset = 0;
    const a = await admin();
    const before = (await a.get<ReminderSettings>(SETTINGS)).body;
    for (const [body, field] of [
      [{ defaultMinutes: [0] }, "defaultMinutes.0"],
      [{ defaultMinutes: [60, 60] }, "defaultMinutes"],
      [{ defaultMinutes: [1, 2, 3, 4, 5, 6] }, "defaultMinutes"],
      [{ roleMinutes: { speaker: [60] } }, "roleMinutes"],
      [{ defaultMinutes: [31 * 24 * 60] }, "defaultMinutes.0"],
    ] as const) {
      const res = await a.put<ErrorBody>(SETTINGS, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {}).join(), JSON.stringify(body)).toContain(field);
    }
    expect((await a.get<ReminderSettings>(SETTINGS)).body).toEqual(before);
    const session = await buildOpenSession(a, { title: uniqueTitle("Bad own") });
    const bad = await a.patch<ErrorBody>(`${BASE}/${session.id}`, { reminderMinutes: [-5], version: session.version });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("reminderMinutes.0");
    const member = (await signedInAgent(server())).agent;
    expect((await member.get(SETTINGS)).status).toBe(403);
    expect((await member.put(SETTINGS, { defaultMinutes: [30] })).status).toBe(403);
  });
});
