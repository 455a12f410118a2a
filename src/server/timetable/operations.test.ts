// The §2.5 boundary guard as the operations wire it: a block grows only when the actor may manage the session's
// blocks. In issue 6 everyone who reaches these operations manages the event; issue 7 loads coordinator facts,
// which this test sets by hand to show the refusal reaches the caller with its reason and changes nothing.
import { expect, it } from "vitest";
import { at, buildBlock, buildContribution, buildEvent, buildSession, ok } from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { Contribution } from "../../shared/schemas/conferences";
import { withEvent } from "../conferences/access";
import { findContribution } from "../conferences/queries";
import type { Actor } from "../permissions/actor";
import type { AppError } from "../platform/errors";
import { placeContribution } from "./operations";

describeEngines("timetable operations: block growth guard", (engine) => {
  const server = useTestServer(engine);

  it("a coordinator without the Session blocks right cannot make a block grow; the reason names the new end", async () => {
    const s = server();
    const admin = (await signedInAgent(s, { admin: true })).agent;
    const coordinator = await signedInAgent(s, { name: "Coordinator" });
    const event = await buildEvent(admin, { timetablePublished: true });
    const session = await buildSession(admin, event.id, { defaultContributionMinutes: 40 });
    const block = await buildBlock(admin, event.id, session.id, {
      startAt: at("2026-03-27 10:00"),
      durationMinutes: 60,
    });
    await buildContribution(admin, event.id, { blockId: block.id });
    const waiting = await buildContribution(admin, event.id, { sessionId: session.id });
    const actor: Actor = {
      id: coordinator.id,
      email: coordinator.email,
      name: "Coordinator",
      isAdmin: false,
      isStaff: false,
      isPremium: false,
    };

    const attempt = (blocks: boolean) =>
      withEvent(s.deps, actor, event.id, async (w) => {
        w.sessionFacts.set(session.id, {
          kind: "conferenceSession",
          isTimetablePublished: true,
          isEventManager: false,
          sessionRole: "coordinator",
          coordinatorRights: { contributions: false, blocks },
          visibility: "inheriting",
          hasAccess: true,
        });
        const row = await findContribution(w.tx, waiting.id);
        if (!row) throw new Error("missing");
        return placeContribution(w, row, { blockId: block.id });
      });

    const refused = (await attempt(false).catch((e: unknown) => e)) as AppError;
    expect(refused.status).toBe(409);
    expect(refused.code).toBe("block_growth_not_allowed");
    expect(refused.message).toContain("end at 2026-03-27 11:20 instead of 2026-03-27 11:00 (Europe/Berlin)");
    const still = ok(await admin.get<Contribution>(`/api/v1/events/${event.id}/contributions/${waiting.id}`));
    expect(still.isScheduled).toBe(false);

    const grown = await attempt(true);
    expect(grown.row.start_at).toBe(new Date(at("2026-03-27 10:40")).toISOString());
    expect(grown.notices[0]).toContain("now ends at 2026-03-27 11:20");
  });
});
