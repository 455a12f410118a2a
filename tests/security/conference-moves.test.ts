// Moving a contribution or break to another parent (issue #11, item 3): the body names the target, so the right is
// checked at both ends. A manager of session A alone could move A's contribution to the event's top level with
// `{ "sessionId": null }`; now that needs the event's managers, and another session needs the right there too.
import { expect, it } from "vitest";
import type { ErrorBody } from "../../src/shared/schemas/common";
import type { Contribution } from "../../src/shared/schemas/conference-contributions";
import type { Break } from "../../src/shared/schemas/timetable";
import { at, buildBlock, buildContribution, buildEvent, buildSession, ok } from "../conferences";
import { describeEngines } from "../engines";
import { type Agent, signedInAgent, useTestServer } from "../harness";

describeEngines("security: moves between sessions and the top level", (engine) => {
  const server = useTestServer(engine);

  /** A published event with sessions A and B, a block in each, a contribution and a break in A's block. */
  async function setUp() {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const event = await buildEvent(admin, { timetablePublished: true });
    const e = `/api/v1/events/${event.id}`;
    const a = await buildSession(admin, event.id);
    const b = await buildSession(admin, event.id);
    const blockA = await buildBlock(admin, event.id, a.id, { startAt: at("2026-03-27 10:00"), durationMinutes: 120 });
    const blockB = await buildBlock(admin, event.id, b.id, { startAt: at("2026-03-27 14:00"), durationMinutes: 60 });
    const talk = await buildContribution(admin, event.id, { blockId: blockA.id });
    const brk = ok(await admin.post<Break>(`${e}/breaks`, { blockId: blockA.id }), 201);
    /** A person holding `role` on the sessions given (and nothing on the event). */
    const holder = async (role: "managers" | "coordinators", sessions: string[]): Promise<Agent> => {
      const p = await signedInAgent(server());
      for (const id of sessions)
        ok(await admin.put(`${e}/sessions/${id}/protection`, { visibility: "inheriting", [role]: [p.email] }));
      return p.agent;
    };
    const state = async () => ({
      talk: ok(await admin.get<Contribution>(`${e}/contributions/${talk.id}`)),
      timetable: ok(await admin.get(`${e}/timetable`)),
    });
    return { admin, e, a, b, blockA, blockB, talk, brk, holder, state };
  }

  it("refuses a manager of session A alone moving A's entries to the top level or into B, changing nothing", async () => {
    const { e, b, blockB, talk, brk, holder, state } = await setUp();
    const managerOfA = await holder("managers", [talk.sessionId as string]);
    const before = await state();
    const attempts: [string, () => ReturnType<Agent["get"]>][] = [
      ["contribution to the top level", () => managerOfA.patch(`${e}/contributions/${talk.id}`, { sessionId: null })],
      ["contribution into B", () => managerOfA.patch(`${e}/contributions/${talk.id}`, { sessionId: b.id })],
      [
        "contribution scheduled at the top level",
        () => managerOfA.post(`${e}/contributions/${talk.id}/schedule`, { startAt: at("2026-03-27 12:30") }),
      ],
      [
        "contribution scheduled in B's block",
        () => managerOfA.post(`${e}/contributions/${talk.id}/schedule`, { blockId: blockB.id }),
      ],
      ["break to the top level", () => managerOfA.patch(`${e}/breaks/${brk.id}`, { blockId: null })],
      ["break into B's block", () => managerOfA.patch(`${e}/breaks/${brk.id}`, { blockId: blockB.id })],
    ];
    for (const [label, attempt] of attempts) {
      const res = await attempt();
      expect.soft(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(403);
    }
    expect(await state()).toEqual(before);
  });

  it("lets a move through when the right holds at both ends", async () => {
    const { e, a, b, blockB, talk, brk, holder } = await setUp();
    const managerOfBoth = await holder("managers", [a.id, b.id]);
    const moved = ok(await managerOfBoth.patch<Contribution>(`${e}/contributions/${talk.id}`, { sessionId: b.id }));
    expect([moved.sessionId, moved.blockId]).toEqual([b.id, null]);
    ok(await managerOfBoth.post(`${e}/contributions/${talk.id}/schedule`, { blockId: blockB.id }));

    const coordinatorOfBoth = await holder("coordinators", [a.id, b.id]);
    const topLevel = await coordinatorOfBoth.patch<ErrorBody>(`${e}/breaks/${brk.id}`, { blockId: null });
    expect(topLevel.status, JSON.stringify(topLevel.body)).toBe(403);
    const intoB = ok(await coordinatorOfBoth.patch<Break>(`${e}/breaks/${brk.id}`, { blockId: blockB.id }));
    expect(intoB.blockId).toBe(blockB.id);
    const back = await coordinatorOfBoth.patch<ErrorBody>(`${e}/breaks/${brk.id}`, { blockId: null });
    expect(back.status).toBe(403);
  });
});
