import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Ok } from "../../shared/schemas/common";
import {
  Contribution,
  ContributionCreateInput,
  ContributionList,
  ContributionListQuery,
  ContributionUpdateInput,
  ScheduleInput,
} from "../../shared/schemas/conference-contributions";
import { loadVisibleEvent, mayViewContribution } from "../conference-core/access";
import { findContribution } from "../conference-core/contributions.queries";
import type { ContributionRow } from "../conference-core/rows";
import type { Actor } from "../permissions/actor";
import { authorize, requireActor } from "../permissions/authorize";
import { can } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { errorResponses } from "../platform/openapi-responses";
import { scheduleContribution, unscheduleContribution } from "../timetable/scheduling.operations";
import { createContribution, removeContribution, updateContributionDetails } from "./contributions.operations";
import { readContribution, readContributionList } from "./read";

const tags = ["contributions"];
const EventParams = z.object({ eventId: Id });
const ContributionParams = z.object({ eventId: Id, contributionId: Id });

/** Contributions: the managers' Contributions page, editing, scheduling (conferences.md, Contributions). */
export function contributionRoutes(deps: Deps): FastifyPluginAsyncZod {
  async function dto(actor: Actor | null, eventId: string, row: ContributionRow, notices: string[] = []) {
    const { event, facts } = await loadVisibleEvent(deps.db, actor, eventId);
    return readContribution(deps.db, event, row, can(actor, "event.manage", facts), notices);
  }

  return async (app) => {
    app.get(
      "/api/v1/events/:eventId/contributions",
      {
        schema: {
          tags,
          summary: "The Contributions page (managers): filter by scheduled or not and by session, search titles",
          params: EventParams,
          querystring: ContributionListQuery,
          response: { 200: ContributionList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const { event, facts } = await loadVisibleEvent(deps.db, req.actor, req.params.eventId);
        authorize(req.actor, "event.manage", facts);
        const q = req.query;
        return readContributionList(deps.db, event, {
          scheduled: q.scheduled === undefined ? undefined : q.scheduled === "yes",
          sessionId: q.sessionId === "none" ? null : q.sessionId,
          titleSearch: q.q,
          limit: q.limit,
          offset: q.offset,
        });
      },
    );

    app.post(
      "/api/v1/events/:eventId/contributions",
      {
        schema: {
          tags,
          summary: "New contribution, optionally scheduled at once into a block of its session",
          params: EventParams,
          body: ContributionCreateInput,
          response: { 201: Contribution, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const { row, notices } = await createContribution(deps, req.actor, req.params.eventId, req.body);
        return reply.status(201).send(await dto(req.actor, req.params.eventId, row, notices));
      },
    );

    app.get(
      "/api/v1/events/:eventId/contributions/:contributionId",
      {
        schema: {
          tags,
          summary:
            "One contribution: public once the timetable is published, unless its session is protected (then its access list, managers and coordinators)",
          params: ContributionParams,
          response: { 200: Contribution, ...errorResponses(400, 404) },
        },
      },
      async (req) => {
        const { event, facts } = await loadVisibleEvent(deps.db, req.actor, req.params.eventId);
        const row = await findContribution(deps.db, req.params.contributionId);
        if (!row || row.event_id !== req.params.eventId) throw notFound("The contribution");
        if (!(await mayViewContribution(deps.db, event, facts, req.actor, row))) throw notFound("The contribution");
        return dto(req.actor, req.params.eventId, row);
      },
    );

    app.patch(
      "/api/v1/events/:eventId/contributions/:contributionId",
      {
        schema: {
          tags,
          summary: "Edit a contribution; another session unschedules it, a new duration may grow its block",
          params: ContributionParams,
          body: ContributionUpdateInput,
          response: { 200: Contribution, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const { row, notices } = await updateContributionDetails(
          deps,
          req.actor,
          req.params.eventId,
          req.params.contributionId,
          req.body,
        );
        return dto(req.actor, req.params.eventId, row, notices);
      },
    );

    app.delete(
      "/api/v1/events/:eventId/contributions/:contributionId",
      {
        schema: {
          tags,
          summary: "Delete a contribution",
          params: ContributionParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await removeContribution(deps, req.actor, req.params.eventId, req.params.contributionId);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/events/:eventId/contributions/:contributionId/schedule",
      {
        schema: {
          tags,
          summary:
            "Schedule or move a contribution: into a block of its own session, or at top level when it has none; the block grows to hold it",
          params: ContributionParams,
          body: ScheduleInput,
          response: { 200: Contribution, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const { row, notices } = await scheduleContribution(
          deps,
          req.actor,
          req.params.eventId,
          req.params.contributionId,
          req.body,
        );
        return dto(req.actor, req.params.eventId, row, notices);
      },
    );

    app.post(
      "/api/v1/events/:eventId/contributions/:contributionId/unschedule",
      {
        schema: {
          tags,
          summary: "Take a contribution out of the timetable; it keeps its session",
          params: ContributionParams,
          response: { 200: Contribution, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const row = await unscheduleContribution(deps, req.actor, req.params.eventId, req.params.contributionId);
        return dto(req.actor, req.params.eventId, row);
      },
    );
  };
}
