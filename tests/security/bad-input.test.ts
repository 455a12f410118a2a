// Bad input gets a clear 4xx naming the field, never a 500, and changes nothing (platform.md, API), on SQLite
// and on PostgreSQL alike.
import { expect, it } from "vitest";
import type { ErrorBody } from "../../src/shared/schemas/common";
import { describeEngines } from "../engines";
import { type Agent, PASSWORD, type Response, signedInAgent, uniqueEmail, useTestServer } from "../harness";

const NUL = "\u0000";

describeEngines("security: bad input", (engine) => {
  const server = useTestServer(engine);
  let admin: Agent;
  const asAdmin = async () => {
    admin ??= (await signedInAgent(server(), { admin: true })).agent;
    return admin;
  };

  /** Refused with a 4xx naming `field`, or accepted: never a 5xx. */
  function expectHandled(res: Response, field: string | null) {
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    if (res.status >= 400 && field) expect((res.body as ErrorBody).error.fields ?? {}).toHaveProperty(field);
  }

  const cases: [string, string | null, () => Promise<Response>][] = [
    [
      "sign-up name",
      "name",
      async () =>
        server()
          .agent()
          .post("/api/v1/auth/sign-up", { name: `Ada${NUL}`, email: uniqueEmail(), password: PASSWORD }),
    ],
    [
      "profile name",
      "name",
      async () => (await signedInAgent(server())).agent.patch("/api/v1/account", { name: `B${NUL}` }),
    ],
    [
      "community session title",
      "title",
      async () => (await asAdmin()).post("/api/v1/community/sessions", { title: `Talks${NUL}` }),
    ],
    [
      "event title",
      "title",
      async () =>
        (await asAdmin()).post("/api/v1/events", {
          title: `Conf${NUL}`,
          startAt: "2026-05-01T09:00:00+02:00",
          endAt: "2026-05-02T18:00:00+02:00",
          timeZone: "Europe/Berlin",
        }),
    ],
    [
      "room name",
      "name",
      async () => (await asAdmin()).post("/api/v1/admin/rooms", { venueName: "", name: `R${NUL}` }),
    ],
    ["Admin > Users search", "q", async () => (await asAdmin()).get("/api/v1/admin/users?q=%00")],
    ["Admin > Sessions search", "q", async () => (await asAdmin()).get("/api/v1/admin/community/sessions?q=%00")],
    [
      "personal feed address",
      null,
      async () =>
        server()
          .agent()
          .get(`/api/v1/feeds/${"%00".repeat(12)}/calendar.ics`),
    ],
  ];
  for (const [label, field, send] of cases) {
    it(`answers a NUL character in the ${label} with a 4xx, never a 500`, async () => {
      expectHandled(await send(), field);
    });
  }

  it("refuses a Date & Time whose session would end past the year 9999, creating nothing", async () => {
    const a = await asAdmin();
    const title = `Far future ${Date.now()}`;
    const res = await a.post<ErrorBody>("/api/v1/community/sessions", {
      title,
      startsLocal: "9999-12-31T23:59",
      meetingUrl: "https://meet.example.org/far",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields ?? {}).toHaveProperty("startsLocal");
    const rows = await server()
      .deps.db.selectFrom("community_sessions")
      .select("id")
      .where("title", "=", title)
      .execute();
    expect(rows).toEqual([]);
    // Nothing was left behind that breaks Admin > Sessions or the past sessions list for everyone.
    expect((await a.get("/api/v1/admin/community/sessions")).status).toBe(200);
    expect((await server().agent().get("/api/v1/community/sessions?when=past")).status).toBe(200);
  });

  it("refuses the same Date & Time in an autosave, keeping the session as it was", async () => {
    const a = await asAdmin();
    const created = await a.post<{ id: string; version: number }>("/api/v1/community/sessions", { title: "Edited" });
    expect(created.status).toBe(201);
    const res = await a.patch<ErrorBody>(`/api/v1/community/sessions/${created.body.id}`, {
      version: created.body.version,
      startsLocal: "9999-12-31T23:00",
      timeZone: "Pacific/Honolulu",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.fields ?? {}).toHaveProperty("startsLocal");
    const after = await a.get<{ startsAt: string | null; version: number }>(
      `/api/v1/community/sessions/${created.body.id}`,
    );
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ startsAt: null, version: created.body.version });
  });
});
