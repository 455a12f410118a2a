import { expect, it } from "vitest";
import { buildOpenSession } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { signedInAgent, useTestServer } from "../../../tests/harness";
import type { CommunitySession, SessionCardList } from "../../shared/schemas/community-sessions";

describeEngines("premium roles shown to members", (engine) => {
  const server = useTestServer(engine);

  it("cards and the session page name the roles reserved for premium members, following the settings", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const member = await signedInAgent(server());
    const s = await buildOpenSession(admin.agent, { title: "Premium check", hasInterviewer: false });
    const card = async () =>
      (await member.agent.get<SessionCardList>("/api/v1/community/sessions?limit=200")).body.sessions.find(
        (c) => c.id === s.id,
      );

    expect((await card())?.premiumRoles).toEqual([]);
    await admin.agent.patch("/api/v1/admin/settings", {
      features: { requirePremiumForPresenting: true, premiumLabel: "Office Hours" },
    });
    // The interviewer is switched off in this session, so only Presenter is listed.
    expect((await card())?.premiumRoles).toEqual(["presenter"]);
    await admin.agent.patch("/api/v1/admin/settings", { features: { requirePremiumForHosting: true } });
    const page = (await member.agent.get<CommunitySession>(`/api/v1/community/sessions/${s.id}`)).body;
    expect(page.premiumRoles).toEqual(["host", "presenter"]);
    expect(page.registrableRoles).toEqual(["guest"]);
    await admin.agent.patch("/api/v1/admin/settings", {
      features: { requirePremiumForHosting: false, requirePremiumForPresenting: false },
    });
  });
});
