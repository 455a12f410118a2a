// The Participants tab through HTTP: the roster, role changes, participant status, presenter order, talk
// details, adding by email, removing; with their emails and audit entries (community.md, Session editor).
import { expect, it } from "vitest";
import { linksIn } from "../../../tests/accounts";
import { inviteIn } from "../../../tests/calendar-parts";
import {
  allMailsAbout,
  auditOf,
  buildOpenSession,
  mailsAbout,
  registeredMember,
  settings,
  uniqueTitle,
} from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { type Agent, PASSWORD, signedInAgent, uniqueEmail, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { CommunitySession, Participant, ParticipantList } from "../../shared/schemas/community-sessions";

const BASE = "/api/v1/community/sessions";
type S = CommunitySession;
type PL = ParticipantList & ErrorBody;

describeEngines("community sessions: participants API", (engine) => {
  const server = useTestServer(engine, { env: { UPDATE_NOTICE_DELAY_MS: "0" } });
  const adminUser = async () => signedInAgent(server(), { admin: true });
  const admin = async () => (await adminUser()).agent;

  async function list(a: Agent, id: string): Promise<Participant[]> {
    const res = await a.get<ParticipantList>(`${BASE}/${id}/participants`);
    expect(res.status).toBe(200);
    return res.body.participants;
  }

  async function pidOf(a: Agent, sessionId: string, userId: string): Promise<string> {
    const p = (await list(a, sessionId)).find((x) => x.userId === userId && x.status !== "cancelled");
    if (!p) throw new Error(`no participant for ${userId}`);
    return p.id;
  }

  const change = (a: Agent, sessionId: string, participantId: string, body: Record<string, unknown>) =>
    a.patch<PL>(`${BASE}/${sessionId}/participants/${participantId}`, body);

  const sessionStatus = async (a: Agent, id: string) => (await a.get<S>(`${BASE}/${id}`)).body.status;

  const recipients = (title: string, subjectStart: string) =>
    allMailsAbout(server(), title)
      .filter((m) => m.subject?.startsWith(subjectStart))
      .map((m) => (Array.isArray(m.to) ? "" : (m.to?.value[0]?.address ?? "")));

  // ---------------------------------------------------------------- Roster

  it("lists the roster grouped Host, Presenters (in order), Interviewer, Guests, then Cancelled", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Roster") });
    const reg = (role: "host" | "presenter" | "interviewer" | "guest", name: string, talkTitle?: string) =>
      registeredMember(server(), open.id, role, { name, fields: talkTitle ? { talkTitle } : {} });
    await reg("guest", "Gia");
    await reg("presenter", "Pia", "First talk");
    await reg("host", "Hal");
    const gwen = await reg("guest", "Gwen");
    await reg("presenter", "Pete", "Second talk");
    await reg("interviewer", "Ivy");
    const pam = await reg("presenter", "Pam", "Third talk");
    await reg("guest", "Gus");
    await gwen.agent.delete(`${BASE}/${open.id}/registrations/me`);
    await pam.agent.delete(`${BASE}/${open.id}/registrations/me`);

    const rows = await list(a, open.id);
    expect(rows.map((p) => [p.name, p.role, p.status, p.presenterOrder, p.talkTitle])).toEqual([
      ["Hal", "host", "registered", null, null],
      ["Pia", "presenter", "registered", 1, "First talk"],
      ["Pete", "presenter", "registered", 2, "Second talk"],
      ["Ivy", "interviewer", "registered", null, null],
      ["Gia", "guest", "registered", null, null],
      ["Gus", "guest", "registered", null, null],
      ["Gwen", "guest", "cancelled", null, null],
      ["Pam", "presenter", "cancelled", null, "Third talk"],
    ]);
    expect(rows.every((p) => p.email.endsWith("@example.test"))).toBe(true);

    // Members see the same order, names only, without the cancelled.
    const member = await signedInAgent(server());
    const roster = (await member.agent.get<S>(`${BASE}/${open.id}`)).body.roster;
    expect(roster.map((r) => r.name)).toEqual(["Hal", "Pia", "Pete", "Ivy", "Gia", "Gus"]);
  });

  // ---------------------------------------------------------------- Change role

  it("changes a role: refused when that role is full; Role Changed to that participant only; order kept right", async () => {
    const a = await admin();
    const title = uniqueTitle("Role change");
    const open = await buildOpenSession(a, { title, maxPresenters: 2, maxGuests: 2 });
    await registeredMember(server(), open.id, "host", { name: "Hal" });
    const pia = await registeredMember(server(), open.id, "presenter", { name: "Pia", fields: { talkTitle: "P" } });
    const gia = await registeredMember(server(), open.id, "guest", { name: "Gia" });
    const gus = await registeredMember(server(), open.id, "guest", { name: "Gus" });
    await server().deliver();

    // Guest → Interviewer (free): done, emailed, slots follow.
    const toInterviewer = await change(a, open.id, await pidOf(a, open.id, gia.id), { role: "interviewer" });
    expect(toInterviewer.status).toBe(200);
    expect(toInterviewer.body.participants.find((p) => p.userId === gia.id)?.role).toBe("interviewer");
    const after = (await a.get<S>(`${BASE}/${open.id}`)).body;
    expect(after.slots.interviewer).toEqual({ capacity: 1, taken: 1, offered: 0, free: 0, waiting: 0 });
    expect(after.slots.guest).toEqual({ capacity: 2, taken: 1, offered: 0, free: 1, waiting: 0 });
    expect(after.status).toBe("open");
    await server().deliver();
    expect(recipients(title, "Role Changed")).toEqual([gia.email]);
    const [mail] = mailsAbout(server(), gia.email, title).filter((m) => m.subject?.startsWith("Role Changed"));
    expect(mail?.text).toContain("from Guest to Interviewer");
    expect(mail?.text).toContain("https://meet.example.org/peer-talks");
    expect(mail?.html).toContain("Interviewer");

    // Guest → Interviewer again: the slot is taken now.
    const full = await change(a, open.id, await pidOf(a, open.id, gus.id), { role: "interviewer" });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("role_full");
    expect(full.body.error.fields).toHaveProperty("role");
    expect((await list(a, open.id)).find((p) => p.userId === gus.id)?.role).toBe("guest");

    // Guest → Presenter goes last; the old presenter → Guest leaves and the others close ranks.
    const gusPresents = await change(a, open.id, await pidOf(a, open.id, gus.id), { role: "presenter" });
    expect(
      gusPresents.body.participants.filter((p) => p.role === "presenter").map((p) => [p.name, p.presenterOrder]),
    ).toEqual([
      ["Pia", 1],
      ["Gus", 2],
    ]);
    const piaListens = await change(a, open.id, await pidOf(a, open.id, pia.id), { role: "guest" });
    expect(piaListens.body.participants.map((p) => [p.name, p.role, p.presenterOrder])).toEqual([
      ["Hal", "host", null],
      ["Gus", "presenter", 1],
      ["Gia", "interviewer", null],
      ["Pia", "guest", null],
    ]);
    await server().deliver();
    expect(recipients(title, "Role Changed").sort()).toEqual([gia.email, gus.email, pia.email].sort());

    // The session fills up once the last free slots are taken, and a role change cannot overbook it.
    await registeredMember(server(), open.id, "presenter", { name: "Pete", fields: { talkTitle: "Q" } });
    const last = await registeredMember(server(), open.id, "guest", { name: "Gwen" });
    expect(await sessionStatus(a, open.id)).toBe("full");
    const overbook = await change(a, open.id, await pidOf(a, open.id, last.id), { role: "presenter" });
    expect(overbook.status).toBe(409);
    expect(overbook.body.error.code).toBe("role_full");

    const log = await auditOf(a, open.id);
    const roleChanges = log.filter((e) => e.action === "community_participant.updated" && "role" in e.changes);
    expect(roleChanges.map((e) => e.changes.role)).toEqual(
      expect.arrayContaining([
        { from: "guest", to: "interviewer" },
        { from: "guest", to: "presenter" },
        { from: "presenter", to: "guest" },
      ]),
    );
    expect(roleChanges).toHaveLength(3);
  });

  it("admins override a premium gate when placing someone; a member running their own session does not", async () => {
    const a = await admin();
    await settings(server(), a, { requirePremiumForPresenting: true, requirePremiumForHosting: true });
    try {
      const open = await buildOpenSession(a, { title: uniqueTitle("Override") });
      const plain = await registeredMember(server(), open.id, "guest");
      const promoted = await change(a, open.id, await pidOf(a, open.id, plain.id), { role: "presenter" });
      expect(promoted.status).toBe(200);
      expect(promoted.body.participants[0]).toMatchObject({ role: "presenter", presenterOrder: 1 });
      const other = await signedInAgent(server());
      const added = await a.post<Participant>(`${BASE}/${open.id}/participants`, { email: other.email, role: "host" });
      expect(added.status).toBe(201);
      expect(added.body.role).toBe("host");

      await settings(server(), a, { allowUserSessionCreation: true });
      const owner = await signedInAgent(server(), { premium: true });
      const own = await owner.agent.post<S>(BASE, {
        title: uniqueTitle("Own"),
        startsLocal: "2027-05-01T18:00",
        meetingUrl: "https://meet.example.org/own",
      });
      await owner.agent.post(`${BASE}/${own.body.id}/status`, { action: "open" });
      const guest = await registeredMember(server(), own.body.id, "guest");
      const refused = await change(owner.agent, own.body.id, await pidOf(owner.agent, own.body.id, guest.id), {
        role: "presenter",
      });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("premium_required");
    } finally {
      await settings(server(), a, {
        requirePremiumForPresenting: false,
        requirePremiumForHosting: false,
        allowUserSessionCreation: false,
      });
    }
  });

  // ---------------------------------------------------------------- Participant status

  it("participant status is record-keeping, except Cancelled: the slot frees and they get Registration Cancelled with a calendar CANCEL; back to Registered confirms it with a REQUEST", async () => {
    const a = await admin();
    const title = uniqueTitle("Attendance");
    const open = await buildOpenSession(a, { title, maxPresenters: 1, maxGuests: 1, hasInterviewer: false });
    await registeredMember(server(), open.id, "host");
    await registeredMember(server(), open.id, "presenter", { fields: { talkTitle: "T" } });
    const guest = await registeredMember(server(), open.id, "guest");
    expect(await sessionStatus(a, open.id)).toBe("full");
    await server().deliver();
    const mailsBefore = allMailsAbout(server(), title).length;
    const pid = await pidOf(a, open.id, guest.id);

    for (const status of ["confirmed", "attended", "no_show"] as const) {
      const res = await change(a, open.id, pid, { status });
      expect(res.status).toBe(200);
      expect(res.body.participants.find((p) => p.id === pid)?.status).toBe(status);
      expect(await sessionStatus(a, open.id)).toBe("full");
    }
    await server().deliver();
    expect(allMailsAbout(server(), title)).toHaveLength(mailsBefore);
    const [confirmation] = mailsAbout(server(), guest.email, title);

    const cancelled = await change(a, open.id, pid, { status: "cancelled" });
    expect(cancelled.body.participants.at(-1)).toMatchObject({ id: pid, status: "cancelled" });
    const session = (await a.get<S>(`${BASE}/${open.id}`)).body;
    expect(session.status).toBe("open");
    expect(session.slots.guest.free).toBe(1);
    expect((await guest.agent.get<S>(`${BASE}/${open.id}`)).body.meetingUrl).toBeNull();
    await server().deliver();
    // Told as Remove tells them, and their calendar drops the session.
    expect(recipients(title, "Registration Cancelled")).toEqual([guest.email]);
    const [, told] = mailsAbout(server(), guest.email, title);
    expect(told?.subject).toBe(`Registration Cancelled: ${title}`);
    expect(told?.text).toMatch(/your registration is cancelled/);
    const cancel = inviteIn(told);
    expect(cancel).toMatchObject({ method: "CANCEL", uid: inviteIn(confirmation).uid });
    expect(cancel.sequence).toBeGreaterThan(inviteIn(confirmation).sequence);

    // Made active again: they hold the slot again, and are told so with the meeting details back in the calendar.
    expect((await change(a, open.id, pid, { status: "registered" })).status).toBe(200);
    expect(await sessionStatus(a, open.id)).toBe("full");
    await server().deliver();
    const back = mailsAbout(server(), guest.email, title).at(-1);
    expect(back?.subject).toBe(`Registration confirmed: ${title}`);
    expect(back?.text).toContain("https://meet.example.org/peer-talks");
    const request = inviteIn(back);
    expect(request.method).toBe("REQUEST");
    expect(request.sequence).toBeGreaterThan(cancel.sequence);
    expect(request.text).toContain("https://meet.example.org/peer-talks");
    expect(mailsAbout(server(), guest.email, title)).toHaveLength(3);

    // Reactivating when someone else took the slot meanwhile is refused.
    await change(a, open.id, pid, { status: "cancelled" });
    await registeredMember(server(), open.id, "guest");
    const refused = await change(a, open.id, pid, { status: "registered" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("role_full");
    expect(refused.body.error.fields).toHaveProperty("status");

    const bad = await change(a, open.id, pid, { status: "late" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("status");
    const log = await auditOf(a, open.id);
    expect(
      log
        .filter((e) => e.action === "community_participant.updated")
        .map((e) => (e.changes.status as { to: string }).to)
        .sort(),
    ).toEqual(["attended", "cancelled", "cancelled", "confirmed", "no_show", "registered"]);
  });

  // ---------------------------------------------------------------- Presenter order and talks

  it("moves presenters up and down; the first cannot go higher, nor the last lower", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Reorder") });
    for (const name of ["Ann", "Ben", "Cat"])
      await registeredMember(server(), open.id, "presenter", { name, fields: { talkTitle: `${name}'s talk` } });
    const guest = await registeredMember(server(), open.id, "guest");
    const ids = Object.fromEntries((await list(a, open.id)).map((p) => [p.name, p.id]));
    const move = (name: string, direction: string) =>
      a.post<PL>(`${BASE}/${open.id}/participants/${ids[name]}/move`, { direction });
    const order = (res: { body: ParticipantList }) =>
      res.body.participants.filter((p) => p.role === "presenter").map((p) => `${p.presenterOrder}:${p.name}`);

    expect(order(await move("Cat", "up"))).toEqual(["1:Ann", "2:Cat", "3:Ben"]);
    expect(order(await move("Ann", "up"))).toEqual(["1:Ann", "2:Cat", "3:Ben"]);
    expect(order(await move("Ben", "down"))).toEqual(["1:Ann", "2:Cat", "3:Ben"]);
    expect(order(await move("Ann", "down"))).toEqual(["1:Cat", "2:Ann", "3:Ben"]);

    // Members see the new order in the roster and the agenda.
    const seen = (await guest.agent.get<S>(`${BASE}/${open.id}`)).body;
    expect(seen.roster.filter((r) => r.role === "presenter").map((r) => r.name)).toEqual(["Cat", "Ann", "Ben"]);
    expect(seen.agenda.items.filter((i) => i.kind === "talk").map((i) => i.label)).toEqual([
      expect.stringContaining("Cat"),
      expect.stringContaining("Ann"),
      expect.stringContaining("Ben"),
    ]);

    const notPresenter = await a.post<ErrorBody>(
      `${BASE}/${open.id}/participants/${await pidOf(a, open.id, guest.id)}/move`,
      { direction: "up" },
    );
    expect(notPresenter.status).toBe(409);
    expect(notPresenter.body.error.code).toBe("not_a_presenter");
    expect((await move("Ann", "left")).status).toBe(400);
    expect((await auditOf(a, open.id)).filter((e) => e.action === "community_participant.reordered").length).toBe(4);
  });

  it("edits a presenter's talk title and description; other roles have no talk", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Talks") });
    const presenter = await registeredMember(server(), open.id, "presenter", {
      fields: { talkTitle: "Draft title", talkDescription: "Old" },
    });
    const guest = await registeredMember(server(), open.id, "guest");
    const pid = await pidOf(a, open.id, presenter.id);
    const res = await change(a, open.id, pid, { talkTitle: "Final title", talkDescription: "New description" });
    expect(res.status).toBe(200);
    expect(res.body.participants.find((p) => p.id === pid)).toMatchObject({
      talkTitle: "Final title",
      talkDescription: "New description",
    });
    expect((await guest.agent.get<S>(`${BASE}/${open.id}`)).body.roster[0]?.talkTitle).toBe("Final title");

    const notTalk = await change(a, open.id, await pidOf(a, open.id, guest.id), { talkTitle: "Sneaky" });
    expect(notTalk.status).toBe(400);
    expect(notTalk.body.error.fields).toHaveProperty("talkTitle");
    expect((await list(a, open.id)).find((p) => p.userId === guest.id)?.talkTitle).toBeNull();
    const nothing = await change(a, open.id, pid, {});
    expect(nothing.status).toBe(400);

    const edit = (await auditOf(a, open.id)).find((e) => e.action === "community_participant.updated");
    expect(edit?.changes).toMatchObject({ talkTitle: { from: "Draft title", to: "Final title" } });
  });

  // ---------------------------------------------------------------- Add by email

  it("adds an existing member by email: registered in the role, Registration confirmed sent to them", async () => {
    const a = await admin();
    const title = uniqueTitle("Added");
    const open = await buildOpenSession(a, { title, maxPresenters: 1 });
    const eve = await signedInAgent(server(), { name: "Eve" });
    const res = await a.post<Participant & ErrorBody>(`${BASE}/${open.id}/participants`, {
      email: eve.email.toUpperCase(),
      role: "presenter",
      talkTitle: "Invited talk",
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      userId: eve.id,
      name: "Eve",
      email: eve.email,
      role: "presenter",
      status: "registered",
      presenterOrder: 1,
      talkTitle: "Invited talk",
    });
    const seen = (await eve.agent.get<S>(`${BASE}/${open.id}`)).body;
    expect(seen.myRegistration?.role).toBe("presenter");
    expect(seen.meetingUrl).toBe("https://meet.example.org/peer-talks");
    await server().deliver();
    expect(recipients(title, "Registration confirmed")).toEqual([eve.email]);
    expect(mailsAbout(server(), eve.email, title)[0]?.text).toContain("Presenter");

    const twice = await a.post<ErrorBody>(`${BASE}/${open.id}/participants`, { email: eve.email, role: "guest" });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: "already_registered", fields: { email: expect.any(String) } });
    const full = await a.post<ErrorBody>(`${BASE}/${open.id}/participants`, {
      email: (await signedInAgent(server())).email,
      role: "presenter",
    });
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe("role_full");
    const bad = await a.post<ErrorBody>(`${BASE}/${open.id}/participants`, { email: "not-an-email", role: "guest" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("email");
    expect((await list(a, open.id)).length).toBe(1);

    const added = (await auditOf(a, open.id)).find((e) => e.action === "community_participant.added");
    expect(added?.changes).toMatchObject({ user: eve.id, role: "presenter", invited: false });
  });

  it("adds an unknown email: shown by email without a name, invited to create an account that lands them on the session, with no meeting details before", async () => {
    const a = await admin();
    const title = uniqueTitle("Invited");
    const open = await buildOpenSession(a, { title, startsLocal: "2031-01-15T18:30" });
    const email = uniqueEmail("newcomer");
    const res = await a.post<Participant>(`${BASE}/${open.id}/participants`, { email, role: "guest" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: null, email, role: "guest", status: "registered" });
    expect((await list(a, open.id)).map((p) => [p.name, p.email])).toEqual([[null, email]]);

    await server().deliver();
    const mails = mailsAbout(server(), email, title);
    expect(mails.map((m) => m.subject)).toEqual([`You are invited to ${title}`]);
    const [link] = linksIn(server(), email, "/accept-invitation");
    expect(link?.searchParams.get("next")).toBe(`/sessions/${open.id}`);
    expect(mails[0]?.html).toContain("http://convene.test/accept-invitation?token=");
    expect(mails[0]?.text).toContain("Guest");
    expect(linksIn(server(), email, "/reset-password")).toEqual([]);
    // Nothing proves who reads this mailbox yet: no meeting URL or password, in the text or the calendar part.
    const calendar = inviteIn(mails[0]);
    expect(calendar.method).toBe("REQUEST");
    expect(`${mails[0]?.text}${mails[0]?.html}${calendar.text}`).not.toMatch(/meet\.example\.org|sesame/);

    // The link creates the account (name, password, time zone) and signs this browser in: a participant now, who
    // sees the meeting details and whose emails show their own time first.
    const anon = server().agent();
    const accepted = await anon.post<{ user: { name: string; timeZone: string | null } }>(
      "/api/v1/auth/invitation/accept",
      { token: link?.searchParams.get("token"), name: "Nia Newcomer", password: PASSWORD, timeZone: "Asia/Tokyo" },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.user).toMatchObject({ name: "Nia Newcomer", timeZone: "Asia/Tokyo" });
    const seen = (await anon.get<S>(`${BASE}/${open.id}`)).body;
    expect(seen.myRegistration?.role).toBe("guest");
    expect(seen.meetingUrl).toBe("https://meet.example.org/peer-talks");
    expect((await list(a, open.id)).map((p) => [p.name, p.email])).toEqual([["Nia Newcomer", email]]);
    expect((await anon.post("/api/v1/auth/sign-in", { email, password: PASSWORD })).status).toBe(200);
    await anon.delete(`${BASE}/${open.id}/registrations/me`);
    await server().deliver();
    // 18:30 in New York is 08:30 the next morning in Tokyo.
    expect(mailsAbout(server(), email, title).at(-1)?.text).toMatch(
      /When: Thu 16 Jan 2031, 08:30 .*Asia\/Tokyo.*\(Wed 15 Jan 2031, 18:30 .*America\/New_York.*in the session's zone\)/,
    );

    expect((await auditOf(a, open.id)).find((e) => e.action === "community_participant.added")?.changes).toMatchObject({
      invited: true,
      role: "guest",
    });
  });

  it("refuses to add people to a cancelled session", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Closed doors") });
    await a.post(`${BASE}/${open.id}/status`, { action: "cancel" });
    const res = await a.post<ErrorBody>(`${BASE}/${open.id}/participants`, {
      email: (await signedInAgent(server())).email,
      role: "guest",
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("session_cancelled");
    expect(await list(a, open.id)).toEqual([]);
  });

  // ---------------------------------------------------------------- Remove

  it("removes a participant: kept under Cancelled, slot freed, Registration Cancelled to them only", async () => {
    const { agent: a, id: adminId } = await adminUser();
    const title = uniqueTitle("Removed");
    const open = await buildOpenSession(a, { title, maxPresenters: 0, maxGuests: 1, hasInterviewer: false });
    const host = await registeredMember(server(), open.id, "host", { name: "Hal" });
    const guest = await registeredMember(server(), open.id, "guest", { name: "Gia" });
    expect(await sessionStatus(a, open.id)).toBe("full");
    await server().deliver();
    const pid = await pidOf(a, open.id, guest.id);

    const res = await a.delete<PL>(`${BASE}/${open.id}/participants/${pid}`);
    expect(res.status).toBe(200);
    expect(res.body.participants.map((p) => [p.name, p.status])).toEqual([
      ["Hal", "registered"],
      ["Gia", "cancelled"],
    ]);
    expect(await sessionStatus(a, open.id)).toBe("open");
    const seen = (await guest.agent.get<S>(`${BASE}/${open.id}`)).body;
    expect(seen.myRegistration).toBeNull();
    expect(seen.meetingUrl).toBeNull();

    await server().deliver();
    expect(recipients(title, "Registration Cancelled")).toEqual([guest.email]);
    const [mail] = mailsAbout(server(), guest.email, title).filter((m) =>
      m.subject?.startsWith("Registration Cancelled"),
    );
    expect(mail?.text).toMatch(/An organiser removed you/);
    expect(mailsAbout(server(), host.email, title)).toHaveLength(1);

    const again = await a.delete<ErrorBody>(`${BASE}/${open.id}/participants/${pid}`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("already_cancelled");
    const unknown = await a.delete<ErrorBody>(`${BASE}/${open.id}/participants/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);

    const log = await auditOf(a, open.id);
    expect(log.find((e) => e.action === "community_participant.removed")).toMatchObject({
      actorId: adminId,
      changes: expect.objectContaining({
        user: guest.id,
        role: "guest",
        status: { from: "registered", to: "cancelled" },
      }),
    });
    expect(
      log.filter((e) => e.action === "community_session.status_changed" && e.changes.automatic).map((e) => e.changes),
    ).toEqual(
      expect.arrayContaining([
        { status: { from: "open", to: "full" }, automatic: true },
        { status: { from: "full", to: "open" }, automatic: true },
      ]),
    );
  });
});
