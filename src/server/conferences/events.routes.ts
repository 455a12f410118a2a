import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Ok } from "../../shared/schemas/common";
import {
  ConferenceEvent,
  EventCreateInput,
  EventList,
  EventListQuery,
  EventManagerList,
  EventUpdateInput,
  ManagerInput,
  Room,
  RoomInput,
  RoomList,
  RoomUpdateInput,
} from "../../shared/schemas/conference-events";
import { SLUG_MAX, SLUG_PATTERN } from "../../shared/slug";
import { loadVisibleEvent } from "../conference-core/access";
import { listEventManagers } from "../conference-core/events.queries";
import { toRoom } from "../conference-core/present";
import { listRooms } from "../conference-core/rooms.queries";
import { authorize, requireActor } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/openapi-responses";
import {
  addEventManager,
  createEvent,
  deleteEventWithContents,
  removeEventManager,
  updateEventDetails,
} from "./events.operations";
import { readEvent, readEventBySlug, readEventList } from "./read";
import { createRoom, removeRoom, updateRoomDetails } from "./rooms.operations";

const tags = ["conference events"];
export const EventParams = z.object({ eventId: Id });
const ManagerParams = z.object({ eventId: Id, userId: Id });
const RoomParams = z.object({ roomId: Id });

/** Events, their managers and the room directory (conferences.md, Event and Rooms). */
export function eventRoutes(deps: Deps): FastifyPluginAsyncZod {
  async function managers(eventId: string) {
    const rows = await listEventManagers(deps.db, eventId);
    return { managers: rows.map((r) => ({ userId: r.user_id, name: r.name, email: r.email })) };
  }

  return async (app) => {
    app.get(
      "/api/v1/events",
      {
        schema: {
          tags,
          summary:
            "Conference events you may see: published ones and those you manage (admins: all), searched by title",
          querystring: EventListQuery,
          response: { 200: EventList, ...errorResponses(400) },
        },
      },
      async (req) => readEventList(deps.db, req.actor, req.query, deps.clock.now().toISOString()),
    );

    app.get(
      "/api/v1/events/by-slug/:slug",
      {
        schema: {
          tags,
          summary: "The event behind a readable address (/e/<slug>), if you may see it",
          params: z.object({
            slug: z.string().max(SLUG_MAX).regex(SLUG_PATTERN, "must be lower-case words joined by -"),
          }),
          response: { 200: ConferenceEvent, ...errorResponses(400, 404) },
        },
      },
      async (req) => readEventBySlug(deps.db, req.actor, req.params.slug),
    );

    app.post(
      "/api/v1/events",
      {
        schema: {
          tags,
          summary: "Create an event (admins)",
          body: EventCreateInput,
          response: { 201: ConferenceEvent, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const row = await createEvent(deps, req.actor, req.body);
        return reply.status(201).send(await readEvent(deps.db, req.actor, row.id));
      },
    );

    app.get(
      "/api/v1/events/:eventId",
      {
        schema: {
          tags,
          summary: "The event page: public once its timetable is published, else for its managers",
          params: EventParams,
          response: { 200: ConferenceEvent, ...errorResponses(400, 404) },
        },
      },
      async (req) => readEvent(deps.db, req.actor, req.params.eventId),
    );

    app.patch(
      "/api/v1/events/:eventId",
      {
        schema: {
          tags,
          summary: "Edit the event (its managers); new dates must still hold the whole timetable",
          params: EventParams,
          body: EventUpdateInput,
          response: { 200: ConferenceEvent, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateEventDetails(deps, req.actor, req.params.eventId, req.body);
        return readEvent(deps.db, req.actor, req.params.eventId);
      },
    );

    app.delete(
      "/api/v1/events/:eventId",
      {
        schema: {
          tags,
          summary: "Delete the event with everything in it (admins)",
          params: EventParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await deleteEventWithContents(deps, req.actor, req.params.eventId);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/v1/events/:eventId/managers",
      {
        schema: {
          tags,
          summary: "The event's managers",
          params: EventParams,
          response: { 200: EventManagerList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const { facts } = await loadVisibleEvent(deps.db, req.actor, req.params.eventId);
        authorize(req.actor, "event.manage", facts);
        return managers(req.params.eventId);
      },
    );

    app.post(
      "/api/v1/events/:eventId/managers",
      {
        schema: {
          tags,
          summary: "Add an event manager by the email of an existing account",
          params: EventParams,
          body: ManagerInput,
          response: { 201: EventManagerList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        await addEventManager(deps, req.actor, req.params.eventId, req.body.email);
        return reply.status(201).send(await managers(req.params.eventId));
      },
    );

    app.delete(
      "/api/v1/events/:eventId/managers/:userId",
      {
        schema: {
          tags,
          summary: "Remove an event manager",
          params: ManagerParams,
          response: { 200: EventManagerList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await removeEventManager(deps, req.actor, req.params.eventId, req.params.userId);
        return managers(req.params.eventId);
      },
    );

    app.get(
      "/api/v1/rooms",
      {
        schema: {
          tags: ["rooms"],
          summary: "The room directory (signed-in people: to pick locations)",
          response: { 200: RoomList, ...errorResponses(401) },
        },
      },
      async (req) => {
        authorize(req.actor, "rooms.view", SITE);
        return { rooms: (await listRooms(deps.db)).map(toRoom) };
      },
    );

    app.post(
      "/api/v1/admin/rooms",
      {
        schema: {
          tags: ["rooms"],
          summary: "Add a room to the directory (admins)",
          body: RoomInput,
          response: { 201: Room, ...errorResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        return reply.status(201).send(toRoom(await createRoom(deps, req.actor, req.body)));
      },
    );

    app.patch(
      "/api/v1/admin/rooms/:roomId",
      {
        schema: {
          tags: ["rooms"],
          summary: "Edit a room (admins)",
          params: RoomParams,
          body: RoomUpdateInput,
          response: { 200: Room, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return toRoom(await updateRoomDetails(deps, req.actor, req.params.roomId, req.body));
      },
    );

    app.delete(
      "/api/v1/admin/rooms/:roomId",
      {
        schema: {
          tags: ["rooms"],
          summary: "Remove a room (admins); what used it inherits its location again",
          params: RoomParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await removeRoom(deps, req.actor, req.params.roomId);
        return { ok: true as const };
      },
    );
  };
}
