import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../shared/schemas/common";
import {
  EventProtection,
  EventProtectionInput,
  MyConference,
  MySessionList,
  PeopleFound,
  PeopleSearchQuery,
  SessionProtection,
  SessionProtectionInput,
} from "../../shared/schemas/conference-sessions";
import { loadVisibleEvent, loadVisibleSession } from "../conference-core/access";
import { requireActor } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/openapi-responses";
import {
  findPeople,
  listSessionsOf,
  readEventProtection,
  readSessionProtection,
  updateEventProtection,
  updateSessionProtection,
} from "./protection.operations";
import { readMyConference } from "./read";

const tags = ["protection"];
const EventParams = z.object({ eventId: Id });
const SessionParams = z.object({ eventId: Id, sessionId: Id });

/** The shield of a session, the event's Protection page and My sessions (conferences.md, Protection). */
export function protectionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/events/:eventId/sessions/:sessionId/protection",
      {
        schema: {
          tags,
          summary: "The shield (full session managers): managers, coordinators, visibility and access list",
          params: SessionParams,
          response: { 200: SessionProtection, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        // Cannot see it: 404 before asking anyone to sign in, like every conference read.
        await loadVisibleSession(deps.db, req.actor, req.params.eventId, req.params.sessionId);
        requireActor(req.actor);
        return readSessionProtection(deps, req.actor, req.params.eventId, req.params.sessionId);
      },
    );

    app.put(
      "/api/v1/events/:eventId/sessions/:sessionId/protection",
      {
        schema: {
          tags,
          summary:
            "Set the shield: managers and coordinators by the email of an existing account, visibility public / inheriting / protected, and who may see a protected session",
          params: SessionParams,
          body: SessionProtectionInput,
          response: { 200: SessionProtection, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return updateSessionProtection(deps, req.actor, req.params.eventId, req.params.sessionId, req.body);
      },
    );

    app.get(
      "/api/v1/events/:eventId/protection",
      {
        schema: {
          tags,
          summary: "The event's Protection page (its managers): managers and Session coordinator rights",
          params: EventParams,
          response: { 200: EventProtection, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await loadVisibleEvent(deps.db, req.actor, req.params.eventId);
        requireActor(req.actor);
        return readEventProtection(deps, req.actor, req.params.eventId);
      },
    );

    app.patch(
      "/api/v1/events/:eventId/protection",
      {
        schema: {
          tags,
          summary:
            "Edit the event's protection: replace its managers (emails of existing accounts), switch the coordinators' Contributions and Session blocks rights",
          params: EventParams,
          body: EventProtectionInput,
          response: { 200: EventProtection, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return updateEventProtection(deps, req.actor, req.params.eventId, req.body);
      },
    );

    app.get(
      "/api/v1/events/:eventId/people",
      {
        schema: {
          tags,
          summary:
            "Find people to name as the event's managers: active accounts whose name contains q or whose email starts with it (names and emails, at most 10; 120 searches per 10 minutes)",
          params: EventParams,
          querystring: PeopleSearchQuery,
          response: { 200: PeopleFound, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (req) => findPeople(deps, req.actor, req.params.eventId, null, req.query.q),
    );

    app.get(
      "/api/v1/events/:eventId/sessions/:sessionId/people",
      {
        schema: {
          tags,
          summary:
            "Find people for the shield's lists (its full managers): active accounts whose name contains q or whose email starts with it (names and emails, at most 10; 120 searches per 10 minutes)",
          params: SessionParams,
          querystring: PeopleSearchQuery,
          response: { 200: PeopleFound, ...errorResponses(400, 401, 403, 404, 429) },
        },
      },
      async (req) => findPeople(deps, req.actor, req.params.eventId, req.params.sessionId, req.query.q),
    );

    app.get(
      "/api/v1/events/:eventId/my-sessions",
      {
        schema: {
          tags,
          summary:
            "My sessions on the event page: sessions you were explicitly given management or coordination of, by title, with their timetable links",
          params: EventParams,
          response: { 200: MySessionList, ...errorResponses(400, 401, 404) },
        },
      },
      async (req) => {
        await loadVisibleEvent(deps.db, req.actor, req.params.eventId);
        requireActor(req.actor);
        return { sessions: await listSessionsOf(deps.db, req.actor, req.params.eventId) };
      },
    );

    app.get(
      "/api/v1/me/conference-sessions",
      {
        schema: {
          tags,
          summary: "Every conference session you manage or coordinate, in all events, by title",
          response: { 200: MySessionList, ...errorResponses(401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return { sessions: await listSessionsOf(deps.db, req.actor) };
      },
    );

    app.get(
      "/api/v1/me/conference",
      {
        schema: {
          tags,
          summary:
            "My sessions, Conferences: the sessions you manage or coordinate (with their next block) and the contributions whose speakers have your verified email (with their time, or null), in events you may still see that ended at most 30 days ago, by time",
          response: { 200: MyConference, ...errorResponses(401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return readMyConference(deps.db, req.actor, deps.clock.now());
      },
    );
  };
}
