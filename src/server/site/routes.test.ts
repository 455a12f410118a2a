import { expect, it } from "vitest";
import { describeEngines } from "../../../tests/engines";
import { Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { Settings } from "../../shared/schemas/community-sessions";

describeEngines("Admin > Settings", (engine) => {
  const server = useTestServer(engine);

  it("saves Site Information and Feature Flags, reads them back, and shows the public part to everyone", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const saved = await admin.agent.patch<Settings>("/api/v1/admin/settings", {
      site: { siteName: "Lantern Talks", contactEmail: "Hello@Lantern.example.org", physicalAddress: "1 Main St" },
      features: { allowUserSessionCreation: true, premiumLabel: "Office Hours" },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.site).toMatchObject({ siteName: "Lantern Talks", contactEmail: "hello@lantern.example.org" });
    const read = await admin.agent.get<Settings>("/api/v1/admin/settings");
    expect(read.status).toBe(200);
    expect(read.body.features).toMatchObject({ allowUserSessionCreation: true, premiumLabel: "Office Hours" });
    const site = await new Agent(server()).get<{ siteName: string; premiumLabel: string }>("/api/v1/site");
    expect(site.body).toMatchObject({ siteName: "Lantern Talks", premiumLabel: "Office Hours" });
  });

  it("refuses a bad Contact Email and a misspelt setting, naming them, and changes nothing", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const before = (await admin.agent.get<Settings>("/api/v1/admin/settings")).body;
    const bad = await admin.agent.patch<ErrorBody>("/api/v1/admin/settings", {
      site: { contactEmail: "not an email" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.["site.contactEmail"]).toMatch(/valid email/);
    const typo = await admin.agent.patch<ErrorBody>("/api/v1/admin/settings", {
      features: { allowUserSesionCreation: true },
    });
    expect(typo.status).toBe(400);
    expect((await admin.agent.get<Settings>("/api/v1/admin/settings")).body).toEqual(before);
  });

  it("is for admins only", async () => {
    const member = await signedInAgent(server());
    expect((await member.agent.get("/api/v1/admin/settings")).status).toBe(403);
    expect((await member.agent.patch("/api/v1/admin/settings", { site: { siteName: "Mine" } })).status).toBe(403);
  });
});
