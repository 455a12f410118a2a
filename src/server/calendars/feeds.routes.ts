import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../shared/schemas/common";
import { SESSION_DEFAULTS } from "../../shared/schemas/community-sessions";
import { sessionEntry } from "../community-sessions/calendar-files";
import { sessionFacts } from "../community-sessions/present";
import { findSession, listParticipants } from "../community-sessions/queries";
import { personalConferenceEntries } from "../exports/personal";
import { actorFromUser } from "../permissions/actor";
import { requireActor } from "../permissions/authorize";
import { can } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { buildIcs, type CalendarEntry } from "../platform/ics";
import { newToken } from "../platform/ids";
import { errorResponses } from "../platform/openapi-responses";
import { readFeatures, readSite } from "../site/settings";
import { feedTokenOf, findUserByFeedToken, listedSessions, sessionsJoinedBy, setFeedToken } from "./queries";

const tags = ["calendars"];
const FeedUrl = z.object({ url: z.string().describe("secret address: anyone with it can read your calendar") });
const ICS = "text/calendar; charset=utf-8";

/** ICS feeds (platform.md, ICS feeds; issue: calendars that follow every change). */
export function feedRoutes(deps: Deps): FastifyPluginAsyncZod {
  const feedUrl = (token: string) => `${deps.config.baseUrl}/api/v1/feeds/${token}/calendar.ics`;

  async function ensureToken(userId: string, reset: boolean): Promise<string> {
    const current = await feedTokenOf(deps.db, userId);
    if (current && !reset) return current;
    const token = newToken(24);
    await setFeedToken(deps.db, userId, token);
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
        const user = await findUserByFeedToken(deps.db, req.params.token);
        if (!user || user.deactivated_at) throw notFound("This feed");
        const rows = await sessionsJoinedBy(deps.db, user.id);
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
        const rows = await listedSessions(deps.db);
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
        const row = await findSession(deps.db, req.params.id);
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
