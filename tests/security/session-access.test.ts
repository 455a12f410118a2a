// Permissions on community sessions, checked on the server for every route: members never see Drafts (not even
// that they exist: 404), and with Allow User Session Creation on they manage only the sessions they created.
import { expect, it } from "vitest";
import type { CommunitySession } from "../../src/shared/schemas/community-sessions";
import { buildOpenSession, futureLocal, registeredMember, settings } from "../community";
import { describeEngines } from "../engines";
import { type Agent, signedInAgent, useTestServer } from "../harness";

const BASE = "/api/v1/community/sessions";
const RANDOM_ID = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

/** Every route that names one session, as the member would call it. */
function routesOf(id: string, participantId = RANDOM_ID): [string, (a: Agent) => ReturnType<Agent["get"]>][] {
  return [
    ["GET session", (a) => a.get(`${BASE}/${id}`)],
    ["GET session ICS", (a) => a.get(`${BASE}/${id}/calendar.ics`)],
    ["GET participants", (a) => a.get(`${BASE}/${id}/participants`)],
    ["PATCH session", (a) => a.patch(`${BASE}/${id}`, { version: 1, title: "Taken over" })],
    ["POST status", (a) => a.post(`${BASE}/${id}/status`, { action: "cancel" })],
    ["DELETE session", (a) => a.delete(`${BASE}/${id}`)],
    ["POST registration", (a) => a.post(`${BASE}/${id}/registrations`, { role: "guest" })],
    ["DELETE my registration", (a) => a.delete(`${BASE}/${id}/registrations/me`)],
    ["POST participant", (a) => a.post(`${BASE}/${id}/participants`, { email: "x@example.test", role: "guest" })],
    ["PATCH participant", (a) => a.patch(`${BASE}/${id}/participants/${participantId}`, { status: "cancelled" })],
    ["POST move", (a) => a.post(`${BASE}/${id}/participants/${participantId}/move`, { direction: "up" })],
    ["DELETE participant", (a) => a.delete(`${BASE}/${id}/participants/${participantId}`)],
  ];
}

describeEngines("security: community session access", (engine) => {
  const server = useTestServer(engine);

  it("answers another person's Draft exactly like a session that does not exist, on every route", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const draft = await admin.post<CommunitySession>(BASE, {
      title: "Secret plans",
      startsLocal: futureLocal(),
      meetingUrl: "https://meet.example.org/draft",
    });
    expect(draft.status).toBe(201);
    const member = await signedInAgent(server());
    const missing = new Map(routesOf(RANDOM_ID));
    for (const [label, call] of routesOf(draft.body.id)) {
      const res = await call(member.agent);
      const ghost = await (missing.get(label) as (a: Agent) => ReturnType<Agent["get"]>)(member.agent);
      expect.soft(res.status, label).toBe(404);
      expect.soft(res.status, `${label}: same as a missing session`).toBe(ghost.status);
      expect.soft(res.raw.body, label).not.toContain("Secret plans");
    }
    const after = await admin.get<CommunitySession>(`${BASE}/${draft.body.id}`);
    expect(after.body).toMatchObject({ title: "Secret plans", status: "draft", version: 1 });
  });

  it("lets a member manage only the sessions they created, even with Allow User Session Creation on", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    await settings(server(), admin, { allowUserSessionCreation: true });
    try {
      const owner = await signedInAgent(server());
      const own = await owner.agent.post<CommunitySession>(BASE, {
        title: "Owner's session",
        startsLocal: futureLocal(),
        meetingUrl: "https://meet.example.org/own",
      });
      expect(own.status).toBe(201);
      expect((await owner.agent.post(`${BASE}/${own.body.id}/status`, { action: "open" })).status).toBe(200);
      const guest = await registeredMember(server(), own.body.id, "guest");
      const roster = await owner.agent.get<{ participants: { id: string; userId: string }[] }>(
        `${BASE}/${own.body.id}/participants`,
      );
      const guestRow = roster.body.participants.find((p) => p.userId === guest.id);

      const intruder = await signedInAgent(server());
      for (const [label, call] of routesOf(own.body.id, guestRow?.id)) {
        if (label.startsWith("GET session") || label.includes("registration")) continue;
        const res = await call(intruder.agent);
        expect.soft(res.status, label).toBe(403);
      }
      const adminSession = await buildOpenSession(admin);
      for (const [label, call] of routesOf(adminSession.id)) {
        if (label.startsWith("GET session") || label.includes("registration")) continue;
        const res = await call(owner.agent);
        expect.soft(res.status, `owner on the admin's session: ${label}`).toBe(403);
      }
      const after = await owner.agent.get<CommunitySession>(`${BASE}/${own.body.id}`);
      expect(after.body).toMatchObject({ title: "Owner's session", status: "open" });
      expect(after.body.roster).toHaveLength(2);
    } finally {
      await settings(server(), admin, { allowUserSessionCreation: false });
    }
  });

  it("takes a member's management away when Allow User Session Creation is switched off", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    await settings(server(), admin, { allowUserSessionCreation: true });
    const owner = await signedInAgent(server());
    const draft = await owner.agent.post<CommunitySession>(BASE, { title: "Left behind" });
    expect(draft.status).toBe(201);
    await settings(server(), admin, { allowUserSessionCreation: false });
    const res = await owner.agent.patch(`${BASE}/${draft.body.id}`, {
      version: draft.body.version,
      title: "Still mine?",
    });
    expect(res.status).toBe(404);
    expect((await owner.agent.get("/api/v1/admin/community/sessions")).status).toBe(403);
  });
});
