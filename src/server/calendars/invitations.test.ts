import ICAL from "ical.js";
import type { ParsedMail } from "mailparser";
import { expect, it } from "vitest";
import { buildOpenSession, futureLocal } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import { expectStrictIcs } from "../../../tests/ics-strict";
import type { CommunitySession } from "../../shared/schemas/community-sessions";

function calendarPart(mail: ParsedMail | undefined): string {
  const part = mail?.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(part, `calendar part in "${mail?.subject}"`).toBeDefined();
  const text = part?.content.toString("utf8") ?? "";
  expectStrictIcs(text, `calendar part in "${mail?.subject}"`);
  return text;
}

function parseOne(ics: string) {
  const comp = new ICAL.Component(ICAL.parse(ics));
  const vevent = comp.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  const ev = new ICAL.Event(vevent);
  return {
    method: comp.getFirstPropertyValue("method"),
    uid: ev.uid,
    sequence: ev.sequence,
    start: ev.startDate.toJSDate().toISOString(),
    ev,
    comp,
  };
}

describeEngines("calendar invitations and feeds", (engine) => {
  const server = useTestServer(engine, { env: { UPDATE_NOTICE_DELAY_MS: "0" } });

  it("invitations carry METHOD, one stable UID, a rising SEQUENCE and TZID; cancellations carry METHOD:CANCEL", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const ada = await signedInAgent(server(), { name: "Ada" });
    const bob = await signedInAgent(server(), { name: "Bob" });
    const s = await buildOpenSession(admin.agent, { startsLocal: futureLocal(20, "18:30") });
    await ada.agent.post(`/api/v1/community/sessions/${s.id}/registrations`, { role: "guest" });
    await bob.agent.post(`/api/v1/community/sessions/${s.id}/registrations`, { role: "guest" });
    await server().deliver();

    const confirmation = server()
      .smtp.to(ada.email)
      .find((m) => m.subject?.startsWith("Registration confirmed"));
    const invite = parseOne(calendarPart(confirmation));
    expect(invite.method).toBe("REQUEST");
    expect(invite.uid).toBe(`community-session-${s.id}@convene.test`);
    expect(invite.start).toBe(s.startsAt);
    expect(calendarPart(confirmation)).toMatch(/DTSTART;TZID=America\/New_York:\d{8}T183000/);
    expect(invite.ev.description).toContain("https://meet.example.org/peer-talks");

    const version = (await admin.agent.get<CommunitySession>(`/api/v1/community/sessions/${s.id}`)).body.version;
    await admin.agent.patch(`/api/v1/community/sessions/${s.id}`, { version, startsLocal: futureLocal(21, "19:00") });
    await server().deliver();
    const updated = parseOne(
      calendarPart(
        server()
          .smtp.to(ada.email)
          .find((m) => m.subject?.startsWith("Session Updated")),
      ),
    );
    expect(updated).toMatchObject({ method: "REQUEST", uid: invite.uid });
    expect(updated.sequence).toBeGreaterThan(invite.sequence);

    await bob.agent.delete(`/api/v1/community/sessions/${s.id}/registrations/me`);
    await server().deliver();
    const bobCancel = parseOne(
      calendarPart(
        server()
          .smtp.to(bob.email)
          .find((m) => m.subject?.startsWith("Registration Cancelled")),
      ),
    );
    expect(bobCancel).toMatchObject({ method: "CANCEL", uid: invite.uid });
    expect(bobCancel.sequence).toBeGreaterThan(updated.sequence);

    await admin.agent.post(`/api/v1/community/sessions/${s.id}/status`, { action: "cancel" });
    await server().deliver();
    const cancelled = parseOne(
      calendarPart(
        server()
          .smtp.to(ada.email)
          .find((m) => m.subject?.startsWith("Session Cancelled")),
      ),
    );
    expect(cancelled).toMatchObject({ method: "CANCEL", uid: invite.uid });
    expect(cancelled.sequence).toBeGreaterThan(bobCancel.sequence);
    expect(cancelled.ev.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    // Bob had already cancelled: he is not told again.
    expect(
      server()
        .smtp.to(bob.email)
        .some((m) => m.subject?.startsWith("Session Cancelled")),
    ).toBe(false);
  });

  it("a personal feed at a secret address lists my sessions with meeting details; resetting it retires the old address", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const me = await signedInAgent(server(), { name: "Feed Reader" });
    const mine = await buildOpenSession(admin.agent, { title: "Mine" });
    await buildOpenSession(admin.agent, { title: "Not mine" });
    await me.agent.post(`/api/v1/community/sessions/${mine.id}/registrations`, { role: "guest" });

    const { url } = (await me.agent.get<{ url: string }>("/api/v1/account/feed")).body;
    expect(url).toMatch(/^http:\/\/convene\.test\/api\/v1\/feeds\/[\w-]+\/calendar\.ics$/);
    const path = new URL(url).pathname;
    const anonymous = new Agent(server());
    const feed = await anonymous.get<string>(path);
    expect(feed.status).toBe(200);
    expectStrictIcs(feed.body, "personal feed");
    expect(String(feed.headers["content-type"])).toMatch(/text\/calendar/);
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    const events = comp.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual(["Mine"]);
    expect(events[0]?.description).toContain("https://meet.example.org/peer-talks");

    const reset = (await me.agent.post<{ url: string }>("/api/v1/account/feed/reset")).body.url;
    expect(reset).not.toBe(url);
    expect((await anonymous.get(path)).status).toBe(404);
    expect((await anonymous.get(new URL(reset).pathname)).status).toBe(200);
  });

  it("the community feed lists published sessions without meeting details, and a weekly series keeps 18:30 local across the DST change", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    await admin.agent.post("/api/v1/community/sessions", { title: "Hidden draft", startsLocal: "2027-03-01T18:30" });
    const dates = ["2027-03-07", "2027-03-14", "2027-03-21"]; // New York springs forward on 14 March 2027
    for (const [i, d] of dates.entries())
      await buildOpenSession(admin.agent, { title: `Weekly ${i + 1}`, startsLocal: `${d}T18:30` });
    const feed = await new Agent(server()).get<string>("/api/v1/community/calendar.ics");
    expect(feed.status).toBe(200);
    expectStrictIcs(feed.body, "community feed");
    expect(feed.body).not.toContain("Hidden draft");
    expect(feed.body).not.toContain("meet.example.org");
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    const weekly = comp
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v))
      .filter((e) => e.summary.startsWith("Weekly"));
    expect(weekly.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      "2027-03-07T23:30:00.000Z",
      "2027-03-14T22:30:00.000Z",
      "2027-03-21T22:30:00.000Z",
    ]);
    const localStarts = [...feed.body.matchAll(/DTSTART;TZID=America\/New_York:(2027\d{4}T\d{6})/g)].map((m) => m[1]);
    expect(localStarts).toEqual(expect.arrayContaining(["20270307T183000", "20270314T183000", "20270321T183000"]));
  });

  it("Add to calendar downloads the session; meeting details only for those entitled", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const s = await buildOpenSession(admin.agent, { title: "Download me" });
    const anon = await new Agent(server()).get<string>(`/api/v1/community/sessions/${s.id}/calendar.ics`);
    expect(anon.status).toBe(200);
    expect(String(anon.headers["content-disposition"])).toContain("attachment");
    expect(anon.body).not.toContain("meet.example.org");
    expectStrictIcs(anon.body, "session download");
    const asAdmin = await admin.agent.get<string>(`/api/v1/community/sessions/${s.id}/calendar.ics`);
    expect(asAdmin.body).toContain("meet.example.org");
  });
});
