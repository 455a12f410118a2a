// The member's side through HTTP: registering, premium gates, presenter order, cancelling one's own
// registration, what members and visitors may see, the home page list, member-created sessions and the
// emails a registrant receives (community.md, Registration, Roles and slots, Settings, Emails).
import { afterEach, expect, it } from "vitest";
import {
  allMailsAbout,
  auditOf,
  buildOpenSession,
  futureLocal,
  mailsAbout,
  registeredMember,
  settings,
  travellingClock,
  uniqueTitle,
  utcLocal,
} from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type {
  CommunitySession,
  MyRegistrationList,
  ParticipantList,
  SessionCardList,
} from "../../shared/schemas/community-sessions";

const BASE = "/api/v1/community/sessions";
type S = CommunitySession;

describeEngines("community sessions: registration API", (engine) => {
  const clock = travellingClock();
  const server = useTestServer(engine, { clock, env: { UPDATE_NOTICE_DELAY_MS: "0" } });
  afterEach(() => clock.reset());
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;

  const register = (agent: Agent, id: string, body: Record<string, unknown>) =>
    agent.post<S & ErrorBody>(`${BASE}/${id}/registrations`, body);

  async function participants(a: Agent, id: string) {
    const res = await a.get<ParticipantList>(`${BASE}/${id}/participants`);
    expect(res.status).toBe(200);
    return res.body.participants;
  }

  async function participantRows(id: string) {
    return server().deps.db.selectFrom("community_participants").selectAll().where("session_id", "=", id).execute();
  }

  async function memberList(agent: Agent, when: "upcoming" | "past" = "upcoming") {
    const res = await agent.get<SessionCardList>(`${BASE}?when=${when}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.sessions;
  }

  // ---------------------------------------------------------------- Registering

  it("a member registers in a free role: 201, their registration, and the meeting details", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Register") });
    const member = await signedInAgent(server(), { name: "Grace Hopper" });
    const before = await member.agent.get<S>(`${BASE}/${open.id}`);
    expect(before.body.registrableRoles).toEqual(["host", "presenter", "interviewer", "guest"]);
    expect(before.body.abilities.register).toBe(true);

    const res = await register(member.agent, open.id, { role: "guest", topics: "Compilers" });
    expect(res.status).toBe(201);
    expect(res.body.myRegistration).toMatchObject({ role: "guest", status: "registered", canCancel: true });
    expect(res.body.meetingUrl).toBe("https://meet.example.org/peer-talks");
    expect(res.body.meetingPassword).toBe("sesame");
    expect(res.body.roster).toEqual([{ name: "Grace Hopper", role: "guest", presenterOrder: null, talkTitle: null }]);
    expect(res.body.slots.guest).toEqual({ capacity: 5, taken: 1, offered: 0, free: 4, waiting: 0 });
    expect(res.body.registrableRoles).toEqual([]);

    const mine = await member.agent.get<MyRegistrationList>("/api/v1/me/community/registrations");
    expect(mine.body.registrations).toEqual([
      expect.objectContaining({
        role: "guest",
        status: "registered",
        session: expect.objectContaining({ id: open.id }),
      }),
    ]);
  });

  it("refuses registration unless the session is Open and has not started, with a code for each case", async () => {
    const a = await admin();
    const member = await signedInAgent(server());
    const cases: [string, string][] = [];

    const closed = await buildOpenSession(a, { title: uniqueTitle("Closed") });
    await a.post(`${BASE}/${closed.id}/status`, { action: "close" });
    cases.push([closed.id, "registration_closed"]);

    const cancelled = await buildOpenSession(a, { title: uniqueTitle("Cancelled") });
    await a.post(`${BASE}/${cancelled.id}/status`, { action: "cancel" });
    cases.push([cancelled.id, "session_cancelled"]);

    const full = await buildOpenSession(a, {
      title: uniqueTitle("Tiny"),
      maxPresenters: 0,
      maxGuests: 0,
      hasInterviewer: false,
    });
    await registeredMember(server(), full.id, "host");
    cases.push([full.id, "session_full"]);

    // Two days pass: "Over" took place, "Started" began ten minutes ago.
    const over = await buildOpenSession(a, { title: uniqueTitle("Over"), timeZone: "UTC", startsLocal: utcLocal(10) });
    const started = await buildOpenSession(a, {
      title: uniqueTitle("Started"),
      timeZone: "UTC",
      startsLocal: utcLocal(2880),
      durationMinutes: 120,
    });
    clock.advance(2880 + 10);
    expect((await a.get<S>(`${BASE}/${started.id}`)).body.shownStatus).toBe("in_progress");
    cases.push([started.id, "session_started"]);
    expect((await a.get<S>(`${BASE}/${over.id}`)).body.shownStatus).toBe("completed");
    cases.push([over.id, "session_started"]);

    for (const [id, code] of cases) {
      const seen = await member.agent.get<S>(`${BASE}/${id}`);
      expect(seen.body.registrableRoles, code).toEqual([]);
      const res = await register(member.agent, id, { role: "guest" });
      expect(res.status, code).toBe(409);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message).toBeTruthy();
    }
    // A Draft does not exist for members; a visitor must sign in.
    const draft = await a.post<S>(BASE, { title: uniqueTitle("Draft"), startsLocal: futureLocal() });
    expect((await register(member.agent, draft.body.id, { role: "guest" })).status).toBe(404);
    const open = await buildOpenSession(a, { title: uniqueTitle("Anon") });
    expect((await register(new Agent(server()), open.id, { role: "guest" })).status).toBe(401);

    const rows = await server()
      .deps.db.selectFrom("community_participants")
      .select("session_id")
      .where("user_id", "=", member.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it("holds one active registration per member and session; after cancelling one may register again", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Once") });
    const member = await signedInAgent(server());
    expect((await register(member.agent, open.id, { role: "guest" })).status).toBe(201);
    const twice = await register(member.agent, open.id, { role: "presenter", talkTitle: "Again" });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("already_registered");
    expect((await participantRows(open.id)).map((p) => p.role)).toEqual(["guest"]);

    expect((await member.agent.delete(`${BASE}/${open.id}/registrations/me`)).status).toBe(200);
    const again = await register(member.agent, open.id, { role: "presenter", talkTitle: "Again" });
    expect(again.status).toBe(201);
    expect(again.body.myRegistration?.role).toBe("presenter");
    expect((await participantRows(open.id)).map((p) => `${p.role}:${p.status}`).sort()).toEqual([
      "guest:cancelled",
      "presenter:registered",
    ]);
  });

  it("asks a member without a name for it (400 on name), then saves it to their profile", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Nameless") });
    const member = await signedInAgent(server(), { name: null });
    const missing = await register(member.agent, open.id, { role: "guest" });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields ?? {})).toEqual(["name"]);
    const blank = await register(member.agent, open.id, { role: "guest", name: "   " });
    expect(blank.status).toBe(400);
    expect(blank.body.error.fields).toHaveProperty("name");
    expect(await participantRows(open.id)).toEqual([]);

    const ok = await register(member.agent, open.id, { role: "guest", name: "Nia Okafor" });
    expect(ok.status).toBe(201);
    expect(ok.body.roster.map((r) => r.name)).toEqual(["Nia Okafor"]);
    const me = await member.agent.get<{ user: { name: string | null } }>("/api/v1/auth/me");
    expect(me.body.user.name).toBe("Nia Okafor");
  });

  it("rejects an unknown role with a 400 naming it", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Roles") });
    const member = await signedInAgent(server());
    const res = await register(member.agent, open.id, { role: "moderator" });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty("role");
  });

  it("premium gates: presenting covers Presenter and Interviewer, hosting covers Host, Guest never; staff and admins are premium", async () => {
    const a = await admin();
    await settings(server(), a, {
      requirePremiumForPresenting: true,
      requirePremiumForHosting: true,
      premiumLabel: "Gold",
    });
    try {
      const open = await buildOpenSession(a, { title: uniqueTitle("Gated") });
      const plain = await signedInAgent(server());
      expect((await plain.agent.get<S>(`${BASE}/${open.id}`)).body.registrableRoles).toEqual(["guest"]);
      for (const [role, label] of [
        ["presenter", "Presenter"],
        ["interviewer", "Interviewer"],
        ["host", "Host"],
      ] as const) {
        const res = await register(plain.agent, open.id, { role, talkTitle: "T" });
        expect(res.status, role).toBe(409);
        expect(res.body.error.code).toBe("premium_required");
        expect(res.body.error.message).toBe(`Only Gold members can register as ${label}.`);
        expect(res.body.error.fields).toHaveProperty("role");
      }
      expect(await participantRows(open.id)).toEqual([]);
      expect((await register(plain.agent, open.id, { role: "guest" })).status).toBe(201);

      const premium = await signedInAgent(server(), { premium: true });
      expect((await premium.agent.get<S>(`${BASE}/${open.id}`)).body.registrableRoles).toEqual([
        "host",
        "presenter",
        "interviewer",
        "guest",
      ]);
      expect((await register(premium.agent, open.id, { role: "presenter", talkTitle: "Premium talk" })).status).toBe(
        201,
      );
      const staff = await signedInAgent(server(), { staff: true });
      expect((await register(staff.agent, open.id, { role: "interviewer" })).status).toBe(201);
      const admin2 = await signedInAgent(server(), { admin: true });
      expect((await register(admin2.agent, open.id, { role: "host" })).status).toBe(201);

      // Only the hosting gate: a plain member may present, not host.
      await settings(server(), a, { requirePremiumForPresenting: false });
      const other = await buildOpenSession(a, { title: uniqueTitle("Host gate") });
      const plain2 = await signedInAgent(server());
      expect((await plain2.agent.get<S>(`${BASE}/${other.id}`)).body.registrableRoles).toEqual([
        "presenter",
        "interviewer",
        "guest",
      ]);
      const host = await register(plain2.agent, other.id, { role: "host" });
      expect(host.status).toBe(409);
      expect(host.body.error.message).toBe("Only Gold members can register as Host.");
      expect((await register(plain2.agent, other.id, { role: "presenter", talkTitle: "Fine" })).status).toBe(201);
    } finally {
      await settings(server(), a, {
        requirePremiumForPresenting: false,
        requirePremiumForHosting: false,
        premiumLabel: "Premium",
      });
    }
  });

  it("without the gates, anyone may present or host", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Ungated") });
    expect((await register((await signedInAgent(server())).agent, open.id, { role: "host" })).status).toBe(201);
    expect(
      (await register((await signedInAgent(server())).agent, open.id, { role: "presenter", talkTitle: "x" })).status,
    ).toBe(201);
  });

  it("refuses a role with no slots or a full role, naming the role", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, {
      title: uniqueTitle("Role limits"),
      maxPresenters: 1,
      hasInterviewer: false,
    });
    await registeredMember(server(), open.id, "presenter", { fields: { talkTitle: "First" } });
    const member = await signedInAgent(server());
    expect((await member.agent.get<S>(`${BASE}/${open.id}`)).body.registrableRoles).toEqual(["host", "guest"]);
    const presenter = await register(member.agent, open.id, { role: "presenter", talkTitle: "Second" });
    expect(presenter.status).toBe(409);
    expect(presenter.body.error).toMatchObject({ code: "role_full", fields: { role: expect.any(String) } });
    const interviewer = await register(member.agent, open.id, { role: "interviewer" });
    expect(interviewer.status).toBe(409);
    expect(interviewer.body.error.code).toBe("role_unavailable");
  });

  it("gives presenters the order 1, 2, 3 and closes ranks when one cancels", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Order") });
    const ada = await registeredMember(server(), open.id, "presenter", { name: "Ada", fields: { talkTitle: "A" } });
    await registeredMember(server(), open.id, "presenter", { name: "Bo", fields: { talkTitle: "B" } });
    await registeredMember(server(), open.id, "presenter", { name: "Cy", fields: { talkTitle: "C" } });
    const order = async () =>
      (await participants(a, open.id)).filter((p) => p.status !== "cancelled").map((p) => [p.name, p.presenterOrder]);
    expect(await order()).toEqual([
      ["Ada", 1],
      ["Bo", 2],
      ["Cy", 3],
    ]);
    expect(
      (await ada.agent.get<S>(`${BASE}/${open.id}`)).body.agenda.items
        .filter((i) => i.kind === "talk")
        .map((i) => i.label),
    ).toEqual([expect.stringContaining("Ada"), expect.stringContaining("Bo"), expect.stringContaining("Cy")]);

    expect((await ada.agent.delete(`${BASE}/${open.id}/registrations/me`)).status).toBe(200);
    expect(await order()).toEqual([
      ["Bo", 1],
      ["Cy", 2],
    ]);
    await registeredMember(server(), open.id, "presenter", { name: "Di", fields: { talkTitle: "D" } });
    expect(await order()).toEqual([
      ["Bo", 1],
      ["Cy", 2],
      ["Di", 3],
    ]);
    const roster = (await ada.agent.get<S>(`${BASE}/${open.id}`)).body.roster;
    expect(roster.map((r) => [r.name, r.presenterOrder, r.talkTitle])).toEqual([
      ["Bo", 1, "B"],
      ["Cy", 2, "C"],
      ["Di", 3, "D"],
    ]);
  });

  it("stores role-specific fields only for their role", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Fields") });
    const all = {
      talkTitle: "Type systems",
      talkDescription: "Why they help",
      topics: "Rust, Haskell",
      questions: "What about Go?",
    };
    const guest = await registeredMember(server(), open.id, "guest", { fields: all });
    const presenter = await registeredMember(server(), open.id, "presenter", { fields: all });
    const host = await registeredMember(server(), open.id, "host", { fields: all });
    const list = await participants(a, open.id);
    const of = (id: string) => list.find((p) => p.userId === id);
    expect(of(guest.id)).toMatchObject({
      talkTitle: null,
      talkDescription: null,
      topics: "Rust, Haskell",
      questions: "What about Go?",
    });
    expect(of(presenter.id)).toMatchObject({
      talkTitle: "Type systems",
      talkDescription: "Why they help",
      topics: null,
      questions: null,
    });
    expect(of(host.id)).toMatchObject({ talkTitle: null, talkDescription: null, topics: null, questions: null });
    const tooLong = await register((await signedInAgent(server())).agent, open.id, {
      role: "presenter",
      talkTitle: "x".repeat(201),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.fields).toHaveProperty("talkTitle");
  });

  // ---------------------------------------------------------------- Cancelling one's own registration

  it("a member cancels their own registration until the start: kept as Cancelled, slot freed, email to them only", async () => {
    const a = await admin();
    const title = uniqueTitle("Changed my mind");
    const open = await buildOpenSession(a, { title, maxGuests: 1 });
    const stays = await registeredMember(server(), open.id, "host");
    const member = await registeredMember(server(), open.id, "guest");
    await server().deliver();

    const res = await member.agent.delete<S>(`${BASE}/${open.id}/registrations/me`);
    expect(res.status).toBe(200);
    expect(res.body.myRegistration).toBeNull();
    expect(res.body.slots.guest).toEqual({ capacity: 1, taken: 0, offered: 0, free: 1, waiting: 0 });
    expect(res.body.meetingUrl).toBeNull();
    expect((await participants(a, open.id)).find((p) => p.userId === member.id)?.status).toBe("cancelled");
    expect((await member.agent.delete<ErrorBody>(`${BASE}/${open.id}/registrations/me`)).status).toBe(404);

    await server().deliver();
    const cancelled = allMailsAbout(server(), title).filter((m) => m.subject?.startsWith("Registration Cancelled"));
    expect(cancelled.map((m) => m.to && !Array.isArray(m.to) && m.to.value[0]?.address)).toEqual([member.email]);
    expect(cancelled[0]?.text).toMatch(/is cancelled, as you asked/);
    expect(mailsAbout(server(), stays.email, title).map((m) => m.subject)).toEqual([
      `Registration confirmed: ${title}`,
    ]);

    const log = await auditOf(a, open.id);
    expect(log.find((e) => e.action === "community_participant.cancelled")?.changes).toMatchObject({
      user: member.id,
      role: "guest",
      status: { from: "registered", to: "cancelled" },
    });
  });

  it("refuses to cancel once the session has started", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, {
      title: uniqueTitle("Too late"),
      timeZone: "UTC",
      startsLocal: utcLocal(5),
    });
    const member = await registeredMember(server(), open.id, "guest");
    // Fifteen minutes later the session has been running for ten.
    clock.advance(15);
    const seen = await member.agent.get<S>(`${BASE}/${open.id}`);
    expect(seen.body.shownStatus).toBe("in_progress");
    expect(seen.body.myRegistration?.canCancel).toBe(false);

    const res = await member.agent.delete<ErrorBody>(`${BASE}/${open.id}/registrations/me`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("session_started");
    expect((await participants(a, open.id))[0]?.status).toBe("registered");
  });

  // ---------------------------------------------------------------- Visibility

  it("members and visitors never see Drafts, neither alone nor in lists", async () => {
    const a = await admin();
    const draft = await a.post<S>(BASE, { title: uniqueTitle("Hidden draft"), startsLocal: futureLocal() });
    const member = await signedInAgent(server());
    const anon = new Agent(server());
    for (const agent of [member.agent, anon]) {
      const res = await agent.get<ErrorBody>(`${BASE}/${draft.body.id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("not_found");
      expect((await memberList(agent)).map((s) => s.id)).not.toContain(draft.body.id);
      expect((await memberList(agent, "past")).map((s) => s.id)).not.toContain(draft.body.id);
    }
    expect((await a.get(`${BASE}/${draft.body.id}`)).status).toBe(200);
    // Once opened, it is there for everyone.
    await a.patch(`${BASE}/${draft.body.id}`, { version: 1, meetingUrl: "https://meet.example.org/h" });
    await a.post(`${BASE}/${draft.body.id}/status`, { action: "open" });
    expect((await anon.get(`${BASE}/${draft.body.id}`)).status).toBe(200);
    expect((await memberList(member.agent)).map((s) => s.id)).toContain(draft.body.id);
  });

  it("shows Meeting URL and Password only to active participants and admins, and takes them back on cancel", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Secret room") });
    const member = await signedInAgent(server());
    const other = await signedInAgent(server());
    const anon = new Agent(server());
    const meeting = (b: S) => [b.meetingUrl, b.meetingPassword, b.abilities.seeMeeting];

    expect(meeting((await anon.get<S>(`${BASE}/${open.id}`)).body)).toEqual([null, null, false]);
    expect(meeting((await member.agent.get<S>(`${BASE}/${open.id}`)).body)).toEqual([null, null, false]);
    expect(meeting((await a.get<S>(`${BASE}/${open.id}`)).body)).toEqual([
      "https://meet.example.org/peer-talks",
      "sesame",
      true,
    ]);

    await register(member.agent, open.id, { role: "guest" });
    expect(meeting((await member.agent.get<S>(`${BASE}/${open.id}`)).body)).toEqual([
      "https://meet.example.org/peer-talks",
      "sesame",
      true,
    ]);
    expect(meeting((await other.agent.get<S>(`${BASE}/${open.id}`)).body)).toEqual([null, null, false]);

    await member.agent.delete(`${BASE}/${open.id}/registrations/me`);
    expect(meeting((await member.agent.get<S>(`${BASE}/${open.id}`)).body)).toEqual([null, null, false]);
    // Not in lists either.
    const card = (await memberList(member.agent)).find((s) => s.id === open.id);
    expect(JSON.stringify(card)).not.toContain("peer-talks");
    expect(JSON.stringify(card)).not.toContain("sesame");
  });

  it("shows the roster (names by role) to members but not to visitors", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Who comes") });
    await registeredMember(server(), open.id, "host", { name: "Hana Host" });
    await registeredMember(server(), open.id, "guest", { name: "Gus Guest" });
    const member = await signedInAgent(server());
    const roster = (await member.agent.get<S>(`${BASE}/${open.id}`)).body.roster;
    expect(roster.map((r) => [r.name, r.role])).toEqual([
      ["Hana Host", "host"],
      ["Gus Guest", "guest"],
    ]);
    expect(JSON.stringify(roster)).not.toContain("@");
    const anon = await new Agent(server()).get<S>(`${BASE}/${open.id}`);
    expect(anon.status).toBe(200);
    expect(anon.body.roster).toEqual([]);
    expect(JSON.stringify(anon.body)).not.toContain("Hana Host");
    expect(anon.body.registrableRoles).toEqual([]);
  });

  it("a member cannot manage a session: 403 on every management route, 404 on a Draft, 401 signed out", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, { title: uniqueTitle("Not yours") });
    const presenter = await registeredMember(server(), open.id, "presenter", { fields: { talkTitle: "Mine" } });
    const pid = (await participants(a, open.id))[0]?.id as string;
    const member = await signedInAgent(server());
    const draft = await a.post<S>(BASE, { title: uniqueTitle("Draft, not yours") });
    const before = (await a.get<S>(`${BASE}/${open.id}`)).body;

    const routes = (id: string, participantId: string): [string, (x: Agent) => Promise<{ status: number }>][] => [
      ["PATCH session", (x) => x.patch(`${BASE}/${id}`, { version: 1, title: "Hijacked" })],
      ["status", (x) => x.post(`${BASE}/${id}/status`, { action: "cancel" })],
      ["DELETE session", (x) => x.delete(`${BASE}/${id}`)],
      ["GET participants", (x) => x.get(`${BASE}/${id}/participants`)],
      ["POST participants", (x) => x.post(`${BASE}/${id}/participants`, { email: member.email, role: "guest" })],
      ["PATCH participant", (x) => x.patch(`${BASE}/${id}/participants/${participantId}`, { role: "guest" })],
      ["move", (x) => x.post(`${BASE}/${id}/participants/${participantId}/move`, { direction: "down" })],
      ["DELETE participant", (x) => x.delete(`${BASE}/${id}/participants/${participantId}`)],
    ];
    for (const agent of [member.agent, presenter.agent]) {
      for (const [name, call] of routes(open.id, pid)) expect((await call(agent)).status, name).toBe(403);
    }
    for (const [name, call] of routes(draft.body.id, pid)) expect((await call(member.agent)).status, name).toBe(404);
    for (const [name, call] of routes(open.id, pid)) expect((await call(new Agent(server()))).status, name).toBe(401);
    expect((await member.agent.post(BASE, { title: "Mine now" })).status).toBe(403);

    expect((await a.get<S>(`${BASE}/${open.id}`)).body).toEqual(before);
    expect((await participants(a, open.id)).map((p) => [p.role, p.status])).toEqual([["presenter", "registered"]]);
  });

  // ---------------------------------------------------------------- Allow User Session Creation

  it("Allow User Session Creation: members create sessions, host them, and manage only their own", async () => {
    const a = await admin();
    const adminsSession = await buildOpenSession(a, { title: uniqueTitle("Admin's") });
    const alice = await signedInAgent(server(), { name: "Alice" });
    const bob = await signedInAgent(server(), { name: "Bob" });

    expect((await alice.agent.post(BASE, { title: "Too early" })).status).toBe(403);
    expect((await alice.agent.get("/api/v1/admin/community/sessions")).status).toBe(403);

    await settings(server(), a, { allowUserSessionCreation: true });
    try {
      const created = await alice.agent.post<S>(BASE, {
        title: uniqueTitle("Alice's"),
        startsLocal: futureLocal(),
        meetingUrl: "https://meet.example.org/alice",
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: "draft", abilities: expect.objectContaining({ manage: true }) });
      expect(created.body.myRegistration?.role).toBe("host");
      expect(created.body.roster).toEqual([expect.objectContaining({ name: "Alice", role: "host" })]);
      const id = created.body.id;

      // Alice manages her own session.
      expect((await alice.agent.patch<S>(`${BASE}/${id}`, { version: 1, maxGuests: 8 })).body.maxGuests).toBe(8);
      expect((await alice.agent.post<S>(`${BASE}/${id}/status`, { action: "open" })).body.status).toBe("open");
      expect((await alice.agent.get(`${BASE}/${id}/participants`)).status).toBe(200);

      // Bob's session is not hers, nor the admin's.
      const bobs = await bob.agent.post<S>(BASE, { title: uniqueTitle("Bob's") });
      for (const other of [bobs.body.id, adminsSession.id]) {
        expect((await alice.agent.patch(`${BASE}/${other}`, { version: 1, title: "Mine" })).status).toBe(
          other === adminsSession.id ? 403 : 404,
        );
        expect((await alice.agent.post(`${BASE}/${other}/status`, { action: "cancel" })).status).toBe(
          other === adminsSession.id ? 403 : 404,
        );
      }
      expect((await bob.agent.get(`${BASE}/${id}/participants`)).status).toBe(403);
      expect((await bob.agent.patch(`${BASE}/${id}`, { version: 2, title: "Bob's now" })).status).toBe(403);

      // Admin > Sessions shows a member only their sessions; the admin sees all.
      const list = await alice.agent.get<SessionCardList & { total: number }>(
        "/api/v1/admin/community/sessions?limit=200",
      );
      expect(list.status).toBe(200);
      expect(list.body.sessions.map((s) => s.id)).toEqual([id]);
      expect(list.body.total).toBe(1);
      const all = await a.get<SessionCardList>("/api/v1/admin/community/sessions?limit=200");
      expect(all.body.sessions.map((s) => s.id)).toEqual(expect.arrayContaining([id, bobs.body.id, adminsSession.id]));

      // Under the hosting gate, a member who may not host creates the session without becoming its host.
      await settings(server(), a, { requirePremiumForHosting: true });
      const carol = await signedInAgent(server());
      const gated = await carol.agent.post<S>(BASE, { title: uniqueTitle("Carol's") });
      expect(gated.status).toBe(201);
      expect(gated.body.myRegistration).toBeNull();
      expect(gated.body.abilities.manage).toBe(true);
      const premium = await signedInAgent(server(), { premium: true });
      expect((await premium.agent.post<S>(BASE, { title: uniqueTitle("Pat's") })).body.myRegistration?.role).toBe(
        "host",
      );
    } finally {
      await settings(server(), a, { allowUserSessionCreation: false, requirePremiumForHosting: false });
    }
    // With the flag off again, Alice no longer manages anything.
    expect((await alice.agent.get("/api/v1/admin/community/sessions")).status).toBe(403);
  });

  // ---------------------------------------------------------------- Home page list

  it("the home page lists upcoming sessions with their free roles, never Drafts; past ones apart", async () => {
    const a = await admin();
    const tag = uniqueTitle("Listed");
    const open = await buildOpenSession(a, {
      title: `${tag} open`,
      description: "## Talks\n\nShort **talks** by members.",
      maxPresenters: 1,
    });
    await registeredMember(server(), open.id, "host");
    await registeredMember(server(), open.id, "presenter");
    const cancelled = await buildOpenSession(a, { title: `${tag} cancelled` });
    await a.post(`${BASE}/${cancelled.id}/status`, { action: "cancel" });
    // A day passes: "past" took place, "running" began five minutes ago.
    const past = await buildOpenSession(a, { title: `${tag} past`, timeZone: "UTC", startsLocal: utcLocal(10) });
    const running = await buildOpenSession(a, {
      title: `${tag} running`,
      timeZone: "UTC",
      startsLocal: utcLocal(1440),
      durationMinutes: 60,
    });
    clock.advance(1440 + 5);
    const draft = await a.post<S>(BASE, { title: `${tag} draft`, startsLocal: futureLocal() });

    for (const agent of [(await signedInAgent(server())).agent, new Agent(server())]) {
      const upcoming = (await memberList(agent)).filter((s) => s.title.startsWith(tag));
      expect(upcoming.map((s) => s.id).sort()).toEqual([open.id, cancelled.id, running.id].sort());
      const card = upcoming.find((s) => s.id === open.id);
      expect(card).toMatchObject({
        title: `${tag} open`,
        descriptionExcerpt: "Talks Short talks by members.",
        status: "open",
        timeZone: "America/New_York",
        startsAt: open.startsAt,
        freeRoles: ["interviewer", "guest"],
      });
      expect(upcoming.find((s) => s.id === running.id)?.shownStatus).toBe("in_progress");
      expect(upcoming.find((s) => s.id === cancelled.id)?.shownStatus).toBe("cancelled");
      const pastList = (await memberList(agent, "past")).filter((s) => s.title.startsWith(tag));
      expect(pastList.map((s) => [s.id, s.shownStatus])).toEqual([[past.id, "completed"]]);
      expect(JSON.stringify(await memberList(agent))).not.toContain(draft.body.id);
    }
  });

  it("home cards show the description's words as plain text, without its Markdown or HTML", async () => {
    const a = await admin();
    const open = await buildOpenSession(a, {
      title: uniqueTitle("Excerpt"),
      description:
        '<p align="center">Bring <b>questions</b>!</p>\n\n## Agenda\n\n- **Talks** &amp; [demos](https://example.org)<br>\n- <script>alert(1)</script>Q&A',
    });
    const card = (await memberList(new Agent(server()))).find((s) => s.id === open.id);
    expect(card?.descriptionExcerpt).toBe("Bring questions! Agenda Talks & demos Q&A");
  });

  // ---------------------------------------------------------------- Registration confirmed

  it("Registration confirmed goes to the registrant only, with role, talk, meeting URL and password, in text and HTML", async () => {
    const a = await admin();
    const title = uniqueTitle("Confirmed");
    const open = await buildOpenSession(a, { title });
    const first = await registeredMember(server(), open.id, "host");
    await server().deliver();
    const presenter = await registeredMember(server(), open.id, "presenter", {
      name: "Paula",
      fields: { talkTitle: "Lenses in practice" },
    });
    await server().deliver();

    const mails = allMailsAbout(server(), title);
    expect(mails.map((m) => (Array.isArray(m.to) ? undefined : m.to?.value[0]?.address))).toEqual([
      first.email,
      presenter.email,
    ]);
    const mail = mails[1];
    expect(mail?.subject).toBe(`Registration confirmed: ${title}`);
    for (const part of [mail?.text ?? "", mail?.html || ""]) {
      expect(part).toContain("Paula");
      expect(part).toContain("Presenter");
      expect(part).toContain("Lenses in practice");
      expect(part).toContain("https://meet.example.org/peer-talks");
      expect(part).toContain("sesame");
      expect(part).toContain(`http://convene.test/sessions/${open.id}`);
    }
    expect(mail?.text).toMatch(/When: .*18:30/);
    expect(mails[0]?.text).toContain("Host");
  });

  it("emails show the time in the recipient's own zone, with the session's zone beside it", async () => {
    const a = await admin();
    const title = uniqueTitle("Zones");
    const open = await buildOpenSession(a, { title, startsLocal: "2027-01-15T18:30" });
    const member = await signedInAgent(server());
    expect((await member.agent.patch("/api/v1/account", { timeZone: "Europe/Paris" })).status).toBe(200);
    expect((await register(member.agent, open.id, { role: "guest" })).status).toBe(201);
    await server().deliver();
    const [mail] = mailsAbout(server(), member.email, title);
    // 18:30 in New York is 00:30 the next day in Paris.
    expect(mail?.text).toMatch(/When: .*16 Jan 2027.*00:30.*Europe\/Paris.*18:30.*America\/New_York/);
  });

  it("every email carries the Site Name and, once set, the Physical Address in its footer", async () => {
    const a = await admin();
    const title = uniqueTitle("Footer");
    const open = await buildOpenSession(a, { title });
    const before = await registeredMember(server(), open.id, "guest");
    const site = await a.patch("/api/v1/admin/settings", {
      site: { siteName: "Peer Circle", physicalAddress: "12 Rue des Talks, 69001 Lyon" },
    });
    expect(site.status).toBe(200);
    try {
      const after = await registeredMember(server(), open.id, "host");
      await after.agent.delete(`${BASE}/${open.id}/registrations/me`);
      await server().deliver();
      const [withoutAddress] = mailsAbout(server(), before.email, title);
      expect(withoutAddress?.text).toMatch(/--\s+Convene\s*$/);
      const withAddress = mailsAbout(server(), after.email, title);
      expect(withAddress.map((m) => m.subject?.split(":")[0]).sort()).toEqual([
        "Registration Cancelled",
        "Registration confirmed",
      ]);
      for (const m of withAddress) {
        expect(m.text).toMatch(/--\s+Peer Circle\s+12 Rue des Talks, 69001 Lyon\s*$/);
        expect(m.html).toContain("12 Rue des Talks, 69001 Lyon");
        expect(m.html).toContain("Peer Circle");
      }
    } finally {
      await a.patch("/api/v1/admin/settings", { site: { siteName: "Convene", physicalAddress: "" } });
    }
  });

  it("Registration confirmed carries an ICS invitation for the session", async () => {
    const a = await admin();
    const title = uniqueTitle("Calendar");
    const open = await buildOpenSession(a, { title, startsLocal: "2027-01-15T18:30" });
    const member = await registeredMember(server(), open.id, "guest");
    await server().deliver();
    const [mail] = mailsAbout(server(), member.email, title);
    expect(mail?.subject).toBe(`Registration confirmed: ${title}`);
    const ics = (mail?.attachments ?? []).find(
      (x) => x.contentType.startsWith("text/calendar") || (x.filename ?? "").endsWith(".ics"),
    );
    expect(ics, "an ICS attachment").toBeDefined();
    const content = ics?.content.toString("utf8") ?? "";
    expect(content).toContain("BEGIN:VEVENT");
    expect(content).toMatch(/DTSTART[^:\n]*:(20270115T233000Z|20270115T183000)/);
    expect(content).toContain("METHOD:REQUEST");
  });
});
