// Meeting URL and Meeting Password reach only those entitled: admins, the session's managers and its active
// participants (community.md, Registration 5; Google Calendar sync: "never the meeting URL or password").
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Clock } from "../../src/server/platform/clock";
import type { CommunitySession, ParticipantList } from "../../src/shared/schemas/community-sessions";
import { buildOpenSession, registeredMember, uniqueTitle } from "../community";
import { describeEngines } from "../engines";
import { type GoogleStandIn, startGoogleStandIn } from "../google-stand-in";
import { type Agent, signedInAgent, type TestServer, useTestServer } from "../harness";

const BASE = "/api/v1/community/sessions";

function secrets() {
  const tag = Math.random().toString(36).slice(2, 10);
  return { meetingUrl: `https://meet.example.org/room-${tag}`, meetingPassword: `pw-${tag}` };
}

/** Everything a mail carries: headers, text, HTML and attachments such as the ICS invitation. */
function mailText(m: TestServer["smtp"]["messages"][number]): string {
  return [
    m.subject ?? "",
    m.text ?? "",
    typeof m.html === "string" ? m.html : "",
    ...m.attachments.map((a) => a.content.toString("utf8")),
  ].join("\n");
}

/** Every answer a person gets from the routes that show sessions, as text. */
async function everythingSeenBy(server: TestServer, agent: Agent, sessionId: string, signedIn: boolean) {
  const seen: Record<string, { status: number; text: string }> = {};
  const look = async (label: string, url: string) => {
    const res = await agent.get(url);
    seen[label] = { status: res.status, text: res.raw.body };
  };
  await look("upcoming list", `${BASE}?when=upcoming`);
  await look("past list", `${BASE}?when=past`);
  await look("session", `${BASE}/${sessionId}`);
  await look("session ICS", `${BASE}/${sessionId}/calendar.ics`);
  await look("community feed", "/api/v1/community/calendar.ics");
  await look("participants", `${BASE}/${sessionId}/participants`);
  await look("admin list", "/api/v1/admin/community/sessions");
  if (signedIn) {
    await look("my registrations", "/api/v1/me/community/registrations");
    const feed = await agent.get<{ url: string }>("/api/v1/account/feed");
    await look("personal feed", feed.body.url.slice(server.deps.config.baseUrl.length));
  }
  return seen;
}

describeEngines("security: meeting details", (engine) => {
  let google: GoogleStandIn;
  beforeAll(async () => {
    google = await startGoogleStandIn();
  });
  afterAll(() => google.close());
  const server = useTestServer(engine, { env: { CALENDAR_SYNC_DELAY_MS: "0", UPDATE_NOTICE_DELAY_MS: "0" } });

  it("are absent from every route, feed and email that anonymous visitors, members and former participants get", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const secret = secrets();
    const s = await buildOpenSession(admin, { title: uniqueTitle("Secret room"), ...secret });
    const active = await registeredMember(server(), s.id, "presenter", { fields: { talkTitle: "Talk" } });
    const former = await registeredMember(server(), s.id, "guest");
    const removed = await registeredMember(server(), s.id, "guest");
    expect((await former.agent.delete(`${BASE}/${s.id}/registrations/me`)).status).toBe(200);
    const roster = await admin.get<ParticipantList>(`${BASE}/${s.id}/participants`);
    const removedRow = roster.body.participants.find((p) => p.userId === removed.id);
    expect((await admin.delete(`${BASE}/${s.id}/participants/${removedRow?.id}`)).status).toBe(200);
    const member = await signedInAgent(server());
    await server().deliver();

    // The set-up is meaningful: an active participant does see them.
    const own = await active.agent.get<CommunitySession>(`${BASE}/${s.id}`);
    expect(own.body).toMatchObject(secret);

    const viewers: [string, Agent, boolean][] = [
      ["anonymous", server().agent(), false],
      ["member", member.agent, true],
      ["former participant", former.agent, true],
      ["removed participant", removed.agent, true],
    ];
    for (const [who, agent, signedIn] of viewers) {
      const seen = await everythingSeenBy(server(), agent, s.id, signedIn);
      expect(seen.session?.status, who).toBe(200);
      for (const [route, { text }] of Object.entries(seen)) {
        expect.soft(text, `${who}: ${route}`).not.toContain(secret.meetingUrl);
        expect.soft(text, `${who}: ${route}`).not.toContain(secret.meetingPassword);
      }
      expect(seen.participants?.status, who).toBe(signedIn ? 403 : 401);
    }

    // What the two who left were sent when they left: Registration Cancelled with a CANCEL invitation.
    for (const person of [former, removed]) {
      const cancelled = server()
        .smtp.to(person.email)
        .filter((m) => (m.subject ?? "").startsWith("Registration Cancelled"));
      expect(cancelled).toHaveLength(1);
      const text = mailText(cancelled[0] as TestServer["smtp"]["messages"][number]);
      expect(text).toContain("METHOD:CANCEL");
      expect(text).not.toContain(secret.meetingUrl);
      expect(text).not.toContain(secret.meetingPassword);
    }
  });

  it("never reach the community Google Calendar event", async () => {
    server().deps.config.googleApiRoot = google.apiRoot;
    server().deps.config.googleTokenUrl = google.tokenUrl;
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const saved = await admin.put("/api/v1/admin/settings/google", {
      calendarId: google.calendarId,
      serviceAccountJson: google.serviceAccountJson,
    });
    expect(saved.status).toBe(200);
    const secret = secrets();
    const title = uniqueTitle("Synced");
    const s = await buildOpenSession(admin, { title, ...secret });
    await registeredMember(server(), s.id, "host");
    const other = secrets();
    expect((await admin.patch(`${BASE}/${s.id}`, { version: s.version, ...other })).status).toBe(200);
    await server().deliver();
    await server().deliver();
    const event = [...google.events.values()].find((e) => e.summary === title);
    expect(event).toBeDefined();
    const text = JSON.stringify(event);
    for (const value of [secret.meetingUrl, secret.meetingPassword, other.meetingUrl, other.meetingPassword]) {
      expect(text).not.toContain(value);
    }
  });

  it("stop reaching a personal feed once its address is reset or its owner deactivated", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const secret = secrets();
    const s = await buildOpenSession(admin, secret);
    const p = await registeredMember(server(), s.id, "guest");
    const first = (await p.agent.get<{ url: string }>("/api/v1/account/feed")).body.url;
    const path = (url: string) => url.slice(server().deps.config.baseUrl.length);
    const before = await server().agent().get(path(first));
    expect(before.status).toBe(200);
    expect(before.raw.body).toContain(secret.meetingUrl);

    const second = (await p.agent.post<{ url: string }>("/api/v1/account/feed/reset")).body.url;
    expect(second).not.toBe(first);
    expect((await server().agent().get(path(first))).status).toBe(404);
    expect((await server().agent().get(path(second))).status).toBe(200);

    expect((await admin.patch(`/api/v1/admin/users/${p.id}`, { active: false })).status).toBe(200);
    const after = await server().agent().get(path(second));
    expect(after.status).toBe(404);
    expect(after.raw.body).not.toContain(secret.meetingUrl);
  });
});

describeEngines("security: meeting details after leaving a session", (engine) => {
  // Session Updated waits UPDATE_NOTICE_DELAY_MS (60 s by default) so that autosave sends one email per burst.
  let offsetMs = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offsetMs) };
  const server = useTestServer(engine, { clock });

  it("are not sent to someone removed before a queued Session Updated notice goes out", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const s = await buildOpenSession(admin, secrets());
    const guest = await registeredMember(server(), s.id, "guest");
    await server().deliver();

    // The organiser changes the password, then removes the participant it was changed for.
    const changed = secrets();
    expect((await admin.patch(`${BASE}/${s.id}`, { version: s.version, ...changed })).status).toBe(200);
    const roster = await admin.get<ParticipantList>(`${BASE}/${s.id}/participants`);
    const row = roster.body.participants.find((p) => p.userId === guest.id);
    expect((await admin.delete(`${BASE}/${s.id}/participants/${row?.id}`)).status).toBe(200);

    offsetMs += 2 * 60_000;
    await server().deliver();
    const mails = server().smtp.to(guest.email);
    expect(mails.some((m) => (m.subject ?? "").startsWith("Registration Cancelled"))).toBe(true);
    const leaked = mails.filter((m) => {
      const text = mailText(m);
      return text.includes(changed.meetingUrl) || text.includes(changed.meetingPassword);
    });
    expect(leaked.map((m) => m.subject)).toEqual([]);
  });
});
