import { expect, it } from "vitest";
import { buildOpenSession, futureLocal } from "../../../tests/community";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, uniqueEmail, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { CommunitySession, Participant, ParticipantList } from "../../shared/schemas/community-sessions";
import { MEMBER_INVITATION_LIMIT } from "./invitations.operations";

/** A session a member created and opened (Allow User Session Creation). */
async function ownOpenSession(member: Agent, title: string) {
  const own = await member.post<CommunitySession>("/api/v1/community/sessions", {
    title,
    startsLocal: futureLocal(),
    meetingUrl: "https://meet.example.org/own",
  });
  expect(own.status).toBe(201);
  expect((await member.post(`/api/v1/community/sessions/${own.body.id}/status`, { action: "open" })).status).toBe(200);
  return own;
}

describeEngines("adding people by email", (engine) => {
  const server = useTestServer(engine);

  it("a member managing their own session invites by email and cannot tell whether the address has an account", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    await admin.agent.patch("/api/v1/admin/settings", { features: { allowUserSessionCreation: true } });
    try {
      const creator = await signedInAgent(server(), { name: "Creator" });
      const known = await signedInAgent(server(), { name: "Known Member" });
      const own = await ownOpenSession(creator.agent, "My own session");
      const roster = async () =>
        (await creator.agent.get<ParticipantList>(`/api/v1/community/sessions/${own.body.id}/participants`)).body;
      const before = await roster();

      const stranger = uniqueEmail("stranger");
      const invite = (email: string) =>
        creator.agent.post(`/api/v1/community/sessions/${own.body.id}/participants`, { email, role: "guest" });
      const toStranger = await invite(stranger);
      const toKnown = await invite(known.email);
      expect(toStranger.status).toBe(202);
      expect(toKnown.status).toBe(toStranger.status);
      expect(toKnown.body).toEqual(toStranger.body);
      expect(await roster()).toEqual(before);
      // Members neither create accounts nor email strangers.
      expect(await server().deps.db.selectFrom("users").select("id").where("email", "=", stranger).execute()).toEqual(
        [],
      );
      await server().deliver();
      expect(server().smtp.to(stranger)).toEqual([]);
      // The member with an account is invited to register themselves; nothing was decided for them.
      const invitation = server().smtp.to(known.email);
      expect(invitation.map((m) => m.subject)).toEqual(["Creator invites you to My own session"]);
      expect(invitation[0]?.text).toContain(`http://convene.test/sessions/${own.body.id}`);
      expect(invitation[0]?.text).not.toMatch(/token=|meet\.example\.org/);
    } finally {
      await admin.agent.patch("/api/v1/admin/settings", { features: { allowUserSessionCreation: false } });
    }
  });

  it("an admin adds a member at once and invites an unknown email to create an account", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const known = await signedInAgent(server(), { name: "Known Member" });
    const session = await buildOpenSession(admin.agent);
    const stranger = uniqueEmail("stranger");
    for (const email of [known.email, stranger]) {
      const added = await admin.agent.post<Participant>(`/api/v1/community/sessions/${session.id}/participants`, {
        email,
        role: "guest",
      });
      expect(added.status).toBe(201);
      expect(added.body.email).toBe(email);
    }
  });

  it("limits how many invitations a member sends", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    await admin.agent.patch("/api/v1/admin/settings", { features: { allowUserSessionCreation: true } });
    try {
      const creator = await signedInAgent(server(), { name: "Busy Creator" });
      const own = await ownOpenSession(creator.agent, "Invites");
      const invite = () =>
        creator.agent.post<ErrorBody>(`/api/v1/community/sessions/${own.body.id}/participants`, {
          email: uniqueEmail("someone"),
          role: "guest",
        });
      for (let i = 0; i < MEMBER_INVITATION_LIMIT.max; i++) expect((await invite()).status).toBe(202);
      const over = await invite();
      expect(over.status).toBe(429);
      expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    } finally {
      await admin.agent.patch("/api/v1/admin/settings", { features: { allowUserSessionCreation: false } });
    }
  });
});
