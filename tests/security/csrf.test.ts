// CSRF defence on every state-changing request (platform.md, Accounts and sign-in; decisions.md: signed
// double-submit cookie plus an Origin check), whatever the method, the content type or the spelling of the path.
import { expect, it } from "vitest";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { buildEvent, buildSession, multipartFile } from "../conferences";
import { describeEngines } from "../engines";
import { type Agent, PASSWORD, signedInAgent, useTestServer } from "../harness";

describeEngines("security: CSRF", (engine) => {
  const server = useTestServer(engine);

  /** A request as another site's page could make it: the browser sends the cookies, but no CSRF header. */
  async function withoutToken(agent: Agent, method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, init = {}) {
    const cookie = [...agent.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    return server().app.inject({ method, url, headers: { cookie }, ...init });
  }

  const signedIn = async (agent: Agent) =>
    (await agent.get<{ user: { id: string } | null }>("/api/v1/auth/me")).body.user !== null;

  it("refuses state-changing requests without the token for every unsafe method", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const created = await admin.post<{ id: string }>("/api/v1/community/sessions", { title: "CSRF target" });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const attempts = [
      await withoutToken(admin, "POST", "/api/v1/community/sessions", { payload: { title: "Forged" } }),
      await withoutToken(admin, "PATCH", `/api/v1/community/sessions/${id}`, { payload: { version: 1, title: "X" } }),
      await withoutToken(admin, "PUT", "/api/v1/admin/settings/google", {
        payload: { calendarId: "x", serviceAccountJson: "" },
      }),
      await withoutToken(admin, "DELETE", `/api/v1/community/sessions/${id}`),
    ];
    for (const res of attempts) {
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe("csrf_failed");
    }
    const after = await admin.get<{ title: string }>(`/api/v1/community/sessions/${id}`);
    expect(after.status).toBe(200);
    expect(after.body.title).toBe("CSRF target");
  });

  it("refuses the content types an HTML form can send (text/plain, urlencoded, multipart) without the token", async () => {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const event = await buildEvent(admin);
    const session = await buildSession(admin, event.id);
    const textPlain = await withoutToken(admin, "POST", "/api/v1/auth/password-reset", {
      payload: JSON.stringify({ email: "someone@example.test" }),
      headers: { "content-type": "text/plain", cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    expect(textPlain.statusCode).toBe(403);
    const form = await withoutToken(admin, "POST", "/api/v1/account/feed/reset", {
      payload: "a=1",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    expect(form.statusCode).toBe(403);
    const { payload, headers } = multipartFile("slides.pdf", "application/pdf", "%PDF-1.7 forged");
    const multipart = await withoutToken(
      admin,
      "POST",
      `/api/v1/events/${event.id}/sessions/${session.id}/materials/files`,
      {
        payload,
        headers: { ...headers, cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join("; ") },
      },
    );
    expect(multipart.statusCode).toBe(403);
    const materials = await admin.get<{ materials: unknown[] }>(
      `/api/v1/events/${event.id}/sessions/${session.id}/materials`,
    );
    expect(materials.body.materials).toEqual([]);
  });

  it("refuses a token cookie the server did not sign, even when the header repeats it", async () => {
    const res = await server().app.inject({
      method: "POST",
      url: "/api/v1/auth/sign-in",
      payload: { email: "someone@example.test", password: PASSWORD },
      headers: { cookie: "convene_csrf=planted.value", "x-csrf-token": "planted.value" },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorBody>().error.code).toBe("csrf_failed");
  });

  it("refuses a valid token sent from another origin, including the opaque origin 'null'", async () => {
    const { agent } = await signedInAgent(server());
    for (const origin of ["https://evil.example", "null", "http://convene.test.evil.example"]) {
      const res = await agent.request<ErrorBody>("PATCH", "/api/v1/account", { name: "Forged" }, { origin });
      expect(res.status, origin).toBe(403);
    }
    const same = await agent.request("PATCH", "/api/v1/account", { name: "Kept" }, { origin: "http://convene.test" });
    expect(same.status).toBe(200);
  });

  it("refuses a state-changing request without the token however the /api/ path is spelt", async () => {
    // `/%61pi/` is routed to the same handlers as `/api/` (the router decodes the path), so the CSRF check must
    // not depend on the raw spelling. Sign-out reads the session cookie itself; sign-in sets one.
    const { agent } = await signedInAgent(server());
    const signOut = await withoutToken(agent, "POST", "/%61pi/v1/auth/sign-out", { payload: {} });
    expect.soft(signOut.statusCode, "sign-out without a CSRF token").toBe(403);
    expect.soft(await signedIn(agent), "still signed in after a forged sign-out").toBe(true);

    const { email } = await signedInAgent(server());
    const signIn = await server().app.inject({
      method: "POST",
      url: "/%61pi/v1/auth/sign-in",
      payload: { email, password: PASSWORD },
    });
    expect.soft(signIn.statusCode, "sign-in without a CSRF token").toBe(403);
    expect.soft(signIn.cookies.some((c) => c.name === "convene_session" && c.value !== "")).toBe(false);
  });
});
