import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../shared/schemas/common";
import { loadVisibleEvent, loadVisibleSession } from "../conference-core/access";
import { authorize } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { buildIcs } from "../platform/ics";
import { errorResponses } from "../platform/openapi-responses";
import { loadTimetableData, loadVisibleTimetableData } from "../timetable/read";
import { conferenceEntries } from "./conference-ics";
import { toCsv } from "./csv";
import { buildFrabSchedule, FRAB_GRANULARITIES } from "./frab";
import { frabScheduleXml } from "./frab-xml";
import { SESSION_COLUMNS, sessionRows } from "./sessions";
import { toXlsx } from "./xlsx";

const tags = ["exports"];
const EventParams = z.object({ eventId: Id });
const SessionParams = z.object({ eventId: Id, sessionId: Id });
const ICS = "text/calendar; charset=utf-8";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Convene's version in `generator` of frab exports. */
const VERSION = "0.1.0";

const file = (what: string) => z.any().describe(what);
const FrabQuery = z.object({
  events: z
    .enum(FRAB_GRANULARITIES)
    .default("talks")
    .describe(
      "talks: one frab event per contribution in a block (its session as the track), per block without contributions and per poster block; blocks: one frab event per block occurrence",
    ),
});
type FrabQuery = z.infer<typeof FrabQuery>;

/**
 * Exports of a conference (conferences.md, Exports; indico.md §5.5–5.6; peers.md §3): ICS of the event and of one
 * session, the sessions list as CSV and XLSX, and frab `schedule.json`. The timetable JSON is
 * GET /api/v1/events/:eventId/timetable. Each holds only what the caller may see.
 */
export function exportRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/events/:eventId/calendar.ics",
      {
        schema: {
          tags,
          summary:
            "The event as iCalendar: one entry per session block and per top-level contribution, in the event's zone (TZID), with stable UIDs",
          params: EventParams,
          produces: [ICS],
          response: { 200: file("text/calendar"), ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const { event, facts } = await loadVisibleEvent(deps.db, req.actor, req.params.eventId);
        const data = await loadVisibleTimetableData(deps.db, req.actor, event, facts);
        return reply
          .type(ICS)
          .header("content-disposition", `attachment; filename="event-${event.id}.ics"`)
          .header("cache-control", "private, max-age=60")
          .send(
            buildIcs(conferenceEntries(data, deps.config.baseUrl), { name: event.title, timeZone: event.time_zone }),
          );
      },
    );

    app.get(
      "/api/v1/events/:eventId/sessions/:sessionId/calendar.ics",
      {
        schema: {
          tags,
          summary: "One session as iCalendar: one entry per block (the same UIDs as the event's calendar)",
          params: SessionParams,
          produces: [ICS],
          response: { 200: file("text/calendar"), ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const { event, facts, session } = await loadVisibleSession(
          deps.db,
          req.actor,
          req.params.eventId,
          req.params.sessionId,
        );
        const data = await loadVisibleTimetableData(deps.db, req.actor, event, facts);
        const blockIds = new Set(data.blocks.filter((b) => b.session_id === session.id).map((b) => b.id));
        const entries = conferenceEntries(data, deps.config.baseUrl, { blockIds, contributionIds: new Set() });
        return reply
          .type(ICS)
          .header("content-disposition", `attachment; filename="session-${session.id}.ics"`)
          .header("cache-control", "private, max-age=60")
          .send(buildIcs(entries, { name: `${event.title}: ${session.title}`, timeZone: event.time_zone }));
      },
    );

    async function sessionsSheet(actor: Parameters<typeof loadVisibleEvent>[1], eventId: string) {
      const { event, facts } = await loadVisibleEvent(deps.db, actor, eventId);
      authorize(actor, "event.manage", facts);
      return { event, rows: sessionRows(await loadTimetableData(deps.db, event)) };
    }

    app.get(
      "/api/v1/events/:eventId/sessions.csv",
      {
        schema: {
          tags,
          summary:
            "The sessions list as CSV (event managers): ID, Title, Description, Type, Code, Blocks, Block times, Time zone (of the block times, an IANA name); UTF-8 with BOM",
          params: EventParams,
          produces: ["text/csv"],
          response: { 200: file("text/csv"), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { event, rows } = await sessionsSheet(req.actor, req.params.eventId);
        return reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", `attachment; filename="sessions-${event.id}.csv"`)
          .header("cache-control", "private, no-cache")
          .send(toCsv([[...SESSION_COLUMNS], ...rows]));
      },
    );

    app.get(
      "/api/v1/events/:eventId/sessions.xlsx",
      {
        schema: {
          tags,
          summary: "The sessions list as an Excel workbook (event managers), the same columns as the CSV",
          params: EventParams,
          produces: [XLSX],
          response: { 200: file("XLSX workbook"), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { event, rows } = await sessionsSheet(req.actor, req.params.eventId);
        const body = await toXlsx("Sessions", SESSION_COLUMNS, rows, [38, 40, 60, 20, 10, 8, 50, 18]);
        return reply
          .type(XLSX)
          .header("content-disposition", `attachment; filename="sessions-${event.id}.xlsx"`)
          .header("cache-control", "private, no-cache")
          .send(body);
      },
    );

    async function frabSchedule(actor: Parameters<typeof loadVisibleEvent>[1], eventId: string, query: FrabQuery) {
      const { event, facts } = await loadVisibleEvent(deps.db, actor, eventId);
      const data = await loadVisibleTimetableData(deps.db, actor, event, facts);
      return buildFrabSchedule(data, { baseUrl: deps.config.baseUrl, version: VERSION, granularity: query.events });
    }

    app.get(
      "/api/v1/events/:eventId/schedule.json",
      {
        schema: {
          tags,
          summary:
            "frab schedule.json (v1, the c3voc schema): one event per talk (or per block) and top-level contribution, by day and room; stable guids, times with offsets, nothing private",
          params: EventParams,
          querystring: FrabQuery,
          produces: ["application/json"],
          response: { 200: file("a frab schedule.json document"), ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const schedule = await frabSchedule(req.actor, req.params.eventId, req.query);
        return reply
          .type("application/json; charset=utf-8")
          .header("cache-control", "private, max-age=60")
          .send(JSON.stringify(schedule));
      },
    );

    app.get(
      "/api/v1/events/:eventId/schedule.xml",
      {
        schema: {
          tags,
          summary:
            "frab schedule.xml (the published XSD; read by Giggity, ConfClerk, EventFahrplan and the c3voc tools): the same schedule as schedule.json",
          params: EventParams,
          querystring: FrabQuery,
          produces: ["application/xml"],
          response: { 200: file("a frab schedule.xml document"), ...errorResponses(400, 404) },
        },
      },
      async (req, reply) => {
        const schedule = await frabSchedule(req.actor, req.params.eventId, req.query);
        return reply
          .type("application/xml; charset=utf-8")
          .header("cache-control", "private, max-age=60")
          .send(frabScheduleXml(schedule));
      },
    );
  };
}
