import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../shared/schemas/common";
import { SESSION_DEFAULTS } from "../../shared/schemas/community-sessions";
import { sessionFacts } from "../community-sessions/present";
import { listParticipants } from "../community-sessions/queries";
import { personalConferenceEntries } from "../exports/personal";
import { actorFromUser } from "../permissions/actor";
import { requireActor } from "../permissions/authorize";
import { can } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { newToken } from "../platform/ids";
import { errorResponses } from "../platform/request-context";
import { readFeatures, readSite } from "../site/settings";
import { sessionEntry } from "./community-ics";
import { buildIcs, type CalendarEntry } from "./ics";

const tags = ["calendars"];
const FeedUrl = z.object({ url: z.string().describe("secret address: anyone with it can read your calendar") });
const ICS = "text/calendar; charset=utf-8";

/** ICS feeds (platform.md, ICS feeds; issue: calendars that follow every change). */
export function feedRoutes(deps: Deps): FastifyPluginAsyncZod {
  const feedUrl = (token: string) => `${deps.config.baseUrl}/api/v1/feeds/${token}/calendar.ics`;

  async function ensureToken(userId: string, reset: boolean): Promise<string> {
    const user = await deps.db
      .selectFrom("users")
      .select("feed_token")
      .where("id", "=", userId)
      .executeTakeFirstOrThrow();
    if (user.feed_token && !reset) return user.feed_token;
    const token = newToken(24);
    await deps.db.updateTable("users").set({ feed_token: token }).where("id", "=", userId).execute();
    return token;
  }

  return async (app) => {
    app.get(
      "/api/v1/account/feed",
      {
        schema: {
          tags,
          summary: "The secret address of your personal calendar feed",
          response: { 200: FeedUrl, ...errorResponses(401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return { url: feedUrl(await ensureToken(req.actor.id, false)) };
      },
    );

    app.post(
      "/api/v1/account/feed/reset",
      {
        schema: {
          tags,
          summary: "Make a new secret feed address; the old one stops working",
          response: { 200: FeedUrl, ...errorResponses(401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return { url: feedUrl(await ensureToken(req.actor.id, true)) };
      },
    );

    app.get(
      "/api/v1/feeds/:token/calendar.ics",
      {
        schema: {
          tags,
          summary:
            "Personal feed: every community session you take part in (cancelled ones marked cancelled), and the blocks of conference sessions you manage, coordinate or speak in",
          params: z.object({ token: z.string().min(10).max(100) }),
        },
      },
      async (req, reply) => {
        const user = await deps.db
          .selectFrom("users")
          .select(["id", "email", "name", "is_admin", "is_staff", "is_premium", "deactivated_at", "time_zone"])
          .where("feed_token", "=", req.params.token)
          .executeTakeFirst();
        if (!user || user.deactivated_at) throw notFound("This feed");
        const rows = await deps.db
          .selectFrom("community_sessions as s")
          .innerJoin("community_participants as p", "p.session_id", "s.id")
          .selectAll("s")
          .where("p.user_id", "=", user.id)
          .where("p.status", "!=", "cancelled")
          .where("s.status", "!=", "draft")
          .orderBy("s.starts_at")
          .execute();
        const site = await readSite(deps.db);
        const entries = rows
          .map((r) => sessionEntry(deps.config, r, { withMeeting: true }))
          .filter((e): e is CalendarEntry => e !== null);
        const reader = actorFromUser(user);
        entries.push(...(await personalConferenceEntries(deps.db, deps.config.baseUrl, reader)));
        return reply
          .type(ICS)
          .header("cache-control", "private, max-age=300")
          .send(
            buildIcs(entries, {
              name: `${site.siteName}: my sessions`,
              timeZone: user.time_zone ?? SESSION_DEFAULTS.timeZone,
            }),
          );
      },
    );

    app.get(
      "/api/v1/community/calendar.ics",
      { schema: { tags, summary: "Community feed: sessions that are Open, Full or Closed (no meeting details)" } },
      async (_req, reply) => {
        const rows = await deps.db
          .selectFrom("community_sessions")
          .selectAll()
          .where("status", "in", ["open", "full", "closed"])
          .orderBy("starts_at")
          .execute();
        const site = await readSite(deps.db);
        const entries = rows
          .map((r) => sessionEntry(deps.config, r, { withMeeting: false }))
          .filter((e): e is CalendarEntry => e !== null);
        return reply
          .type(ICS)
          .header("cache-control", "public, max-age=300")
          .send(buildIcs(entries, { name: site.siteName, timeZone: SESSION_DEFAULTS.timeZone }));
      },
    );

    app.get(
      "/api/v1/community/sessions/:id/calendar.ics",
      {
        schema: {
          tags,
          summary: "Add to calendar: this session as an ICS file (meeting details only if you are entitled)",
          params: z.object({ id: Id }),
        },
      },
      async (req, reply) => {
        const row = await deps.db
          .selectFrom("community_sessions")
          .selectAll()
          .where("id", "=", req.params.id)
          .executeTakeFirst();
        if (!row) throw notFound("The session");
        const [participants, features] = await Promise.all([listParticipants(deps.db, row.id), readFeatures(deps.db)]);
        const facts = sessionFacts(row, req.actor, participants, features);
        if (!can(req.actor, "community.session.view", facts)) throw notFound("The session");
        const entry = sessionEntry(deps.config, row, {
          withMeeting: can(req.actor, "community.session.seeMeeting", facts),
        });
        if (!entry) throw notFound("A date for this session");
        return reply
          .type(ICS)
          .header("content-disposition", `attachment; filename="session-${row.id}.ics"`)
          .send(buildIcs([entry], { timeZone: row.time_zone }));
      },
    );
  };
}
