// Nobody is surprised (issue 13): reopening a cancelled session, deleting one with participants, accepting an
// invitation and signing up with a time zone, as the people concerned see them: their emails and calendar parts
// read from the SMTP capture.
import { expect, it } from "vitest";
import { confirmationTokens, linksIn } from "../../../tests/accounts";
import { calendarPartOf, inviteIn } from "../../../tests/calendar-parts";
import { auditOf, buildOpenSession, mailsAbout, registeredMember, uniqueTitle } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { type Agent, PASSWORD, signedInAgent, uniqueEmail, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { CommunitySession, ParticipantList } from "../../shared/schemas/community-sessions";

const BASE = "/api/v1/community/sessions";
type S = CommunitySession & ErrorBody;

describeEngines("community sessions: people are told", (engine) => {
  const server = useTestServer(engine, { env: { UPDATE_NOTICE_DELAY_MS: "0" } });
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;
  const status = (a: Agent, id: string, body: Record<string, unknown>) => a.post<S>(`${BASE}/${id}/status`, body);
  const subjects = (email: string, title: string) => mailsAbout(server(), email, title).map((m) => m.subject);
  const lastMail = (email: string, title: string) => mailsAbout(server(), email, title).at(-1);

  /** An open session with a host and a presenter, cancelled: both were told and their calendars dropped it. */
  async function cancelledWithTwo(prefix: string) {
    const a = await admin();
    const title = uniqueTitle(prefix);
    const open = await buildOpenSession(a, { title });
    const host = await registeredMember(server(), open.id, "host", { name: "Hal" });
    const presenter = await registeredMember(server(), open.id, "presenter", {
      name: "Pia",
      fields: { talkTitle: "Maps that lie" },
    });
    await server().deliver();
    expect((await status(a, open.id, { action: "cancel" })).body.status).toBe("cancelled");
    await server().deliver();
    return { a, title, id: open.id, host, presenter };
  }

  // ---------------------------------------------------------------- 1. Reopening a cancelled session

  it("reopening a cancelled session with participants asks what becomes of them: 400 naming the field, nothing changes", async () => {
    const { a, title, id, host } = await cancelledWithTwo("Ask first");
    const before = (await a.get<S>(`${BASE}/${id}`)).body;

    const bare = await status(a, id, { action: "reopen" });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toHaveProperty("participants");
    expect(bare.body.error.message).toMatch(/2 people were registered/);
    const unknown = await status(a, id, { action: "reopen", participants: "keep" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty("participants");
    expect((await a.get<S>(`${BASE}/${id}`)).body).toMatchObject({ status: "cancelled", version: before.version });
    await server().deliver();
    expect(subjects(host.email, title)).toEqual([`Registration confirmed: ${title}`, `Session Cancelled: ${title}`]);

    // The choice means nothing for another action, and is refused there rather than ignored.
    const other = await buildOpenSession(a, { title: uniqueTitle("Not a reopen") });
    const close = await status(a, other.id, { action: "close", participants: "release" });
    expect(close.status).toBe(400);
    expect(close.body.error.fields).toHaveProperty("participants");
    expect((await a.get<S>(`${BASE}/${other.id}`)).body.status).toBe("open");
    // Without participants there is nothing to choose.
    expect((await status(a, other.id, { action: "cancel" })).body.status).toBe("cancelled");
    expect((await status(a, other.id, { action: "reopen" })).body.status).toBe("open");
  });

  it("restore: each participant is told the session is back on in their role, with a calendar REQUEST above the cancellation's SEQUENCE and a link to cancel", async () => {
    const { a, title, id, host, presenter } = await cancelledWithTwo("Back on");
    const cancellation = inviteIn(lastMail(presenter.email, title));
    expect(cancellation.method).toBe("CANCEL");

    const reopened = await status(a, id, { action: "reopen", participants: "restore" });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("open");
    expect(reopened.body.slots.host.taken).toBe(1);
    expect(reopened.body.slots.presenter.taken).toBe(1);
    await server().deliver();

    for (const [who, role] of [
      [host, "Host"],
      [presenter, "Presenter"],
    ] as const) {
      const mail = lastMail(who.email, title);
      expect(mail?.subject).toBe(`Session Back On: ${title}`);
      expect(mail?.text).toContain(`you are registered as ${role} again`);
      expect(mail?.text).toContain("https://meet.example.org/peer-talks");
      expect(mail?.text).toContain(`Cancel my registration: http://convene.test/sessions/${id}?cancel=registration`);
      expect(mail?.html).toContain(`http://convene.test/sessions/${id}?cancel=registration`);
      const request = inviteIn(mail);
      expect(request).toMatchObject({ method: "REQUEST", uid: cancellation.uid });
      expect(request.status).not.toBe("CANCELLED");
      expect(request.sequence).toBeGreaterThan(inviteIn(mailsAbout(server(), who.email, title)[1]).sequence);
      expect(request.text).toContain("https://meet.example.org/peer-talks");
    }
    expect(lastMail(presenter.email, title)?.text).toContain("Maps that lie");

    // Registered again indeed: each may cancel, by the link's page.
    const mine = (await presenter.agent.get<S>(`${BASE}/${id}`)).body.myRegistration;
    expect(mine).toMatchObject({ role: "presenter", canCancel: true });
    const audit = (await auditOf(a, id)).filter((e) => e.action === "community_session.status_changed").at(-1);
    expect(audit?.changes).toMatchObject({ action: "reopen", participants: "restore" });
  });

  it("start empty: each participant is told their place was released, and their registrations become Cancelled", async () => {
    const { a, title, id, host, presenter } = await cancelledWithTwo("Fresh start");

    const reopened = await status(a, id, { action: "reopen", participants: "release" });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe("open");
    expect(reopened.body.roster).toEqual([]);
    expect(reopened.body.slots.host).toEqual({ capacity: 1, taken: 0, offered: 0, free: 1, waiting: 0 });
    const roster = (await a.get<ParticipantList>(`${BASE}/${id}/participants`)).body.participants;
    expect(roster.map((p) => [p.name, p.status, p.presenterOrder])).toEqual([
      ["Hal", "cancelled", null],
      ["Pia", "cancelled", null],
    ]);
    await server().deliver();

    for (const [who, role] of [
      [host, "Host"],
      [presenter, "Presenter"],
    ] as const) {
      expect(subjects(who.email, title)).toEqual([
        `Registration confirmed: ${title}`,
        `Session Cancelled: ${title}`,
        `Place Released: ${title}`,
      ]);
      const mail = lastMail(who.email, title);
      expect(mail?.text).toContain(`your place as ${role} was released`);
      expect(mail?.text).toContain(`http://convene.test/sessions/${id}`);
      expect(mail?.text).not.toContain("meet.example.org");
      // Their calendars dropped the session with its cancellation: nothing to add back.
      expect(calendarPartOf(mail)).toBeNull();
      const seen = (await who.agent.get<S>(`${BASE}/${id}`)).body;
      expect(seen.myRegistration).toBeNull();
      expect(seen.meetingUrl).toBeNull();
    }
    // Free to register again, like anyone.
    expect((await host.agent.post(`${BASE}/${id}/registrations`, { role: "host" })).status).toBe(201);
  });

  it("a participant of a cancelled session cannot cancel their registration: the page offers nothing, the API says why", async () => {
    const { id, title, presenter } = await cancelledWithTwo("Nothing to cancel");
    const seen = (await presenter.agent.get<S>(`${BASE}/${id}`)).body;
    expect(seen.myRegistration).toMatchObject({ role: "presenter", canCancel: false });
    const refused = await presenter.agent.delete<ErrorBody>(`${BASE}/${id}/registrations/me`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("session_cancelled");
    await server().deliver();
    expect(subjects(presenter.email, title)).toEqual([
      `Registration confirmed: ${title}`,
      `Session Cancelled: ${title}`,
    ]);
  });

  // ---------------------------------------------------------------- 2. Roster: status Cancelled tells them

  it("setting a participant's status to Cancelled emails them Registration Cancelled with a calendar CANCEL, as Remove does", async () => {
    const a = await admin();
    const title = uniqueTitle("Status cancel");
    const open = await buildOpenSession(a, { title });
    const guest = await registeredMember(server(), open.id, "guest", { name: "Gia" });
    await server().deliver();
    const confirmation = inviteIn(lastMail(guest.email, title));
    const pid = (await a.get<ParticipantList>(`${BASE}/${open.id}/participants`)).body.participants[0]?.id;

    expect((await a.patch(`${BASE}/${open.id}/participants/${pid}`, { status: "cancelled" })).status).toBe(200);
    await server().deliver();
    const mail = lastMail(guest.email, title);
    expect(mail?.subject).toBe(`Registration Cancelled: ${title}`);
    const cancel = inviteIn(mail);
    expect(cancel).toMatchObject({ method: "CANCEL", uid: confirmation.uid });
    expect(cancel.sequence).toBeGreaterThan(confirmation.sequence);
    expect(cancel.text).not.toContain("meet.example.org");
  });

  // ---------------------------------------------------------------- 5. Deleting a session with participants

  it("deleting a session tells each active participant it is cancelled, with a calendar CANCEL; nobody else", async () => {
    const a = await admin();
    const title = uniqueTitle("Deleted");
    const open = await buildOpenSession(a, { title });
    const host = await registeredMember(server(), open.id, "host", { name: "Hal" });
    const guest = await registeredMember(server(), open.id, "guest", { name: "Gia" });
    const left = await registeredMember(server(), open.id, "presenter", { name: "Pam" });
    await left.agent.delete(`${BASE}/${open.id}/registrations/me`);
    await server().deliver();
    const confirmation = inviteIn(mailsAbout(server(), guest.email, title)[0]);
    const leftBefore = subjects(left.email, title);

    expect((await a.delete(`${BASE}/${open.id}`)).status).toBe(200);
    await server().deliver();
    for (const who of [host, guest]) {
      const mail = lastMail(who.email, title);
      expect(mail?.subject).toBe(`Session Cancelled: ${title}`);
      expect(mail?.text).toMatch(/has been cancelled by the organisers and removed from Convene/);
      // The page is gone: no link to it.
      expect(mail?.text).not.toContain(`/sessions/${open.id}`);
      const cancel = inviteIn(mail);
      expect(cancel).toMatchObject({ method: "CANCEL", uid: confirmation.uid, status: "CANCELLED" });
      expect(cancel.sequence).toBeGreaterThan(confirmation.sequence);
      expect(cancel.text).not.toContain("meet.example.org");
    }
    expect(subjects(left.email, title)).toEqual(leftBefore);
    const deleted = (await auditOf(a, open.id)).find((e) => e.action === "community_session.deleted");
    expect(deleted?.changes).toMatchObject({ participants: 3, told: 2 });
  });

  it("deleting a cancelled session tells nobody again: they were told when it was cancelled", async () => {
    const { a, title, id, host, presenter } = await cancelledWithTwo("Deleted after cancel");
    expect((await a.delete(`${BASE}/${id}`)).status).toBe(200);
    await server().deliver();
    for (const who of [host, presenter]) {
      expect(subjects(who.email, title)).toEqual([`Registration confirmed: ${title}`, `Session Cancelled: ${title}`]);
    }
  });

  // ---------------------------------------------------------------- 4. The invitation to a new address

  it("an invitation link creates the account once; not with a weak password, not for an account that has one", async () => {
    const a = await admin();
    const title = uniqueTitle("Invitation link");
    const open = await buildOpenSession(a, { title });
    const email = uniqueEmail("invitee");
    expect((await a.post(`${BASE}/${open.id}/participants`, { email, role: "guest" })).status).toBe(201);
    await server().deliver();
    const token = linksIn(server(), email, "/accept-invitation")[0]?.searchParams.get("token");
    const accept = (agent: Agent, body: Record<string, unknown>) =>
      agent.post<ErrorBody>("/api/v1/auth/invitation/accept", { token, name: "Ivo Invitee", ...body });

    const weak = await accept(server().agent(), { password: "short" });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields).toHaveProperty("password");
    const badZone = await accept(server().agent(), { password: PASSWORD, timeZone: "Mars/Olympus" });
    expect(badZone.status).toBe(400);
    expect(badZone.body.error.fields).toHaveProperty("timeZone");
    // Refused attempts leave the link working.
    expect((await accept(server().agent(), { password: PASSWORD })).status).toBe(200);
    const again = await accept(server().agent(), { password: `${PASSWORD}!` });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe("invalid_token");
    const wrong = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/invitation/accept", {
        token: "x".repeat(43),
        name: "Who",
        password: PASSWORD,
      });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty("token");

    // A reset link of an account that has a password is no invitation: it signs nobody in.
    const member = await signedInAgent(server());
    expect((await server().agent().post("/api/v1/auth/password-reset", { email: member.email })).status).toBe(202);
    await server().deliver();
    const reset = linksIn(server(), member.email, "/reset-password")[0]?.searchParams.get("token");
    const misuse = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/invitation/accept", { token: reset, name: "Thief", password: PASSWORD });
    expect(misuse.status).toBe(409);
    expect(misuse.body.error.code).toBe("already_set_up");
  });

  // ---------------------------------------------------------------- 6. Sign-up stores the time zone

  it("sign-up keeps the time zone given on the form, and community emails then show the member's time first", async () => {
    const a = await admin();
    const title = uniqueTitle("Zoned");
    const open = await buildOpenSession(a, { title, startsLocal: "2031-01-15T18:30" });
    const email = uniqueEmail("zoned");
    const browser = server().agent();
    const bad = await browser.post<ErrorBody>("/api/v1/auth/sign-up", {
      name: "Zoe",
      email,
      password: PASSWORD,
      timeZone: "Europe/Atlantis",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("timeZone");
    expect(
      (await browser.post("/api/v1/auth/sign-up", { name: "Zoe", email, password: PASSWORD, timeZone: "Europe/Paris" }))
        .status,
    ).toBe(202);
    await server().deliver();
    const confirmed = await browser.post<{ user: { timeZone: string | null } }>("/api/v1/auth/sign-up/confirm", {
      token: confirmationTokens(server(), email).at(-1),
    });
    expect(confirmed.body.user.timeZone).toBe("Europe/Paris");

    expect((await browser.post(`${BASE}/${open.id}/registrations`, { role: "guest" })).status).toBe(201);
    await server().deliver();
    // 18:30 in New York is 00:30 the next day in Paris: the member's time first, the session's beside it.
    expect(lastMail(email, title)?.text).toMatch(
      /When: Thu 16 Jan 2031, 00:30 CET \(Europe\/Paris\) \(Wed 15 Jan 2031, 18:30 EST \(America\/New_York\) in the session's zone\)/,
    );
  });
});
