import { expect, it } from "vitest";
import { buildOpenSession } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, uniqueEmail, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { CommunitySession } from "../../shared/schemas/community-sessions";

describeEngines("adding people who have no account", (engine) => {
  const server = useTestServer(engine);

  it("only admins may invite an unknown email; a member managing their own session may add existing members", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    await admin.agent.patch("/api/v1/admin/settings", { features: { allowUserSessionCreation: true } });
    const creator = await signedInAgent(server(), { name: "Creator" });
    const known = await signedInAgent(server(), { name: "Known Member" });
    const own = await creator.agent.post<CommunitySession>("/api/v1/community/sessions", { title: "My own session" });
    expect(own.status).toBe(201);

    const stranger = uniqueEmail("stranger");
    const refused = await creator.agent.post<ErrorBody>(`/api/v1/community/sessions/${own.body.id}/participants`, {
      email: stranger,
      role: "guest",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields?.email).toMatch(/only admins/);
    expect(await server().deps.db.selectFrom("users").select("id").where("email", "=", stranger).execute()).toEqual([]);

    const added = await creator.agent.post(`/api/v1/community/sessions/${own.body.id}/participants`, {
      email: known.email,
      role: "guest",
    });
    expect(added.status).toBe(201);

    const adminSession = await buildOpenSession(admin.agent);
    expect(
      (
        await admin.agent.post(`/api/v1/community/sessions/${adminSession.id}/participants`, {
          email: stranger,
          role: "guest",
        })
      ).status,
    ).toBe(201);
    await admin.agent.patch("/api/v1/admin/settings", { features: { allowUserSessionCreation: false } });
  });
});
