// Conveners' and speakers' email addresses are for the event's managers only (conferences present.ts, toPerson;
// indico.md §5.4). This uses the session protection API being added for issue 7 (the shield: session managers).
import { expect, it } from "vitest";
import type { ConferenceSession, SessionBlock } from "../../src/shared/schemas/timetable";
import { buildBlock, buildEvent, buildSession, ok } from "../conferences";
import { describeEngines } from "../engines";
import { signedInAgent, useTestServer } from "../harness";

const PRIVATE = "carol.private@example.test";

describeEngines("security: conference people's emails", (engine) => {
  const server = useTestServer(engine);

  it("does not show a convener's email to a session manager in a block edit's answer when the page hides it", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const event = await buildEvent(admin, { timetablePublished: true });
    const session = await buildSession(admin, event.id);
    const block = await buildBlock(admin, event.id, session.id, {
      conveners: [{ name: "Carol Convener", affiliation: "", email: PRIVATE }],
    });
    const manager = await signedInAgent(server());
    ok(
      await admin.put(`/api/v1/events/${event.id}/sessions/${session.id}/protection`, {
        visibility: "inheriting",
        managers: [manager.email],
        coordinators: [],
        accessList: [],
      }),
    );

    // The session page the manager reads hides the address: it is for the event's managers.
    const page = ok(await manager.agent.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`));
    expect(page.abilities.manageBlocks).toBe(true);
    expect(JSON.stringify(page)).not.toContain(PRIVATE);

    // Editing the block (which the manager may do) must not reveal it either.
    const edited = await manager.agent.patch<SessionBlock>(`/api/v1/events/${event.id}/blocks/${block.id}`, {
      title: "Morning",
    });
    expect(edited.status).toBe(200);
    expect(edited.body.conveners.map((c) => c.name)).toEqual(["Carol Convener"]);
    expect(JSON.stringify(edited.body)).not.toContain(PRIVATE);
  });
});
