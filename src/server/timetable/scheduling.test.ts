// The §2.5 boundary guard as the operations wire it: a block grows only when the actor may manage the session's
// blocks. A real coordinator, named on the session's protection through the API, schedules into a full block:
// without the event's "Session blocks" right the refusal reaches them with its reason and changes nothing; with it,
// the block grows and says so.
import { expect, it } from "vitest";
import { at, buildBlock, buildContribution, buildEvent, buildSession, ok } from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { Contribution } from "../../shared/schemas/conference-contributions";

describeEngines("scheduling: block growth guard", (engine) => {
  const server = useTestServer(engine);

  it("a coordinator without the Session blocks right cannot make a block grow; the reason names the new end", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const coordinator = await signedInAgent(s, { name: "Coordinator" });
    const event = await buildEvent(admin, { timetablePublished: true });
    const e = `/api/v1/events/${event.id}`;
    const session = await buildSession(admin, event.id, { defaultContributionMinutes: 40 });
    ok(
      await admin.put(`${e}/sessions/${session.id}/protection`, {
        visibility: "inheriting",
        coordinators: [coordinator.email],
      }),
    );
    const block = await buildBlock(admin, event.id, session.id, {
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 60,
    });
    await buildContribution(admin, event.id, { blockId: block.id });
    const waiting = await buildContribution(admin, event.id, { sessionId: session.id });
    const schedule = () =>
      coordinator.agent.post<Contribution & ErrorBody>(`${e}/contributions/${waiting.id}/schedule`, {
        blockId: block.id,
      });

    const refused = await schedule();
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("block_growth_not_allowed");
    expect(refused.body.error.message).toContain("end at 2026-03-27 11:20 instead of 2026-03-27 11:00 (Europe/Berlin)");
    const still = ok(await admin.get<Contribution>(`${e}/contributions/${waiting.id}`));
    expect(still.isScheduled).toBe(false);

    ok(await admin.patch(`${e}/protection`, { coordinatorRights: { blocks: true } }));
    const grown = ok(await schedule());
    expect(grown.startAt).toBe(new Date(at("2026-03-27 10:40")).toISOString());
    expect(grown.notices[0]).toContain("now ends at 2026-03-27 11:20");
  });
});
