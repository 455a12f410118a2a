import { expect, it } from "vitest";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import { recordAudit } from "./record";

describeEngines("audit log", (engine) => {
  const server = useTestServer(engine);

  it("pages through entries written at the same instant without skipping or repeating any", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const at = "2026-01-01T00:00:00.000Z";
    await server()
      .deps.db.transaction()
      .execute(async (tx) => {
        for (let i = 0; i < 5; i++) {
          await recordAudit(tx, {
            actorId: null,
            action: "settings.updated",
            objectType: "test",
            objectId: `o${i}`,
            at,
          });
        }
      });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `/api/v1/admin/audit?objectType=test&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const page = await admin.agent.get<{ items: { objectId: string }[]; nextCursor: string | null }>(query);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.objectId));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(["o0", "o1", "o2", "o3", "o4"]);
  });

  it("is for admins only", async () => {
    const member = await signedInAgent(server());
    expect((await member.agent.get("/api/v1/admin/audit")).status).toBe(403);
  });
});
