import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildOpenSession, futureLocal } from "../../../../tests/community";
import { describeEngines, openTestDb } from "../../../../tests/engines";
import { type GoogleStandIn, startGoogleStandIn } from "../../../../tests/google-stand-in";
import { Agent, signedInAgent, useTestServer } from "../../../../tests/harness";
import type { CommunitySession, ParticipantList } from "../../../shared/schemas/community-sessions";
import { loadConfig } from "../../platform/config";
import { createServer } from "../../server";

describeEngines("Google Calendar sync", (engine) => {
  let google: GoogleStandIn;
  beforeAll(async () => {
    google = await startGoogleStandIn();
  });
  afterAll(() => google.close());
  const server = useTestServer(engine, {
    env: { CALENDAR_SYNC_DELAY_MS: "0", UPDATE_NOTICE_DELAY_MS: "0" },
  });
  // The stand-in's address is only known once it runs; the config object is read at each sync.
  const pointAtStandIn = () => {
    server().deps.config.googleApiRoot = google.apiRoot;
    server().deps.config.googleTokenUrl = google.tokenUrl;
  };

  const only = () => {
    expect(google.events.size).toBe(1);
    return [...google.events.values()][0] as {
      summary: string;
      description: string;
      status: string;
      start: { dateTime: string; timeZone: string };
      end: { dateTime: string; timeZone: string };
      source: { url: string };
    };
  };

  it("with no Google settings, queues nothing and nothing errors", async () => {
    const admin = await signedInAgent(server(), { admin: true });
    const member = await signedInAgent(server());
    const s = await buildOpenSession(admin.agent);
    expect(
      (await member.agent.post(`/api/v1/community/sessions/${s.id}/registrations`, { role: "guest" })).status,
    ).toBe(201);
    await server().deliver();
    const rows = await server().deps.db.selectFrom("outbox").select(["kind", "status"]).execute();
    expect(rows.filter((r) => r.kind === "google-calendar.sync")).toEqual([]);
    // Every email went; the session's reminders wait for their time.
    expect(rows.filter((r) => r.kind === "email").every((r) => r.status === "sent")).toBe(true);
    expect(google.calls).toHaveLength(0);
  });

  it("validates the Service Account JSON, never sends it back, and tests the connection through a signed JWT", async () => {
    pointAtStandIn();
    const admin = await signedInAgent(server(), { admin: true });
    const bad = await admin.agent.put<{ error: { fields: Record<string, string> } }>("/api/v1/admin/settings/google", {
      calendarId: google.calendarId,
      serviceAccountJson: "{not json",
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.serviceAccountJson).toMatch(/not valid JSON/);

    const forged = await admin.agent.put("/api/v1/admin/settings/google", {
      calendarId: google.calendarId,
      serviceAccountJson: google.forgedServiceAccountJson,
    });
    expect(forged.status).toBe(200);
    const refused = await admin.agent.post<{ ok: boolean; message: string }>("/api/v1/admin/settings/google/test");
    expect(refused.body.ok).toBe(false);

    const saved = await admin.agent.put<Record<string, unknown>>("/api/v1/admin/settings/google", {
      calendarId: google.calendarId,
      serviceAccountJson: google.serviceAccountJson,
    });
    expect(saved.body).toMatchObject({ configured: true, serviceAccountEmail: expect.stringContaining("@") });
    expect(JSON.stringify(saved.body)).not.toContain("PRIVATE KEY");
    const ok = await admin.agent.post<{ ok: boolean; message: string }>("/api/v1/admin/settings/google/test");
    expect(ok.body).toMatchObject({ ok: true });
    // Members may not read or change it.
    const member = await signedInAgent(server());
    expect((await member.agent.get("/api/v1/admin/settings/google")).status).toBe(403);
  });

  it("keeps exactly one event per session through create, open, register, role change, reorder, edit, cancel, reopen, delete", async () => {
    pointAtStandIn();
    const s0 = server();
    const admin = await signedInAgent(s0, { admin: true });
    await admin.agent.put("/api/v1/admin/settings/google", {
      calendarId: google.calendarId,
      serviceAccountJson: google.serviceAccountJson,
    });
    await s0.deliver();
    google.events.clear();
    const step = async () => {
      await s0.deliver();
      // Everything due went (reminders wait for their time, weeks ahead).
      const pending = await s0.deps.db
        .selectFrom("outbox")
        .select("id")
        .where("status", "!=", "sent")
        .where("kind", "!=", "community.reminder")
        .execute();
      expect(pending).toEqual([]);
    };
    const created = await admin.agent.post<CommunitySession>("/api/v1/community/sessions", {
      title: "Calendar walk",
      startsLocal: futureLocal(40, "18:30"),
      meetingUrl: "https://meet.example.org/secret-room",
      meetingPassword: "hunter22",
    });
    const id = created.body.id;
    await step();
    expect(google.events.size).toBe(0); // Drafts are not synced.

    await admin.agent.post(`/api/v1/community/sessions/${id}/status`, { action: "open" });
    await step();
    let ev = only();
    expect(ev.summary).toBe("Calendar walk");
    expect(ev.status).toBe("confirmed");
    expect(ev.start).toEqual({ dateTime: expect.stringMatching(/T18:30:00-0[45]:00$/), timeZone: "America/New_York" });
    expect(ev.source.url).toBe(`http://convene.test/sessions/${id}`);
    expect(ev.description).toContain(`http://convene.test/sessions/${id}`);

    const ann = await signedInAgent(s0, { name: "Ann Presenter" });
    const bob = await signedInAgent(s0, { name: "Bob Presenter" });
    await ann.agent.post(`/api/v1/community/sessions/${id}/registrations`, { role: "presenter", talkTitle: "On sync" });
    await bob.agent.post(`/api/v1/community/sessions/${id}/registrations`, { role: "presenter" });
    await step();
    expect(only().description).toContain("Presenters: Ann Presenter, Bob Presenter");

    const roster = (await admin.agent.get<ParticipantList>(`/api/v1/community/sessions/${id}/participants`)).body
      .participants;
    const bobRow = roster.find((p) => p.name === "Bob Presenter");
    await admin.agent.post(`/api/v1/community/sessions/${id}/participants/${bobRow?.id}/move`, { direction: "up" });
    await step();
    expect(only().description).toContain("Presenters: Bob Presenter, Ann Presenter");

    const annRow = roster.find((p) => p.name === "Ann Presenter");
    await admin.agent.patch(`/api/v1/community/sessions/${id}/participants/${annRow?.id}`, { role: "guest" });
    await step();
    ev = only();
    expect(ev.description).toContain("Presenter: Bob Presenter");
    expect(ev.description).toContain("Guest: Ann Presenter");

    const current = (await admin.agent.get<CommunitySession>(`/api/v1/community/sessions/${id}`)).body;
    await admin.agent.patch(`/api/v1/community/sessions/${id}`, {
      version: current.version,
      title: "Calendar walk, moved",
      startsLocal: futureLocal(41, "09:15"),
    });
    await step();
    ev = only();
    expect(ev.summary).toBe("Calendar walk, moved");
    expect(ev.start.dateTime).toMatch(/T09:15:00-0[45]:00$/);

    await admin.agent.post(`/api/v1/community/sessions/${id}/status`, { action: "cancel" });
    await step();
    expect(only().status).toBe("cancelled");

    await admin.agent.post(`/api/v1/community/sessions/${id}/status`, { action: "reopen", participants: "restore" });
    await step();
    expect(only().status).toBe("confirmed");

    // Never the meeting URL or password, at any step.
    expect(JSON.stringify([...google.events.values()])).not.toMatch(/secret-room|hunter22/);

    await admin.agent.delete(`/api/v1/community/sessions/${id}`);
    await step();
    expect(google.events.size).toBe(0);
    expect(await s0.deps.db.selectFrom("calendar_links").selectAll().where("session_id", "=", id).execute()).toEqual(
      [],
    );
  });

  it("coalesces quick changes into one call, and retries a failed call with the error shown to admins", async () => {
    pointAtStandIn();
    const s0 = server();
    const admin = await signedInAgent(s0, { admin: true });
    await admin.agent.put("/api/v1/admin/settings/google", {
      calendarId: google.calendarId,
      serviceAccountJson: google.serviceAccountJson,
    });
    const s = await buildOpenSession(admin.agent, { title: "Coalesce" });
    await s0.deliver();
    let version = (await admin.agent.get<CommunitySession>(`/api/v1/community/sessions/${s.id}`)).body.version;
    for (const title of ["Coalesce 1", "Coalesce 2", "Coalesce 3"]) {
      version = (await admin.agent.patch<CommunitySession>(`/api/v1/community/sessions/${s.id}`, { version, title }))
        .body.version;
    }
    const queued = await s0.deps.db
      .selectFrom("outbox")
      .select("id")
      .where("kind", "=", "google-calendar.sync")
      .where("status", "=", "pending")
      .execute();
    expect(queued).toHaveLength(1);
    const before = google.calls.length;
    google.failNext(1, 503);
    await s0.deliver();
    expect(google.calls.length - before).toBe(1);
    const settings = await admin.agent.get<{ lastError: string | null; pendingSyncs: number }>(
      "/api/v1/admin/settings/google",
    );
    expect(settings.body.lastError).toMatch(/503/);
    expect(settings.body.pendingSyncs).toBe(1);
    const adminList = await admin.agent.get<{
      sessions: { id: string; calendarSync: { state: string; error: string | null } | null }[];
    }>("/api/v1/admin/community/sessions?limit=200");
    expect(adminList.body.sessions.find((x) => x.id === s.id)?.calendarSync).toMatchObject({
      state: "error",
      error: expect.stringMatching(/503/),
    });

    await s0.deps.db
      .updateTable("outbox")
      .set({ next_attempt_at: new Date(0).toISOString() })
      .where("status", "=", "pending")
      .execute();
    await s0.deliver();
    const event = [...google.events.values()].find((e) => String(e.summary).startsWith("Coalesce"));
    expect(event?.summary).toBe("Coalesce 3");
    expect(
      (await admin.agent.get<{ lastError: string | null }>("/api/v1/admin/settings/google")).body.lastError,
    ).toBeNull();
  });
});

describeEngines("Google Calendar sync after a crash", (engine) => {
  it("converges after the app dies between a change and its sync", async () => {
    const google = await startGoogleStandIn();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-crash-"));
    const db = await openTestDb(engine, { sqliteFile: path.join(dir, "db.sqlite") });
    const keepOpen = { ...db, close: async () => {} };
    const config = {
      ...loadConfig({
        BASE_URL: "http://convene.test",
        DATA_DIR: dir,
        LOG_LEVEL: "silent",
        SESSION_SECRET: "crash-test-secret-123",
        GOOGLE_API_ROOT: google.apiRoot,
        GOOGLE_TOKEN_URL: google.tokenUrl,
        CALENDAR_SYNC_DELAY_MS: "0",
      }),
      serveWeb: false,
    };
    try {
      const first = await createServer(config, { dbHandle: keepOpen });
      const { signUp } = await import("../../accounts/operations");
      const user = await signUp(first.deps, {
        name: "Crash Admin",
        email: "crash@example.test",
        password: "long enough passphrase",
      });
      await first.deps.db.updateTable("users").set({ is_admin: 1 }).where("id", "=", user.id).execute();
      const admin = new Agent(first);
      await admin.post("/api/v1/auth/sign-in", { email: "crash@example.test", password: "long enough passphrase" });
      await admin.put("/api/v1/admin/settings/google", {
        calendarId: google.calendarId,
        serviceAccountJson: google.serviceAccountJson,
      });
      const s = await buildOpenSession(admin, { title: "Before the crash" });
      // The app dies: the change is committed, its sync never ran.
      await first.close();
      expect(google.events.size).toBe(0);

      const second = await createServer(config, { dbHandle: keepOpen });
      await second.worker.drain();
      const events = [...google.events.values()];
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({ summary: "Before the crash", status: "confirmed" });
      expect(s.id).toBeTruthy();
      await second.close();
    } finally {
      await db.close();
      await google.close();
    }
  });
});
