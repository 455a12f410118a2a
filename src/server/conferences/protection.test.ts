// Protection of conference sessions on both engines (conferences.md, Protection; indico.md §2.5, §2.6, §4): the
// shield, the event's Session coordinator rights, the boundary guard, protected sessions disappearing, unpublished
// events for coordinators, and My sessions.
import { expect, it } from "vitest";
import {
  at,
  buildBlock,
  buildContribution,
  buildEvent,
  buildSession,
  eventAudit,
  ok,
  utc,
} from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, type TestServer, useTestServer } from "../../../tests/harness";
import type { Contribution } from "../../shared/schemas/conference-contributions";
import type { EventList } from "../../shared/schemas/conference-events";
import type {
  EventProtection,
  MySessionList,
  PeopleFound,
  SessionProtection,
} from "../../shared/schemas/conference-sessions";
import type {
  Break,
  ConferenceSession,
  EventTimetable,
  SessionTimetable,
  TimetableBlock,
} from "../../shared/schemas/timetable";
import { updateUser } from "../accounts/queries";

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

const blocksOf = (t: EventTimetable) =>
  t.days.flatMap((d) => d.entries).filter((e): e is TimetableBlock => e.kind === "block");

describeEngines("conference protection", (engine) => {
  const server = useTestServer(engine);

  async function people(s: TestServer) {
    const admin = (await signedInAgent(s, { admin: true })).agent;
    return {
      admin,
      manager: await signedInAgent(s),
      coordinator: await signedInAgent(s),
      member: await signedInAgent(s),
      reader: await signedInAgent(s),
    };
  }

  const shield = (
    agent: Agent,
    eventId: string,
    sessionId: string,
    body: { visibility: string; managers?: string[]; coordinators?: string[]; accessList?: string[] },
  ) => agent.put<SessionProtection & ErrorBody>(`/api/v1/events/${eventId}/sessions/${sessionId}/protection`, body);

  it("the shield sets managers, coordinators, visibility and access list; unknown emails are refused by name", async () => {
    const s = server();
    const { admin, manager, coordinator, reader } = await people(s);
    const event = await buildEvent(admin);
    const session = await buildSession(admin, event.id);
    const initial = ok(
      await admin.get<SessionProtection>(`/api/v1/events/${event.id}/sessions/${session.id}/protection`),
    );
    expect(initial).toMatchObject({ visibility: "inheriting", managers: [], coordinators: [], accessList: [] });

    const refused = await shield(admin, event.id, session.id, {
      visibility: "protected",
      managers: [manager.email, "ghost@example.test"],
      coordinators: ["NOBODY@example.test"],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("unknown_user");
    expect(refused.body.error.message).toContain("ghost@example.test");
    expect(refused.body.error.message).toContain("nobody@example.test");
    expect(refused.body.error.fields).toMatchObject({ managers: expect.any(String), coordinators: expect.any(String) });

    const set = ok(
      await shield(admin, event.id, session.id, {
        visibility: "protected",
        managers: [manager.email.toUpperCase()],
        coordinators: [coordinator.email, coordinator.email],
        accessList: [reader.email],
      }),
    );
    expect(set.visibility).toBe("protected");
    expect(set.managers.map((p) => p.userId)).toEqual([manager.id]);
    expect(set.coordinators.map((p) => p.userId)).toEqual([coordinator.id]);
    expect(set.accessList.map((p) => p.email)).toEqual([reader.email]);

    // A full session manager edits the shield too; a coordinator may not (403), nor see it anonymously.
    ok(await shield(manager.agent, event.id, session.id, { ...sameAs(set), visibility: "public" }));
    expect((await shield(coordinator.agent, event.id, session.id, sameAs(set))).status).toBe(403);
    const audit = (await eventAudit(admin, event.id)).filter(
      (a) => a.action === "conference_session.protection_updated",
    );
    expect(audit).toHaveLength(2);
    expect(audit[0]?.changes).toMatchObject({
      visibility: { from: "inheriting", to: "protected" },
      added: { manage: [manager.email], coordinate: [coordinator.email], access: [reader.email] },
    });
    expect(audit[1]?.changes).toEqual({ sessionId: session.id, visibility: { from: "protected", to: "public" } });
  });

  function sameAs(p: SessionProtection) {
    return {
      visibility: p.visibility,
      managers: p.managers.map((x) => x.email),
      coordinators: p.coordinators.map((x) => x.email),
      accessList: p.accessList.map((x) => x.email),
    };
  }

  it("the event's Protection page: managers replaced by email, coordinator rights off by default and audited", async () => {
    const s = server();
    const { admin, manager, member } = await people(s);
    const event = await buildEvent(admin);
    const e = `/api/v1/events/${event.id}`;
    expect(ok(await admin.get<EventProtection>(`${e}/protection`)).coordinatorRights).toEqual({
      contributions: false,
      blocks: false,
    });
    const set = ok(
      await admin.patch<EventProtection>(`${e}/protection`, {
        managers: [manager.email, member.email],
        coordinatorRights: { blocks: true },
      }),
    );
    expect(set.managers.map((m) => m.userId).sort()).toEqual([manager.id, member.id].sort());
    expect(set.coordinatorRights).toEqual({ contributions: false, blocks: true });
    const fewer = ok(
      await manager.agent.patch<EventProtection>(`${e}/protection`, {
        managers: [manager.email],
        coordinatorRights: { contributions: true },
      }),
    );
    expect(fewer.managers.map((m) => m.userId)).toEqual([manager.id]);
    expect(fewer.coordinatorRights).toEqual({ contributions: true, blocks: true });
    const unknown = await admin.patch<ErrorBody>(`${e}/protection`, { managers: ["ghost@example.test"] });
    expect(unknown.status).toBe(409);
    expect(unknown.body.error.code).toBe("unknown_user");
    const actions = (await eventAudit(admin, event.id)).map((a) => a.action);
    expect(actions.filter((a) => a === "event.coordinator_rights_updated")).toHaveLength(2);
    expect(actions).toContain("event.manager_removed");
  });

  it("boundary guard: a coordinator without Session blocks cannot grow a block, with the reason; with it the block grows", async () => {
    const s = server();
    const { admin, coordinator } = await people(s);
    const event = await buildEvent(admin);
    const e = `/api/v1/events/${event.id}`;
    const session = await buildSession(admin, event.id);
    ok(await shield(admin, event.id, session.id, { visibility: "inheriting", coordinators: [coordinator.email] }));
    const block = await buildBlock(admin, event.id, session.id, {
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 60,
    });
    await buildContribution(admin, event.id, { blockId: block.id, durationMinutes: 40 });
    const waiting = await buildContribution(admin, event.id, { sessionId: session.id, durationMinutes: 40 });
    const c = coordinator.agent;

    const abilities = async () => ok(await c.get<SessionTimetable>(`${e}/sessions/${session.id}/timetable`)).abilities;
    expect(await abilities()).toEqual({
      manage: false,
      manageBlocks: false,
      schedule: true,
      manageContributions: false,
    });
    // What coordinators may do by default: a break, the time dialog inside the block.
    const brk = ok(await c.post<Break>(`${e}/breaks`, { blockId: block.id, durationMinutes: 10 }), 201);
    expect(brk.startAt).toBe(utc("2026-03-27 10:40"));
    // …but not add a block or edit a contribution.
    expect((await c.post(`${e}/sessions/${session.id}/blocks`, { startAt: at("2026-03-28 10:00") })).status).toBe(403);
    expect((await c.patch(`${e}/contributions/${waiting.id}`, { title: "Mine" })).status).toBe(403);
    expect((await c.post(`${e}/contributions`, { title: "New", sessionId: session.id })).status).toBe(403);

    // 10:50 + 40 min would end at 11:30, past the block's 11:00.
    const refused = await c.post<ErrorBody>(`${e}/contributions/${waiting.id}/schedule`, { blockId: block.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("block_growth_not_allowed");
    expect(refused.body.error.message).toContain(
      "end at 2026-03-27 11:30 instead of 2026-03-27 11:00 (Europe/Berlin), but you may not manage this session's blocks",
    );
    const unchanged = ok(await admin.get<Contribution>(`${e}/contributions/${waiting.id}`));
    expect(unchanged.isScheduled).toBe(false);
    // The time dialog (a shorter length) fits without growing the block.
    const shorter = ok(
      await c.post<Contribution>(`${e}/contributions/${waiting.id}/schedule`, {
        blockId: block.id,
        durationMinutes: 10,
      }),
    );
    expect(shorter.endAt).toBe(utc("2026-03-27 11:00"));
    ok(await c.post(`${e}/contributions/${waiting.id}/unschedule`));

    ok(await admin.patch(`${e}/protection`, { coordinatorRights: { blocks: true } }));
    expect((await abilities()).manageBlocks).toBe(true);
    const grown = ok(
      await c.post<Contribution>(`${e}/contributions/${waiting.id}/schedule`, {
        blockId: block.id,
        durationMinutes: 40,
      }),
    );
    expect(grown.endAt).toBe(utc("2026-03-27 11:30"));
    expect(grown.notices[0]).toContain("now ends at 2026-03-27 11:30");
    const after = ok(await admin.get<ConferenceSession>(`${e}/sessions/${session.id}`));
    expect(after.blocks[0]?.durationMinutes).toBe(90);
    // With the right, the same coordinator adds a block.
    ok(await c.post(`${e}/sessions/${session.id}/blocks`, { startAt: at("2026-03-28 10:00") }), 201);
  });

  it("a protected session disappears (404, timetable, exports) for everyone not listed; inheriting follows the event", async () => {
    const s = server();
    const { admin, coordinator, member, reader } = await people(s);
    const event = await buildEvent(admin, { timetablePublished: true });
    const e = `/api/v1/events/${event.id}`;
    const open = await buildSession(admin, event.id, { title: "Open" });
    const closed = await buildSession(admin, event.id, { title: "Closed" });
    ok(
      await shield(admin, event.id, closed.id, {
        visibility: "protected",
        coordinators: [coordinator.email],
        accessList: [reader.email],
      }),
    );
    await buildBlock(admin, event.id, open.id, { startAt: at("2026-03-27 10:00") });
    const hidden = await buildBlock(admin, event.id, closed.id, { startAt: at("2026-03-27 10:00") });
    const secret = await buildContribution(admin, event.id, { blockId: hidden.id, title: "Secret talk" });
    const anonymous = s.agent();

    for (const [who, agent, sees] of [
      ["member", member.agent, false],
      ["anonymous", anonymous, false],
      ["reader", reader.agent, true],
      ["coordinator", coordinator.agent, true],
      ["admin", admin, true],
    ] as const) {
      const timetable = ok(await agent.get<EventTimetable>(`${e}/timetable`));
      expect(
        blocksOf(timetable)
          .map((b) => b.sessionTitle)
          .sort(),
        who,
      ).toEqual(sees ? ["Closed", "Open"] : ["Open"]);
      expect((await agent.get(`${e}/sessions/${closed.id}`)).status, who).toBe(sees ? 200 : 404);
      expect((await agent.get(`${e}/contributions/${secret.id}`)).status, who).toBe(sees ? 200 : 404);
      const ics = (await agent.get<string>(`${e}/calendar.ics`)).body;
      expect(ics.includes(hidden.id), who).toBe(sees);
      const frab = JSON.stringify((await agent.get(`${e}/schedule.json`)).body);
      expect(frab.includes("Secret talk") || frab.includes("Closed"), who).toBe(sees);
    }
    // No room double-booking reveals a hidden block either.
    expect(ok(await member.agent.get<EventTimetable>(`${e}/timetable`)).roomConflicts).toEqual([]);
    // Inheriting follows the event: unpublished, the open session is gone for members too.
    ok(await admin.patch(e, { timetablePublished: false }));
    expect((await member.agent.get(`${e}/sessions/${open.id}`)).status).toBe(404);
  });

  it("before publication, coordinators reach the event, My sessions and their own blocks only", async () => {
    const s = server();
    const { admin, coordinator, member } = await people(s);
    const event = await buildEvent(admin);
    const e = `/api/v1/events/${event.id}`;
    const mine = await buildSession(admin, event.id, { title: "Mine" });
    const other = await buildSession(admin, event.id, { title: "Other" });
    ok(await shield(admin, event.id, mine.id, { visibility: "inheriting", coordinators: [coordinator.email] }));
    await buildBlock(admin, event.id, mine.id, { startAt: at("2026-03-27 10:00") });
    await buildBlock(admin, event.id, other.id, { startAt: at("2026-03-27 10:00") });
    const top = await buildContribution(admin, event.id, { title: "Top level" });
    ok(await admin.post(`${e}/contributions/${top.id}/schedule`, { startAt: at("2026-03-27 14:00") }));

    const c = coordinator.agent;
    expect(ok(await c.get<{ id: string }>(e)).id).toBe(event.id);
    const list = ok(await c.get<EventList>("/api/v1/events"));
    expect(list.events.map((x) => x.id)).toContain(event.id);
    const timetable = ok(await c.get<EventTimetable>(`${e}/timetable`));
    expect(
      timetable.days.flatMap((d) => d.entries).map((x) => (x.kind === "block" ? x.sessionTitle : x.title)),
    ).toEqual(["Mine"]);
    expect((await c.get(`${e}/sessions/${mine.id}/timetable`)).status).toBe(200);
    expect((await c.get(`${e}/sessions/${other.id}`)).status).toBe(404);
    expect((await c.get(`${e}/contributions/${top.id}`)).status).toBe(404);
    expect((await c.post(`${e}/contributions/${top.id}/unschedule`)).status).toBe(404);
    expect(ok(await c.get<MySessionList>(`${e}/my-sessions`)).sessions.map((x) => x.title)).toEqual(["Mine"]);
    expect((await member.agent.get(e)).status).toBe(404);
    expect((await member.agent.get(`${e}/my-sessions`)).status).toBe(404);
  });

  it("My sessions lists exactly the sessions explicitly given to the user, by title, with their timetable links", async () => {
    const s = server();
    const { admin, manager, coordinator, reader } = await people(s);
    const first = await buildEvent(admin, { timetablePublished: true, title: "First" });
    const second = await buildEvent(admin, { timetablePublished: true, title: "Second" });
    ok(await admin.patch(`/api/v1/events/${first.id}/protection`, { managers: [coordinator.email] }));
    const beta = await buildSession(admin, first.id, { title: "beta" });
    const alpha = await buildSession(admin, first.id, { title: "Alpha" });
    const gamma = await buildSession(admin, first.id, { title: "Gamma" });
    const convened = await buildSession(admin, first.id, { title: "Convened" });
    const elsewhere = await buildSession(admin, second.id, { title: "Aardvark" });
    ok(await shield(admin, first.id, beta.id, { visibility: "inheriting", coordinators: [coordinator.email] }));
    ok(
      await shield(admin, first.id, alpha.id, {
        visibility: "protected",
        managers: [coordinator.email],
        coordinators: [coordinator.email],
      }),
    );
    // Access to a protected session is not management; being a convener gives nothing; nor does another's role.
    ok(await shield(admin, first.id, gamma.id, { visibility: "protected", accessList: [coordinator.email] }));
    ok(await shield(admin, first.id, gamma.id, { visibility: "protected", managers: [manager.email] }));
    await buildBlock(admin, first.id, convened.id, { conveners: [{ name: "C", email: coordinator.email }] });
    ok(await shield(admin, second.id, elsewhere.id, { visibility: "inheriting", coordinators: [coordinator.email] }));

    const mine = ok(await coordinator.agent.get<MySessionList>(`/api/v1/events/${first.id}/my-sessions`)).sessions;
    expect(mine.map((x) => [x.title, x.role])).toEqual([
      ["Alpha", "manager"],
      ["beta", "coordinator"],
    ]);
    expect(mine[0]).toMatchObject({
      id: alpha.id,
      eventId: first.id,
      eventTitle: "First",
      timetablePath: `/events/${first.id}/sessions/${alpha.id}/timetable`,
      sessionPath: `/events/${first.id}/sessions/${alpha.id}`,
    });
    const everywhere = ok(await coordinator.agent.get<MySessionList>("/api/v1/me/conference-sessions")).sessions;
    expect(everywhere.map((x) => x.title)).toEqual(["Aardvark", "Alpha", "beta"]);
    expect(ok(await reader.agent.get<MySessionList>("/api/v1/me/conference-sessions")).sessions).toEqual([]);
    expect(ok(await admin.get<MySessionList>(`/api/v1/events/${first.id}/my-sessions`)).sessions).toEqual([]);
    expect((await s.agent().get("/api/v1/me/conference-sessions")).status).toBe(401);
  });

  it("finds people by part of a name or the start of an email for those who may change a list, names and emails only (issue 13)", async () => {
    const s = server();
    const { admin, manager, coordinator, member } = await people(s);
    const tag = Date.now().toString(36);
    const ada = await signedInAgent(s, { name: `Ada Lovelace${tag}`, email: `ada.${tag}@example.test` });
    await signedInAgent(s, { name: `Adam Gone${tag}`, email: `adam.${tag}@example.test` }).then((gone) =>
      updateUser(s.deps.db, gone.id, { deactivated_at: new Date().toISOString() }),
    );
    const event = await buildEvent(admin, { timetablePublished: true });
    const session = await buildSession(admin, event.id);
    const e = `/api/v1/events/${event.id}`;
    ok(await admin.patch(`${e}/protection`, { managers: [manager.email] }));
    ok(await shield(admin, event.id, session.id, { visibility: "inheriting", coordinators: [coordinator.email] }));

    // By part of the name, any case; the deactivated account never shows; only name and email come back.
    const byName = ok(await manager.agent.get<PeopleFound>(`${e}/people?q=${encodeURIComponent(`LOVELACE${tag}`)}`));
    expect(byName.people).toEqual([{ name: `Ada Lovelace${tag}`, email: ada.email }]);
    const both = ok(await manager.agent.get<PeopleFound>(`${e}/people?q=${tag}`));
    expect(both.people.map((p) => p.email)).toEqual([ada.email]);
    // By the start of the email; a domain alone lists nobody.
    const byEmail = ok(await admin.get<PeopleFound>(`${e}/people?q=ADA.${tag}@`));
    expect(byEmail.people.map((p) => p.email)).toEqual([ada.email]);
    expect(ok(await admin.get<PeopleFound>(`${e}/people?q=example.test`)).people).toEqual([]);
    // At most 10, whatever matches.
    expect(ok(await admin.get<PeopleFound>(`${e}/people?q=member`)).people.length).toBeLessThanOrEqual(10);
    // Too short or too long: 400 naming q.
    const short = await admin.get<ErrorBody>(`${e}/people?q=a`);
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toHaveProperty("q");
    expect((await admin.get(`${e}/people?q=${"x".repeat(101)}`)).status).toBe(400);

    // The shield's search: its full managers (here the event's), not its coordinators or other members.
    const shieldSearch = `${e}/sessions/${session.id}/people?q=${tag}`;
    expect(ok(await manager.agent.get<PeopleFound>(shieldSearch)).people.map((p) => p.email)).toEqual([ada.email]);
    expect((await coordinator.agent.get(shieldSearch)).status).toBe(403);
    expect((await member.agent.get(shieldSearch)).status).toBe(403);
    expect((await member.agent.get(`${e}/people?q=${tag}`)).status).toBe(403);
    expect((await s.agent().get(`${e}/people?q=${tag}`)).status).toBe(401);

    // 120 searches per account in 10 minutes, then 429 with Retry-After (refusals are not counted).
    let last = 0;
    let retryAfter: unknown;
    for (let i = 0; i < 125 && last !== 429; i++) {
      const res = await manager.agent.get(`${e}/people?q=zz${i}`);
      last = res.status;
      retryAfter = res.headers["retry-after"];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });

  it("being made a session manager, a coordinator or an event manager emails the person links to the session or event and its timetable; nobody else is told (issue 13)", async () => {
    const s = server();
    const { admin, manager, coordinator, member, reader } = await people(s);
    const event = await buildEvent(admin, { title: `Glaciology ${Date.now().toString(36)}` });
    const session = await buildSession(admin, event.id, { title: "Ice cores" });
    const e = `/api/v1/events/${event.id}`;
    ok(await admin.patch(`${e}/protection`, { coordinatorRights: { blocks: true } }));
    ok(
      await shield(admin, event.id, session.id, {
        visibility: "protected",
        managers: [manager.email],
        coordinators: [coordinator.email, manager.email],
        accessList: [reader.email],
      }),
    );
    ok(await admin.patch(`${e}/protection`, { managers: [member.email] }));
    await s.deliver();
    const sessionUrl = `http://convene.test/events/${event.id}/sessions/${session.id}`;

    const [toManager, ...moreToManager] = s.smtp.to(manager.email);
    expect(moreToManager).toEqual([]);
    expect(toManager?.subject).toBe("You now manage the session “Ice cores”");
    expect(toManager?.text).toContain(`full management rights on the session “Ice cores” of ${event.title}`);
    expect(toManager?.text).toContain(`Open the session: ${sessionUrl}\n`);
    expect(toManager?.text).toContain(`Open its timetable: ${sessionUrl}/timetable`);
    expect(toManager?.html).toContain(`href="${sessionUrl}/timetable"`);

    const [toCoordinator, ...moreToCoordinator] = s.smtp.to(coordinator.email);
    expect(moreToCoordinator).toEqual([]);
    expect(toCoordinator?.subject).toBe("You now coordinate the session “Ice cores”");
    // What a coordinator may do here, with the event's Session blocks right and without Contributions.
    expect(toCoordinator?.text).toContain("add, move, resize and delete its blocks");
    expect(toCoordinator?.text).not.toContain("edit its contributions");
    expect(toCoordinator?.text).toContain(`Open its timetable: ${sessionUrl}/timetable`);

    const [toEventManager] = s.smtp.to(member.email);
    expect(toEventManager?.subject).toBe(`You now manage the event “${event.title}”`);
    expect(toEventManager?.text).toContain(`Open the event: http://convene.test/events/${event.id}\n`);
    expect(toEventManager?.text).toContain(
      `Open its timetable: http://convene.test/events/${event.id}/manage/timetable`,
    );

    // The access list is not a role; saving the same shield again tells nobody; nor is one told of what one did.
    expect(s.smtp.to(reader.email)).toEqual([]);
    ok(
      await shield(manager.agent, event.id, session.id, {
        visibility: "protected",
        managers: [manager.email],
        coordinators: [coordinator.email, manager.email],
        accessList: [reader.email],
      }),
    );
    ok(
      await shield(member.agent, event.id, session.id, {
        visibility: "protected",
        managers: [manager.email],
        coordinators: [coordinator.email, member.email],
      }),
    );
    const other = await signedInAgent(s);
    expect((await member.agent.post(`${e}/managers`, { email: other.email })).status).toBe(201);
    await s.deliver();
    expect(s.smtp.to(manager.email)).toHaveLength(1);
    expect(s.smtp.to(coordinator.email)).toHaveLength(1);
    expect(s.smtp.to(member.email)).toHaveLength(1);
    expect(s.smtp.to(other.email).map((m) => m.subject)).toEqual([`You now manage the event “${event.title}”`]);
  });
});
