import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Ok } from "../../shared/schemas/common";
import {
  BlockCreateInput,
  BlockDeleted,
  BlockMoveInput,
  BlockUpdateInput,
  Break,
  BreakCreateInput,
  BreakUpdateInput,
  EventTimetable,
  ParallelOrderInput,
  RescheduleInput,
  RescheduleResult,
  SessionBlock,
} from "../../shared/schemas/timetable";
import { findEvent } from "../conference-core/events.queries";
import { toBreak } from "../conference-core/present";
import { requireActor } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/openapi-responses";
import {
  createBlock,
  deleteBlockAndUnschedule,
  fitBlock,
  moveBlockWithContents,
  updateBlockDetails,
} from "./blocks.operations";
import { createBreak, deleteBreakEntry, updateBreakDetails } from "./breaks.operations";
import { readBlock, readEventTimetable } from "./read";
import { rescheduleEntries, setParallelOrder } from "./reschedule.operations";

const tags = ["timetable"];
const EventParams = z.object({ eventId: Id });
const SessionParams = z.object({ eventId: Id, sessionId: Id });
const BlockParams = z.object({ eventId: Id, blockId: Id });
const BreakParams = z.object({ eventId: Id, breakId: Id });

/** The event timetable, blocks, breaks and reschedule (conferences.md, "Session blocks and the timetable"). */
export function timetableRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/events/:eventId/timetable",
      {
        schema: {
          tags,
          summary:
            "The event timetable as JSON (also the timetable export): days in the event's zone, parallel blocks side by side, session colours, conveners, materials, posters, double-booked rooms; only what the caller may see",
          params: EventParams,
          response: { 200: EventTimetable, ...errorResponses(400, 404) },
        },
        // A 2,000-contribution timetable is about 1 MB: validating it on every request costs a fifth of the
        // request. The schema still documents the route, and routes.test.ts checks answers against it.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (req) => readEventTimetable(deps.db, req.actor, req.params.eventId),
    );

    app.post(
      "/api/v1/events/:eventId/sessions/:sessionId/blocks",
      {
        schema: {
          tags,
          summary: "New block of a session: inside the event and one local day, 60 minutes unless said otherwise",
          params: SessionParams,
          body: BlockCreateInput,
          response: { 201: SessionBlock, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const row = await createBlock(deps, req.actor, req.params.eventId, req.params.sessionId, req.body);
        return reply.status(201).send(await readBlock(deps.db, req.actor, row.id));
      },
    );

    app.patch(
      "/api/v1/events/:eventId/blocks/:blockId",
      {
        schema: {
          tags,
          summary:
            "Edit a block: a new start moves it with its contents, a new duration cannot cut them off; conveners are replaced",
          params: BlockParams,
          body: BlockUpdateInput,
          response: { 200: SessionBlock, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateBlockDetails(deps, req.actor, req.params.eventId, req.params.blockId, req.body);
        return readBlock(deps.db, req.actor, req.params.blockId);
      },
    );

    app.post(
      "/api/v1/events/:eventId/blocks/:blockId/move",
      {
        schema: {
          tags,
          summary: "Move a block with its contents: to a new start, or to another day at the same wall-clock time",
          params: BlockParams,
          body: BlockMoveInput,
          response: { 200: SessionBlock, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await moveBlockWithContents(deps, req.actor, req.params.eventId, req.params.blockId, req.body);
        return readBlock(deps.db, req.actor, req.params.blockId);
      },
    );

    app.post(
      "/api/v1/events/:eventId/blocks/:blockId/fit",
      {
        schema: {
          tags,
          summary: "Fit to content: the block shrinks to its entries (not for poster blocks)",
          params: BlockParams,
          response: { 200: SessionBlock, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await fitBlock(deps, req.actor, req.params.eventId, req.params.blockId);
        return readBlock(deps.db, req.actor, req.params.blockId);
      },
    );

    app.delete(
      "/api/v1/events/:eventId/blocks/:blockId",
      {
        schema: {
          tags,
          summary: "Delete a block: its contributions are unscheduled (they keep their session), its breaks go",
          params: BlockParams,
          response: { 200: BlockDeleted, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const result = await deleteBlockAndUnschedule(deps, req.actor, req.params.eventId, req.params.blockId);
        return { ok: true as const, ...result };
      },
    );

    app.post(
      "/api/v1/events/:eventId/breaks",
      {
        schema: {
          tags,
          summary: "New break at top level or in a block that is not a poster block (20 minutes unless said otherwise)",
          params: EventParams,
          body: BreakCreateInput,
          response: { 201: Break, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const { row, notices } = await createBreak(deps, req.actor, req.params.eventId, req.body);
        return reply.status(201).send(toBreak(row, await zoneOf(req.params.eventId), notices));
      },
    );

    app.patch(
      "/api/v1/events/:eventId/breaks/:breakId",
      {
        schema: {
          tags,
          summary: "Edit a break: title, colours, time, or move it into a block or to top level",
          params: BreakParams,
          body: BreakUpdateInput,
          response: { 200: Break, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const { row, notices } = await updateBreakDetails(
          deps,
          req.actor,
          req.params.eventId,
          req.params.breakId,
          req.body,
        );
        return toBreak(row, await zoneOf(req.params.eventId), notices);
      },
    );

    app.delete(
      "/api/v1/events/:eventId/breaks/:breakId",
      {
        schema: {
          tags,
          summary: "Delete a break",
          params: BreakParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await deleteBreakEntry(deps, req.actor, req.params.eventId, req.params.breakId);
        return { ok: true as const };
      },
    );

    app.put(
      "/api/v1/events/:eventId/timetable/parallel-order",
      {
        schema: {
          tags,
          summary:
            "Order of parallel blocks, left to right: the blocks listed get display orders 0, 1, 2… in one transaction",
          params: EventParams,
          body: ParallelOrderInput,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await setParallelOrder(deps, req.actor, req.params.eventId, req.body.blockIds);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/events/:eventId/timetable/reschedule",
      {
        schema: {
          tags,
          summary:
            "Reschedule: compact a block, a day's top level, or a session's blocks on a day, with a gap, by start times or durations",
          params: EventParams,
          body: RescheduleInput,
          response: { 200: RescheduleResult, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return rescheduleEntries(deps, req.actor, req.params.eventId, req.body);
      },
    );

    async function zoneOf(eventId: string): Promise<string> {
      return (await findEvent(deps.db, eventId))?.time_zone ?? "UTC";
    }
  };
}
