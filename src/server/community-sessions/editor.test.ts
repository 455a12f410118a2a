// Session editor (admin) through HTTP: New Session, validation, the status lifecycle, Open ⇄ Full, versions,
// Session Updated / Session Cancelled emails, Delete, the audit log and Admin > Sessions (community.md).
import { afterEach, expect, it } from "vitest";
import {
  allMailsAbout,
  auditOf,
  buildOpenSession,
  futureLocal,
  mailsAbout,
  registeredMember,
  travellingClock,
  uniqueTitle,
  utcLocal,
} from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { CommunitySession, ParticipantList, SessionCardList } from "../../shared/schemas/community-sessions";

const BASE = "/api/v1/community/sessions";
type S = CommunitySession;
type AdminList = SessionCardList & { total: number };

describeEngines("community sessions: editor API", (engine) => {
  const clock = travellingClock();
  const server = useTestServer(engine, { clock, env: { UPDATE_NOTICE_DELAY_MS: "0" } });
  afterEach(() => clock.reset());
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;

  async function sessionCount(): Promise<number> {
    const row = await server()
      .deps.db.selectFrom("community_sessions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function get(agent: Agent, id: string) {
    return agent.get<S>(`${BASE}/${id}`);
  }

  async function status(agent: Agent, id: string, action: string) {
    return agent.post<S & ErrorBody>(`${BASE}/${id}/status`, { action });
  }

  async function patch(agent: Agent, id: string, fields: Record<string, unknown>) {
    const current = await get(agent, id);
    return agent.patch<S & ErrorBody>(`${BASE}/${id}`, { version: current.body.version, ...fields });
  }

  const sessionUpdated = (address: string, title: string) =>
    mailsAbout(server(), address, title).filter((m) => m.subject?.startsWith("Session Updated"));

  // ---------------------------------------------------------------- New Session

  it("New Session is a Draft with the seed's defaults, stored as given", async () => {
    const a = await admin();
    const title = uniqueTitle("Defaults");
    const res = await a.post<S>(BASE, { title });
    expect(res.status).toBe(201);
    const expected = {
      title,
      description: "",
      status: "draft",
      shownStatus: "draft",
      timeZone: "America/New_York",
      durationMinutes: 45,
      maxPresenters: 3,
      maxGuests: 5,
      talkMinutes: 10,
      qaMinutes: 5,
      hasInterviewer: true,
      startsAt: null,
      startsLocal: null,
      meetingUrl: null,
      meetingPassword: null,
      version: 1,
    };
    expect(res.body).toMatchObject(expected);
    expect((await get(a, res.body.id)).body).toMatchObject(expected);
    // The admin who creates a session does not become its host.
    expect(res.body.roster).toEqual([]);
    expect(res.body.slots.interviewer.capacity).toBe(1);
  });

  it("stores Date & Time as a UTC instant plus the zone, and shows both", async () => {
    const a = await admin();
    const winter = await a.post<S>(BASE, { title: uniqueTitle("Winter"), startsLocal: "2027-01-15T18:30" });
    expect(winter.status).toBe(201);
    expect(winter.body).toMatchObject({
      startsAt: "2027-01-15T23:30:00.000Z",
      startsLocal: "2027-01-15T18:30",
      endsAt: "2027-01-16T00:15:00.000Z",
      timeZone: "America/New_York",
    });
    const row = await server()
      .deps.db.selectFrom("community_sessions")
      .select(["starts_at", "time_zone"])
      .where("id", "=", winter.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ starts_at: "2027-01-15T23:30:00.000Z", time_zone: "America/New_York" });

    const summer = await a.post<S>(BASE, { title: uniqueTitle("Summer"), startsLocal: "2027-07-15T18:30" });
    expect(summer.body.startsAt).toBe("2027-07-15T22:30:00.000Z");

    const paris = await a.post<S>(BASE, {
      title: uniqueTitle("Paris"),
      startsLocal: "2027-01-15T18:30",
      timeZone: "Europe/Paris",
    });
    expect(paris.body).toMatchObject({ startsAt: "2027-01-15T17:30:00.000Z", timeZone: "Europe/Paris" });
  });

  it("accepts the limits themselves (200-character title, 5 and 720 minutes)", async () => {
    const a = await admin();
    const low = await a.post<S>(BASE, { title: "x".repeat(200), durationMinutes: 5, meetingUrl: "http://m.example" });
    expect(low.status).toBe(201);
    expect(low.body).toMatchObject({ durationMinutes: 5, meetingUrl: "http://m.example" });
    const high = await a.post<S>(BASE, { title: uniqueTitle(), durationMinutes: 720 });
    expect(high.body.durationMinutes).toBe(720);
  });

  const invalidFields: [string, Record<string, unknown>, RegExp][] = [
    ["title", { title: "" }, /required/],
    ["title", { title: "   " }, /required/],
    ["title", { title: "x".repeat(201) }, /200/],
    // Issue 13, 7: refused, not cut to 200 or turned into 1.
    ["title", { title: "x".repeat(306) }, /^must be at most 200 characters$/],
    ["maxGuests", { maxGuests: -1 }, /^must be between 0 and 10000$/],
    // Issue 13, 7: a start in the past was accepted.
    ["startsLocal", { timeZone: "UTC", startsLocal: utcLocal(-10) }, /^must be in the future$/],
    ["durationMinutes", { durationMinutes: 4 }, /between 5 and 720/],
    ["durationMinutes", { durationMinutes: 721 }, /between 5 and 720/],
    ["durationMinutes", { durationMinutes: 45.5 }, /whole number/],
    ["durationMinutes", { durationMinutes: "45" }, /number/],
    ["meetingUrl", { meetingUrl: "ftp://files.example.org/talk" }, /http/],
    ["meetingUrl", { meetingUrl: "javascript:alert(1)" }, /http/],
    ["meetingUrl", { meetingUrl: "not a url" }, /http/],
    ["timeZone", { timeZone: "Mars/Olympus" }, /IANA/],
    ["startsLocal", { startsLocal: "2027-03-14T02:30" }, /does not exist/],
    ["startsLocal", { startsLocal: "2027-02-30T10:00" }, /not a valid/],
    ["startsLocal", { startsLocal: "15/01/2027 18:30" }, /date and time/],
    ["maxPresenters", { maxPresenters: 51 }, /between 0 and 50/],
    ["maxGuests", { maxGuests: 10_001 }, /between 0 and 10000/],
    ["talkMinutes", { talkMinutes: 0 }, /between 1 and 240/],
    ["qaMinutes", { qaMinutes: 121 }, /between 0 and 120/],
    ["hasInterviewer", { hasInterviewer: "yes" }, /on or off/],
  ];

  it("refuses each invalid field of New Session with a 400 naming it, and creates nothing", async () => {
    const a = await admin();
    const before = await sessionCount();
    for (const [field, input, message] of invalidFields) {
      const res = await a.post<ErrorBody>(BASE, { title: uniqueTitle("Invalid"), ...input });
      expect(res.status, `${field} ${JSON.stringify(input)}`).toBe(400);
      expect(res.body.error.code).toBe("validation_failed");
      expect(Object.keys(res.body.error.fields ?? {}), JSON.stringify(input)).toEqual([field]);
      expect(res.body.error.fields?.[field]).toMatch(message);
    }
    const noTitle = await a.post<ErrorBody>(BASE, {});
    expect(noTitle.status).toBe(400);
    expect(noTitle.body.error.fields).toEqual({ title: "is required" });
    expect(await sessionCount()).toBe(before);
  });

  it("refuses each invalid field of an autosave with a 400 naming it, and leaves the session unchanged", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Refused update"), description: "Talks." });
    const before = await get(a, open.id);
    for (const [field, input, message] of invalidFields) {
      const res = await a.patch<ErrorBody>(`${BASE}/${open.id}`, { version: before.body.version, ...input });
      expect(res.status, `${field} ${JSON.stringify(input)}`).toBe(400);
      expect(Object.keys(res.body.error.fields ?? {})).toEqual([field]);
      expect(res.body.error.fields?.[field]).toMatch(message);
    }
    // A valid field beside an invalid one is not saved either.
    const mixed = await a.patch<ErrorBody>(`${BASE}/${open.id}`, {
      version: before.body.version,
      title: "Renamed meanwhile",
      durationMinutes: 4,
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.error.fields).toHaveProperty("durationMinutes");
    const missingVersion = await a.patch<ErrorBody>(`${BASE}/${open.id}`, { title: "No version" });
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.fields).toHaveProperty("version");

    const after = await get(a, open.id);
    expect(after.body).toEqual(before.body);
  });

  it("autosaves a valid change, bumps the version, and changing only the zone keeps the wall-clock time", async () => {
    const a = await admin();
    const created = await a.post<S>(BASE, { title: uniqueTitle("Autosave"), startsLocal: "2027-01-15T18:30" });
    const saved = await a.patch<S>(`${BASE}/${created.body.id}`, {
      version: 1,
      description: "**Bring** questions",
      durationMinutes: 60,
      timeZone: "Europe/Paris",
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      version: 2,
      description: "**Bring** questions",
      durationMinutes: 60,
      timeZone: "Europe/Paris",
      startsLocal: "2027-01-15T18:30",
      startsAt: "2027-01-15T17:30:00.000Z",
      endsAt: "2027-01-15T18:30:00.000Z",
    });
    expect((await get(a, created.body.id)).body.version).toBe(2);
  });

  it("warns, without blocking, when the talks outrun the Duration, and shows the agenda they imply", async () => {
    const a = await admin();
    const created = await a.post<S>(BASE, {
      title: uniqueTitle("Agenda"),
      startsLocal: "2027-01-15T18:30",
      talkMinutes: 20,
    });
    expect(created.status).toBe(201);
    expect(created.body.talkMinutes).toBe(20);
    expect(created.body.agenda.overrunMinutes).toBe(30);
    expect(created.body.agenda.warning).toEqual(expect.any(String));
    expect(created.body.agenda.items.map((i) => i.kind)).toEqual(["opening", "talk", "qa", "talk", "qa", "talk", "qa"]);
    const talks = created.body.agenda.items.filter((i) => i.kind === "talk");
    expect(talks.map((i) => [i.startMinute, i.durationMinutes, i.isOpenSlot])).toEqual([
      [0, 20, true],
      [25, 20, true],
      [50, 20, true],
    ]);
    expect(talks[1]?.startsAt).toBe("2027-01-15T23:55:00.000Z");

    const fits = await a.patch<S>(`${BASE}/${created.body.id}`, { version: 1, talkMinutes: 10 });
    expect(fits.body.agenda).toMatchObject({ overrunMinutes: 0, warning: null });
  });

  // ---------------------------------------------------------------- Status lifecycle

  it("Draft → Open is refused without Date & Time and Meeting URL, naming the missing field", async () => {
    const a = await admin();
    const member = await signedInAgent(server());
    const draft = await a.post<S>(BASE, { title: uniqueTitle("Needs fields") });
    const id = draft.body.id;

    const neither = await status(a, id, "open");
    expect(neither.status).toBe(409);
    expect(neither.body.error.code).toBe("required_before_open");
    expect(neither.body.error.message).toMatch(/Date & Time/);
    expect(neither.body.error.message).toMatch(/Meeting URL/);
    expect(Object.keys(neither.body.error.fields ?? {})).toEqual([expect.stringMatching(/^starts(At|Local)$/)]);

    await patch(a, id, { startsLocal: futureLocal() });
    const noUrl = await status(a, id, "open");
    expect(noUrl.status).toBe(409);
    expect(noUrl.body.error.code).toBe("required_before_open");
    expect(Object.keys(noUrl.body.error.fields ?? {})).toEqual(["meetingUrl"]);
    expect((await get(a, id)).body.status).toBe("draft");
    expect((await member.agent.get(`${BASE}/${id}`)).status).toBe(404);

    await patch(a, id, { meetingUrl: "https://meet.example.org/x" });
    const opened = await status(a, id, "open");
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ status: "open", shownStatus: "open" });
    // Now visible to members and open for registration.
    const seen = await member.agent.get<S>(`${BASE}/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.registrableRoles).toEqual(["host", "presenter", "interviewer", "guest"]);
  });

  it("opens, closes, reopens and cancels; a refused transition is a 409 naming the rule and changes nothing", async () => {
    const a = await admin();
    const draft = await a.post<S>(BASE, {
      title: uniqueTitle("Lifecycle"),
      startsLocal: futureLocal(),
      meetingUrl: "https://meet.example.org/l",
    });
    const id = draft.body.id;
    expect(draft.body.abilities.statusActions).toEqual(["open", "cancel"]);

    const closeDraft = await status(a, id, "close");
    expect(closeDraft.status).toBe(409);
    expect(closeDraft.body.error).toMatchObject({
      code: "invalid_transition",
      message: "A Draft session can only be opened or cancelled.",
    });
    expect((await status(a, id, "reopen")).status).toBe(409);
    expect((await get(a, id)).body.status).toBe("draft");

    expect((await status(a, id, "open")).body.status).toBe("open");
    const openTwice = await status(a, id, "open");
    expect(openTwice.status).toBe(409);
    expect(openTwice.body.error.message).toBe("An Open session can only be closed or cancelled.");

    const closed = await status(a, id, "close");
    expect(closed.body).toMatchObject({ status: "closed" });
    expect(closed.body.abilities.statusActions).toEqual(["reopen", "cancel"]);
    expect((await status(a, id, "close")).body.error.code).toBe("invalid_transition");

    expect((await status(a, id, "reopen")).body.status).toBe("open");
    const cancelled = await status(a, id, "cancel");
    expect(cancelled.body).toMatchObject({ status: "cancelled", shownStatus: "cancelled" });
    const cancelTwice = await status(a, id, "cancel");
    expect(cancelTwice.status).toBe(409);
    expect(cancelTwice.body.error.message).toBe("A Cancelled session can only be reopened.");
    expect((await get(a, id)).body.status).toBe("cancelled");

    expect((await status(a, id, "reopen")).body.status).toBe("open");
    const unknown = await a.post<ErrorBody>(`${BASE}/${id}/status`, { action: "publish" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty("action");

    // A Draft can be cancelled too.
    const other = await a.post<S>(BASE, { title: uniqueTitle("Cancelled draft") });
    expect((await status(a, other.body.id, "cancel")).body.status).toBe("cancelled");
  });

  it("a published session cannot lose its Date & Time or Meeting URL", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Published") });
    const noUrl = await patch(a, open.id, { meetingUrl: "" });
    expect(noUrl.status).toBe(409);
    expect(noUrl.body.error.fields).toHaveProperty("meetingUrl");
    const noStart = await patch(a, open.id, { startsLocal: null });
    expect(noStart.status).toBe(409);
    expect(noStart.body.error.fields).toHaveProperty("startsLocal");
    const after = await get(a, open.id);
    expect(after.body).toMatchObject({ meetingUrl: open.meetingUrl, startsAt: open.startsAt, version: open.version });
  });

  it("reopening a session with no free slot lands in Full at once", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, {
      title: uniqueTitle("Reopen full"),
      maxPresenters: 1,
      maxGuests: 1,
      hasInterviewer: false,
    });
    for (const role of ["host", "presenter", "guest"] as const) await registeredMember(server(), open.id, role);
    expect((await get(a, open.id)).body.status).toBe("full");
    expect((await status(a, open.id, "close")).body.status).toBe("closed");
    expect((await status(a, open.id, "reopen")).body.status).toBe("full");
    expect((await status(a, open.id, "cancel")).body.status).toBe("cancelled");
    const restored = await a.post<S>(`${BASE}/${open.id}/status`, { action: "reopen", participants: "restore" });
    expect(restored.body.status).toBe("full");

    // A Draft whose only slot was filled by the organiser opens straight into Full.
    const draft = await a.post<S>(BASE, {
      title: uniqueTitle("Draft filled"),
      startsLocal: futureLocal(),
      meetingUrl: "https://meet.example.org/f",
      maxPresenters: 0,
      maxGuests: 0,
      hasInterviewer: false,
    });
    const host = await signedInAgent(server());
    expect((await a.post(`${BASE}/${draft.body.id}/participants`, { email: host.email, role: "host" })).status).toBe(
      201,
    );
    expect((await status(a, draft.body.id, "open")).body.status).toBe("full");
  });

  it("once the start has passed, only Cancel is offered; opening, closing and reopening are refused with the reason", async () => {
    const a = await admin();
    const ahead = { timeZone: "UTC", startsLocal: utcLocal(10), meetingUrl: "https://meet.example.org/late" };
    const open = await buildOpenSession(a, { title: uniqueTitle("Started"), ...ahead, durationMinutes: 60 });
    const closed = await buildOpenSession(a, { title: uniqueTitle("Closed, started"), ...ahead });
    expect((await status(a, closed.id, "close")).body.status).toBe("closed");
    const draft = (await a.post<S>(BASE, { title: uniqueTitle("Draft, started"), ...ahead })).body;
    const cancelled = await buildOpenSession(a, { title: uniqueTitle("Cancelled, started"), ...ahead });
    expect((await status(a, cancelled.id, "cancel")).body.status).toBe("cancelled");
    expect(draft.abilities).toMatchObject({ statusActions: ["open", "cancel"], statusNote: null });

    clock.advance(20);
    const running = (await get(a, open.id)).body;
    expect(running.shownStatus).toBe("in_progress");
    expect(running.abilities).toMatchObject({
      statusActions: ["cancel"],
      statusNote: "The session has started, so registration is already over.",
    });
    const close = await status(a, open.id, "close");
    expect(close.status).toBe(409);
    expect(close.body.error).toMatchObject({ code: "session_started", message: running.abilities.statusNote });

    expect((await get(a, closed.id)).body.abilities).toMatchObject({
      statusActions: ["cancel"],
      statusNote: "The session has started, so registration cannot reopen.",
    });
    expect((await status(a, closed.id, "reopen")).body.error.code).toBe("start_passed");

    // A Draft is not opened straight into In Progress or Completed: the refusal names the field.
    expect((await get(a, draft.id)).body.abilities).toMatchObject({
      statusActions: ["cancel"],
      statusNote: "The Date & Time has passed: set a future one before opening the session.",
    });
    const openLate = await status(a, draft.id, "open");
    expect(openLate.status).toBe(409);
    expect(openLate.body.error).toMatchObject({
      code: "start_passed",
      message: "The Date & Time has passed: set a future one before opening the session.",
      fields: { startsLocal: "The Date & Time has passed: set a future one before opening the session." },
    });
    expect((await status(a, cancelled.id, "reopen")).body.error.code).toBe("start_passed");
    // Nothing changed.
    const statuses = await Promise.all(
      [open, closed, draft, cancelled].map(async (x) => (await get(a, x.id)).body.status),
    );
    expect(statuses).toEqual(["open", "closed", "draft", "cancelled"]);

    // Given a future Date & Time, the Draft opens; a past one cannot be set instead.
    const past = await patch(a, draft.id, { startsLocal: utcLocal(-5) });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual({ startsLocal: "must be in the future" });
    expect((await patch(a, draft.id, { startsLocal: utcLocal(60 * 24) })).status).toBe(200);
    expect((await status(a, draft.id, "open")).body.status).toBe("open");
    // The session that took place keeps its other fields editable.
    expect((await patch(a, open.id, { description: "Slides are online." })).status).toBe(200);
  });

  it("two editors never overwrite each other: the later save gets version_conflict and changes nothing", async () => {
    const first = await admin();
    const second = await admin();
    const open = await buildOpenSession(first, { title: uniqueTitle("Two editors") });
    const seenByFirst = (await get(first, open.id)).body;
    const seenBySecond = (await get(second, open.id)).body;
    expect(seenBySecond.version).toBe(seenByFirst.version);

    const saved = await first.patch<S>(`${BASE}/${open.id}`, {
      version: seenByFirst.version,
      title: "The first editor's title",
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(seenByFirst.version + 1);

    const stale = await second.patch<ErrorBody>(`${BASE}/${open.id}`, {
      version: seenBySecond.version,
      title: "The second editor's title",
      durationMinutes: 90,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("version_conflict");
    expect(stale.body.error.message).toMatch(/[Rr]eload/);
    const now = (await get(second, open.id)).body;
    expect(now).toMatchObject({ title: "The first editor's title", durationMinutes: 45, version: saved.body.version });

    // After reloading, the second editor saves on top.
    const retried = await second.patch<S>(`${BASE}/${open.id}`, { version: now.version, durationMinutes: 90 });
    expect(retried.body).toMatchObject({ title: "The first editor's title", durationMinutes: 90 });
  });

  // ---------------------------------------------------------------- Open ⇄ Full

  it("becomes Full when the last slot is taken (host, presenters, interviewer, guests) and Open when one frees", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Fills up"), maxPresenters: 1, maxGuests: 1 });
    await registeredMember(server(), open.id, "host");
    await registeredMember(server(), open.id, "presenter");
    await registeredMember(server(), open.id, "interviewer");
    const almost = (await get(a, open.id)).body;
    expect(almost.status).toBe("open");
    expect(almost.slots.guest).toEqual({ capacity: 1, taken: 0, offered: 0, free: 1, waiting: 0 });

    const guest = await registeredMember(server(), open.id, "guest");
    const full = (await get(a, open.id)).body;
    expect(full.status).toBe("full");
    // Issue 13, 3: Reopen registration would leave it Full, so it is not offered, and the editor says why.
    expect(full.abilities.statusActions).toEqual(["close", "cancel"]);
    expect(full.abilities.statusNote).toMatch(/reopens by itself when a place frees up/);
    const reopenFull = await status(a, open.id, "reopen");
    expect(reopenFull.status).toBe(409);
    expect(reopenFull.body.error).toMatchObject({ code: "already_full", message: full.abilities.statusNote });
    expect((await get(a, open.id)).body).toMatchObject({ status: "full", version: full.version });

    const late = await signedInAgent(server());
    expect((await late.agent.get<S>(`${BASE}/${open.id}`)).body.registrableRoles).toEqual([]);
    const refused = await late.agent.post<ErrorBody>(`${BASE}/${open.id}/registrations`, { role: "guest" });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("session_full");

    expect((await guest.agent.delete(`${BASE}/${open.id}/registrations/me`)).status).toBe(200);
    expect((await get(a, open.id)).body.status).toBe("open");
    expect((await late.agent.post(`${BASE}/${open.id}/registrations`, { role: "guest" })).status).toBe(201);
    expect((await get(a, open.id)).body.status).toBe("full");
  });

  it("raising Max Guests opens a Full session; lowering any maximum below the registered count is refused", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Capacity"), maxPresenters: 1, maxGuests: 1 });
    for (const role of ["host", "presenter", "interviewer", "guest"] as const)
      await registeredMember(server(), open.id, role);
    const full = (await get(a, open.id)).body;
    expect(full.status).toBe("full");

    const guests = await patch(a, open.id, { maxGuests: 0 });
    expect(guests.status).toBe(409);
    expect(guests.body.error.code).toBe("below_registered");
    expect(guests.body.error.fields?.maxGuests).toMatch(/cannot be lower than the guest already registered/);
    const presenters = await patch(a, open.id, { maxPresenters: 0 });
    expect(presenters.status).toBe(409);
    expect(presenters.body.error.fields).toHaveProperty("maxPresenters");
    const interviewer = await patch(a, open.id, { hasInterviewer: false });
    expect(interviewer.status).toBe(409);
    expect(interviewer.body.error.fields).toHaveProperty("hasInterviewer");
    expect((await get(a, open.id)).body).toEqual(full);

    const raised = await patch(a, open.id, { maxGuests: 2 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ status: "open", maxGuests: 2 });
    expect(raised.body.slots.guest.free).toBe(1);
    // Lowering to exactly the registered count is allowed, and Full again.
    expect((await patch(a, open.id, { maxGuests: 1 })).body.status).toBe("full");
  });

  it("switching Has Interviewer off and on makes the session Full and Open", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Interviewer"), maxPresenters: 1, maxGuests: 1 });
    for (const role of ["host", "presenter", "guest"] as const) await registeredMember(server(), open.id, role);
    expect((await get(a, open.id)).body.status).toBe("open");
    const off = await patch(a, open.id, { hasInterviewer: false });
    expect(off.body).toMatchObject({ status: "full", hasInterviewer: false });
    expect(off.body.slots.interviewer.capacity).toBe(0);
    const on = await patch(a, open.id, { hasInterviewer: true });
    expect(on.body).toMatchObject({ status: "open", hasInterviewer: true });
  });

  // ---------------------------------------------------------------- Session Updated / Session Cancelled

  it("a new date, time or meeting URL emails every active participant (not cancelled ones); a title does not", async () => {
    const a = await admin();
    const title = uniqueTitle("Moved");
    const open = await buildOpenSession(a, { title, startsLocal: "2027-01-15T18:30" });
    const ann = await registeredMember(server(), open.id, "presenter", { fields: { talkTitle: "Lenses" } });
    const bob = await registeredMember(server(), open.id, "guest");
    const gone = await registeredMember(server(), open.id, "guest");
    expect((await gone.agent.delete(`${BASE}/${open.id}/registrations/me`)).status).toBe(200);
    await server().deliver();

    expect((await patch(a, open.id, { startsLocal: "2027-01-15T19:45" })).status).toBe(200);
    await server().deliver();
    for (const who of [ann, bob]) {
      const [mail, ...more] = sessionUpdated(who.email, title);
      expect(more.map((m) => m.text)).toEqual([]);
      expect(mail?.text).toMatch(/Date & Time: .*18:30.* → .*19:45/);
      expect(mail?.html).toContain("19:45");
      expect(mail?.text).toContain("https://meet.example.org/peer-talks");
    }
    expect(sessionUpdated(gone.email, title).map((m) => m.text)).toEqual([]);

    expect((await patch(a, open.id, { meetingUrl: "https://meet.example.org/new-room" })).status).toBe(200);
    await server().deliver();
    for (const who of [ann, bob]) {
      const mails = sessionUpdated(who.email, title);
      expect(mails).toHaveLength(2);
      expect(mails[1]?.text).toContain(
        "Meeting URL: https://meet.example.org/peer-talks → https://meet.example.org/new-room",
      );
    }

    expect((await patch(a, open.id, { title: `${title} (renamed)`, description: "New words" })).status).toBe(200);
    await server().deliver();
    expect(sessionUpdated(ann.email, title)).toHaveLength(2);
    expect(sessionUpdated(bob.email, title)).toHaveLength(2);
    // Only participants were written to.
    expect(
      allMailsAbout(server(), title)
        .filter((m) => m.subject?.startsWith("Session Updated"))
        .flatMap((m) => (Array.isArray(m.to) ? m.to : [m.to]).flatMap((t) => t?.value.map((v) => v.address)))
        .sort(),
    ).toEqual([ann.email, ann.email, bob.email, bob.email].sort());
  });

  it("several quick edits send ONE Session Updated per person, from the first old value to the last new one", async () => {
    const a = await admin();
    const title = uniqueTitle("Burst");
    const open = await buildOpenSession(a, {
      title,
      startsLocal: "2027-01-15T18:30",
      meetingUrl: "https://meet.example.org/room-1",
    });
    const ann = await registeredMember(server(), open.id, "guest");
    const bob = await registeredMember(server(), open.id, "host");
    await server().deliver();

    expect((await patch(a, open.id, { startsLocal: "2027-01-15T19:00" })).status).toBe(200);
    expect(
      (await patch(a, open.id, { startsLocal: "2027-01-15T20:15", meetingUrl: "https://meet.example.org/room-3" }))
        .status,
    ).toBe(200);
    await server().deliver();
    for (const who of [ann, bob]) {
      const mails = sessionUpdated(who.email, title);
      expect(mails).toHaveLength(1);
      const text = mails[0]?.text ?? "";
      expect(text).toMatch(/Date & Time: .*18:30.* → .*20:15/);
      expect(text).toContain("Meeting URL: https://meet.example.org/room-1 → https://meet.example.org/room-3");
      expect(text).not.toContain("19:00");
    }
  });

  it("edits that end where they started send no Session Updated", async () => {
    const a = await admin();
    const title = uniqueTitle("Undone");
    const open = await buildOpenSession(a, { title, meetingUrl: "https://meet.example.org/room-a" });
    const ann = await registeredMember(server(), open.id, "guest");
    await server().deliver();

    await patch(a, open.id, { meetingUrl: "https://meet.example.org/room-b" });
    await patch(a, open.id, { meetingUrl: "https://meet.example.org/room-a" });
    await server().deliver();
    // Nothing changed for the participant; above all, no email saying the room is now room-b.
    expect(sessionUpdated(ann.email, title).map((m) => m.text)).toEqual([]);
  });

  it("sends no Session Updated for a Draft, even with participants", async () => {
    const a = await admin();
    const title = uniqueTitle("Draft moves");
    const draft = await a.post<S>(BASE, {
      title,
      startsLocal: futureLocal(),
      meetingUrl: "https://meet.example.org/d",
    });
    const member = await signedInAgent(server());
    const added = await a.post(`${BASE}/${draft.body.id}/participants`, { email: member.email, role: "guest" });
    expect(added.status).toBe(201);
    await server().deliver();
    expect((await patch(a, draft.body.id, { startsLocal: futureLocal(31, "09:00") })).status).toBe(200);
    expect((await patch(a, draft.body.id, { meetingUrl: "https://meet.example.org/d2" })).status).toBe(200);
    await server().deliver();
    expect(sessionUpdated(member.email, title).map((m) => m.text)).toEqual([]);
  });

  it("Session Cancelled goes to every active participant and not to cancelled ones", async () => {
    const a = await admin();
    const title = uniqueTitle("Called off");
    const open = await buildOpenSession(a, { title });
    const host = await registeredMember(server(), open.id, "host");
    const presenter = await registeredMember(server(), open.id, "presenter", { fields: { talkTitle: "T" } });
    const guest = await registeredMember(server(), open.id, "guest");
    const left = await registeredMember(server(), open.id, "guest");
    expect((await left.agent.delete(`${BASE}/${open.id}/registrations/me`)).status).toBe(200);
    await server().deliver();

    expect((await status(a, open.id, "cancel")).body.status).toBe("cancelled");
    await server().deliver();
    for (const who of [host, presenter, guest]) {
      const mails = mailsAbout(server(), who.email, title).filter((m) => m.subject?.startsWith("Session Cancelled"));
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toMatch(/has been cancelled/);
      expect(mails[0]?.html).toContain(title);
    }
    expect(
      mailsAbout(server(), left.email, title)
        .filter((m) => m.subject?.startsWith("Session Cancelled"))
        .map((m) => m.text),
    ).toEqual([]);
    // Members still see the session, as Cancelled.
    expect((await guest.agent.get<S>(`${BASE}/${open.id}`)).body.shownStatus).toBe("cancelled");
  });

  // ---------------------------------------------------------------- Delete

  it("Delete removes the session and all its participant records", async () => {
    const a = await admin();
    const title = uniqueTitle("Doomed");
    const open = await buildOpenSession(a, { title });
    const guest = await registeredMember(server(), open.id, "guest");
    const left = await registeredMember(server(), open.id, "presenter");
    await left.agent.delete(`${BASE}/${open.id}/registrations/me`);

    const res = await a.delete<{ ok: boolean }>(`${BASE}/${open.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });
    expect((await get(a, open.id)).status).toBe(404);
    expect((await guest.agent.get(`${BASE}/${open.id}`)).status).toBe(404);
    expect((await a.get(`${BASE}/${open.id}/participants`)).status).toBe(404);
    expect((await a.delete(`${BASE}/${open.id}`)).status).toBe(404);
    const rows = await server()
      .deps.db.selectFrom("community_participants")
      .select("id")
      .where("session_id", "=", open.id)
      .execute();
    expect(rows).toEqual([]);
    const mine = await guest.agent.get<{ registrations: { session: { id: string } }[] }>(
      "/api/v1/me/community/registrations",
    );
    expect(mine.body.registrations.map((r) => r.session.id)).not.toContain(open.id);
    const list = await a.get<AdminList>(`/api/v1/admin/community/sessions?q=${encodeURIComponent(title)}`);
    expect(list.body.total).toBe(0);

    const deleted = (await auditOf(a, open.id)).find((e) => e.action === "community_session.deleted");
    expect(deleted?.changes).toMatchObject({ title, participants: 2 });
  });

  // ---------------------------------------------------------------- Audit log

  it("the audit log records creation, updates (old → new) and manual and automatic status changes", async () => {
    const adminUser = await signedInAgent(server(), { admin: true });
    const a = adminUser.agent;
    const title = uniqueTitle("Audited");
    const created = await a.post<S>(BASE, {
      title,
      startsLocal: futureLocal(),
      meetingUrl: "https://meet.example.org/a",
      maxPresenters: 0,
      maxGuests: 1,
      hasInterviewer: false,
    });
    const id = created.body.id;
    await patch(a, id, { title: `${title} v2`, durationMinutes: 50 });
    await status(a, id, "open");
    await registeredMember(server(), id, "host");
    await registeredMember(server(), id, "guest");
    expect((await get(a, id)).body.status).toBe("full");
    await status(a, id, "close");

    const log = await auditOf(a, id);
    const byAction = (action: string) => log.filter((e) => e.action === action);
    expect(byAction("community_session.created")).toEqual([
      expect.objectContaining({ actorId: adminUser.id, changes: expect.objectContaining({ title }) }),
    ]);
    const [update] = byAction("community_session.updated");
    expect(update?.changes).toMatchObject({
      title: { from: title, to: `${title} v2` },
      duration_minutes: { from: 45, to: 50 },
    });
    const statuses = byAction("community_session.status_changed").map((e) => e.changes);
    expect(statuses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ status: { from: "draft", to: "open" }, action: "open" }),
        expect.objectContaining({ status: { from: "open", to: "full" }, automatic: true }),
        expect.objectContaining({ status: { from: "full", to: "closed" }, action: "close" }),
      ]),
    );
    expect(statuses).toHaveLength(3);
    expect(byAction("community_participant.registered").map((e) => e.changes.role)).toEqual(
      expect.arrayContaining(["host", "guest"]),
    );
  });

  // ---------------------------------------------------------------- Admin > Sessions

  it("Admin > Sessions filters by status, by time (upcoming, past) and searches titles", async () => {
    const a = await admin();
    const tag = uniqueTitle("Filterable");
    const draft = await a.post<S>(BASE, { title: `${tag} draft` });
    const open = await buildOpenSession(a, { title: `${tag} open` });
    const closed = await buildOpenSession(a, { title: `${tag} closed` });
    await status(a, closed.id, "close");
    const past = await buildOpenSession(a, { title: `${tag} past`, timeZone: "UTC", startsLocal: utcLocal(10) });
    const running = await buildOpenSession(a, {
      title: `${tag} running`,
      timeZone: "UTC",
      startsLocal: utcLocal(3 * 1440),
      durationMinutes: 120,
    });
    await buildOpenSession(a, { title: uniqueTitle("Unrelated") });
    // Three days pass: "past" took place, "running" began ten minutes ago.
    clock.advance(3 * 1440 + 10);

    const ids = async (query: string) => {
      const res = await a.get<AdminList>(`/api/v1/admin/community/sessions?${query}`);
      expect(res.status).toBe(200);
      return { ids: res.body.sessions.map((s) => s.id).sort(), total: res.body.total };
    };
    const q = `q=${encodeURIComponent(tag.toUpperCase())}`;
    expect(await ids(q)).toEqual({
      ids: [draft.body.id, open.id, closed.id, past.id, running.id].sort(),
      total: 5,
    });
    expect((await ids(`${q}&status=closed`)).ids).toEqual([closed.id]);
    expect((await ids(`${q}&status=draft`)).ids).toEqual([draft.body.id]);
    expect((await ids(`${q}&when=past`)).ids).toEqual([past.id]);
    expect((await ids(`${q}&when=upcoming`)).ids).toEqual([draft.body.id, open.id, closed.id, running.id].sort());
    expect((await ids(`${q}&when=upcoming&status=open`)).ids).toEqual([open.id, running.id].sort());
    expect((await ids(`q=${encodeURIComponent(`${tag} clo`)}`)).ids).toEqual([closed.id]);

    const cards = (await a.get<AdminList>(`/api/v1/admin/community/sessions?${q}`)).body.sessions;
    expect(cards.find((c) => c.id === past.id)?.shownStatus).toBe("completed");
    expect(cards.find((c) => c.id === running.id)?.shownStatus).toBe("in_progress");

    const bad = await a.get<ErrorBody>("/api/v1/admin/community/sessions?status=finished");
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty("status");
    expect((await new Agent(server()).get("/api/v1/admin/community/sessions")).status).toBe(401);
    expect((await (await signedInAgent(server())).agent.get("/api/v1/admin/community/sessions")).status).toBe(403);
  });

  it("title search takes % and _ literally", async () => {
    const a = await admin();
    const tag = uniqueTitle("Literal");
    const percent = await a.post<S>(BASE, { title: `${tag} 100% remote` });
    await a.post<S>(BASE, { title: `${tag} 1000 remote` });
    const underscore = await a.post<S>(BASE, { title: `${tag} snake_case` });
    await a.post<S>(BASE, { title: `${tag} snakeXcase` });
    const search = async (text: string) =>
      (
        await a.get<AdminList>(`/api/v1/admin/community/sessions?q=${encodeURIComponent(`${tag} ${text}`)}`)
      ).body.sessions.map((s) => s.id);
    expect(await search("100%")).toEqual([percent.body.id]);
    expect(await search("snake_case")).toEqual([underscore.body.id]);
  });

  it("a manager's participants list is readable after cancelling the session", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("History") });
    await registeredMember(server(), open.id, "guest");
    await status(a, open.id, "cancel");
    const list = await a.get<ParticipantList>(`${BASE}/${open.id}/participants`);
    expect(list.status).toBe(200);
    // Cancelling the session keeps every registration for history.
    expect(list.body.participants.map((p) => p.status)).toEqual(["registered"]);
  });
});
