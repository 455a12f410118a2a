// Secret links in emails (issue #11, item 1): reset, invitation and sign-up confirmation links must not be
// readable by admins under Admin > Mail, before or after delivery; the email itself still carries a working link.
import { expect, it } from "vitest";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { linksIn } from "../accounts";
import { describeEngines } from "../engines";
import { type Agent, PASSWORD, signedInAgent, type TestServer, uniqueEmail, useTestServer } from "../harness";

interface OutboxDetail {
  summary: string;
  status: string;
  email: { to: string; subject: string; text: string; html: string } | null;
}

/** Admin > Mail's view of the newest message to `to`. */
async function adminView(admin: Agent, to: string): Promise<OutboxDetail> {
  const list = await admin.get<{ items: { id: string; summary: string }[] }>("/api/v1/admin/outbox?limit=200");
  const item = list.body.items.find((i) => i.summary.startsWith(`${to}:`));
  if (!item) throw new Error(`no outbox entry for ${to}`);
  const detail = await admin.get<OutboxDetail>(`/api/v1/admin/outbox/${item.id}`);
  expect(detail.status).toBe(200);
  return detail.body;
}

/** What an admin sees must mask the token, and say so, in the text and in the HTML. */
function expectMasked(view: OutboxDetail, path: string, token?: string): void {
  const shown = `${view.summary}\n${view.email?.subject}\n${view.email?.text}\n${view.email?.html}`;
  expect(shown).toContain(`${path}?token=•••••`);
  expect(shown).not.toMatch(/token=[A-Za-z0-9_-]{10,}/);
  if (token) expect(shown).not.toContain(token);
}

/** The stored payload of every email to `to`: after delivery it must not hold the token any more. */
async function storedPayloads(server: TestServer, to: string): Promise<string[]> {
  const rows = await server.deps.db.selectFrom("outbox").select("payload").where("kind", "=", "email").execute();
  return rows.map((r) => r.payload).filter((p) => p.includes(to));
}

describeEngines("security: secret links are not shown to admins", (engine) => {
  const server = useTestServer(engine);

  it("masks a password reset link, removes it from the outbox once sent, and the emailed link works", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const { email } = await signedInAgent(server());
    expect((await server().agent().post("/api/v1/auth/password-reset", { email })).status).toBe(202);

    expectMasked(await adminView(admin, email), "/reset-password");
    await server().deliver();
    const token = linksIn(server(), email, "/reset-password")[0]?.searchParams.get("token") as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const sent = await adminView(admin, email);
    expect(sent.status).toBe("sent");
    expectMasked(sent, "/reset-password", token);
    for (const payload of await storedPayloads(server(), email)) expect(payload).not.toContain(token);

    // The admin cannot use what they were shown; the owner can use what they received.
    const shownToken = /token=([^\s&"<]+)/.exec(sent.email?.text ?? "")?.[1] ?? "";
    const stolen = await server()
      .agent()
      .post<ErrorBody>("/api/v1/auth/password-reset/confirm", {
        token: shownToken.padEnd(10, "x"),
        password: "x".repeat(12),
      });
    expect(stolen.status).toBe(400);
    const used = await server()
      .agent()
      .post("/api/v1/auth/password-reset/confirm", { token, password: "the owner's new passphrase" });
    expect(used.status).toBe(200);
  });

  it("masks the 7-day invitation link of someone an admin adds by email", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const session = await admin.post<{ id: string }>("/api/v1/community/sessions", { title: "Masked invitations" });
    const invited = uniqueEmail("invited");
    const added = await admin.post(`/api/v1/community/sessions/${session.body.id}/participants`, {
      email: invited,
      role: "guest",
    });
    expect(added.status).toBe(201);

    expectMasked(await adminView(admin, invited), "/accept-invitation");
    await server().deliver();
    const link = linksIn(server(), invited, "/accept-invitation")[0];
    const token = link?.searchParams.get("token") as string;
    expect(link?.searchParams.get("next")).toBe(`/sessions/${session.body.id}`);
    expectMasked(await adminView(admin, invited), "/accept-invitation", token);
    for (const payload of await storedPayloads(server(), invited)) expect(payload).not.toContain(token);
    const accepted = await server()
      .agent()
      .post("/api/v1/auth/invitation/accept", { token, name: "Invited Person", password: PASSWORD });
    expect(accepted.status).toBe(200);
  });

  it("masks the sign-up confirmation link", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const email = uniqueEmail("joining");
    const browser = server().agent();
    expect((await browser.post("/api/v1/auth/sign-up", { name: "Joining", email, password: PASSWORD })).status).toBe(
      202,
    );
    expectMasked(await adminView(admin, email), "/confirm-email");
    await server().deliver();
    const token = linksIn(server(), email, "/confirm-email")[0]?.searchParams.get("token") as string;
    expectMasked(await adminView(admin, email), "/confirm-email", token);
    for (const payload of await storedPayloads(server(), email)) expect(payload).not.toContain(token);
    expect((await browser.post("/api/v1/auth/sign-up/confirm", { token })).status).toBe(200);
  });
});
