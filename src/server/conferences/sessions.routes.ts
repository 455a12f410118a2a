import multipart from "@fastify/multipart";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Ok } from "../../shared/schemas/common";
import {
  SessionType,
  SessionTypeInput,
  SessionTypeList,
  SessionTypeUpdateInput,
} from "../../shared/schemas/conference-events";
import {
  ConferenceSessionCreateInput,
  ConferenceSessionList,
  ConferenceSessionUpdateInput,
  FileMaterialForm,
  LinkMaterialInput,
  Material,
  MaterialList,
} from "../../shared/schemas/conference-sessions";
import { ConferenceSession, SessionDeleted, SessionTimetable } from "../../shared/schemas/timetable";
import { loadVisibleEvent, loadVisibleSession } from "../conference-core/access";
import { findMaterial, listMaterialsOfSession } from "../conference-core/materials.queries";
import { toMaterial } from "../conference-core/present";
import { authorize, requireActor } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { AppError } from "../platform/errors";
import { errorResponses } from "../platform/openapi-responses";
import { readConferenceSession, readSessionTimetable } from "../timetable/read";
import { contentDisposition } from "./material-files";
import type { MaterialStorage } from "./material-storage";
import { readMaterialUpload, UPLOAD_LIMITS } from "./material-upload";
import { addLinkMaterial, openMaterialFile, removeMaterial, uploadMaterialFile } from "./materials.operations";
import { readSessionList, readSessionTypes, toSessionType } from "./read";
import { createSessionType, removeSessionType, updateSessionTypeDetails } from "./session-types.operations";
import {
  createConferenceSession,
  deleteConferenceSessionWithBlocks,
  updateConferenceSessionDetails,
} from "./sessions.operations";

const tags = ["conference sessions"];
const EventParams = z.object({ eventId: Id });
const TypeParams = z.object({ eventId: Id, typeId: Id });
const SessionParams = z.object({ eventId: Id, sessionId: Id });
const MaterialParams = z.object({ eventId: Id, materialId: Id });

/** Session types, sessions and their materials (conferences.md, Session types, Sessions, Materials). */
export function sessionRoutes(deps: Deps, storage: MaterialStorage): FastifyPluginAsyncZod {
  return async (app) => {
    // Scoped to these routes: only material uploads accept multipart bodies.
    await app.register(multipart, {
      limits: { fileSize: deps.config.materialsMaxBytes, ...UPLOAD_LIMITS },
    });

    async function requireManager(actor: Parameters<typeof loadVisibleEvent>[1], eventId: string) {
      const { facts } = await loadVisibleEvent(deps.db, actor, eventId);
      authorize(actor, "event.manage", facts);
    }

    // ---------------------------------------------------------------- session types

    app.get(
      "/api/v1/events/:eventId/session-types",
      {
        schema: {
          tags,
          summary: "Settings ▸ Session types: the event's types with how many sessions use each",
          params: EventParams,
          response: { 200: SessionTypeList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await requireManager(req.actor, req.params.eventId);
        return { types: await readSessionTypes(deps.db, req.params.eventId) };
      },
    );

    app.post(
      "/api/v1/events/:eventId/session-types",
      {
        schema: {
          tags,
          summary: "New session type: name unique in the event ignoring case, code, Poster",
          params: EventParams,
          body: SessionTypeInput,
          response: { 201: SessionType, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const row = await createSessionType(deps, req.actor, req.params.eventId, req.body);
        return reply.status(201).send(toSessionType({ ...row, sessions_count: 0 }));
      },
    );

    app.patch(
      "/api/v1/events/:eventId/session-types/:typeId",
      {
        schema: {
          tags,
          summary: "Edit a session type; switching Poster on turns its sessions' blocks into poster blocks",
          params: TypeParams,
          body: SessionTypeUpdateInput,
          response: { 200: SessionType, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateSessionTypeDetails(deps, req.actor, req.params.eventId, req.params.typeId, req.body);
        const types = await readSessionTypes(deps.db, req.params.eventId);
        return types.find((t) => t.id === req.params.typeId) as SessionType;
      },
    );

    app.delete(
      "/api/v1/events/:eventId/session-types/:typeId",
      {
        schema: {
          tags,
          summary: "Delete a session type; its sessions remain, without a type",
          params: TypeParams,
          response: {
            200: z.object({ ok: z.literal(true), sessionsUntyped: z.number().int() }),
            ...errorResponses(400, 401, 403, 404),
          },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const sessionsUntyped = await removeSessionType(deps, req.actor, req.params.eventId, req.params.typeId);
        return { ok: true as const, sessionsUntyped };
      },
    );

    // ---------------------------------------------------------------- sessions

    app.get(
      "/api/v1/events/:eventId/sessions",
      {
        schema: {
          tags,
          summary: "The Sessions page (managers): title, type, code, Blocks and Material counts, colours",
          params: EventParams,
          response: { 200: ConferenceSessionList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        await requireManager(req.actor, req.params.eventId);
        return readSessionList(deps.db, req.params.eventId);
      },
    );

    app.post(
      "/api/v1/events/:eventId/sessions",
      {
        schema: {
          tags,
          summary: "Add new session (defaults: the event's contribution duration, an unused colour pair)",
          params: EventParams,
          body: ConferenceSessionCreateInput,
          response: { 201: ConferenceSession, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const row = await createConferenceSession(deps, req.actor, req.params.eventId, req.body);
        return reply.status(201).send(await readConferenceSession(deps.db, req.actor, req.params.eventId, row.id));
      },
    );

    app.get(
      "/api/v1/events/:eventId/sessions/:sessionId",
      {
        schema: {
          tags,
          summary: "The session page: details, blocks with conveners and entries, contributions, materials",
          params: SessionParams,
          response: { 200: ConferenceSession, ...errorResponses(400, 404) },
        },
      },
      async (req) => readConferenceSession(deps.db, req.actor, req.params.eventId, req.params.sessionId),
    );

    app.patch(
      "/api/v1/events/:eventId/sessions/:sessionId",
      {
        schema: {
          tags,
          summary: "Edit a session; { typeId } sets the type with one call and { typeId: null } clears it",
          params: SessionParams,
          body: ConferenceSessionUpdateInput,
          response: { 200: ConferenceSession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateConferenceSessionDetails(deps, req.actor, req.params.eventId, req.params.sessionId, req.body);
        return readConferenceSession(deps.db, req.actor, req.params.eventId, req.params.sessionId);
      },
    );

    app.delete(
      "/api/v1/events/:eventId/sessions/:sessionId",
      {
        schema: {
          tags,
          summary: "Delete a session: its blocks go, its contributions are unscheduled and remain without a session",
          params: SessionParams,
          response: { 200: SessionDeleted, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const result = await deleteConferenceSessionWithBlocks(
          deps,
          req.actor,
          req.params.eventId,
          req.params.sessionId,
        );
        return { ok: true as const, ...result };
      },
    );

    app.get(
      "/api/v1/events/:eventId/sessions/:sessionId/timetable",
      {
        schema: {
          tags,
          summary: "The session timetable (the clock icon): only this session's blocks, day by day",
          params: SessionParams,
          response: { 200: SessionTimetable, ...errorResponses(400, 404) },
        },
      },
      async (req) => readSessionTimetable(deps.db, req.actor, req.params.eventId, req.params.sessionId),
    );

    // ---------------------------------------------------------------- materials

    app.get(
      "/api/v1/events/:eventId/sessions/:sessionId/materials",
      {
        schema: {
          tags: ["materials"],
          summary: "A session's materials (files and links)",
          params: SessionParams,
          response: { 200: MaterialList, ...errorResponses(400, 404) },
        },
      },
      async (req) => {
        await loadVisibleSession(deps.db, req.actor, req.params.eventId, req.params.sessionId);
        const rows = await listMaterialsOfSession(deps.db, req.params.sessionId);
        return { materials: rows.map((m) => toMaterial(req.params.eventId, m)) };
      },
    );

    app.post(
      "/api/v1/events/:eventId/sessions/:sessionId/materials/files",
      {
        schema: {
          tags: ["materials"],
          summary:
            "Upload a file to the session (multipart/form-data, part `file`): documents, slides, images, archives, up to MATERIALS_MAX_BYTES (default 50 MB)",
          consumes: ["multipart/form-data"],
          params: SessionParams,
          body: FileMaterialForm,
          response: { 201: Material, ...errorResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        if (!req.isMultipart()) {
          throw new AppError(
            415,
            "unsupported_media_type",
            "Send the file as multipart/form-data, in a part named file.",
          );
        }
        const upload = await readMaterialUpload(req, deps.config.materialsMaxBytes);
        try {
          const row = await uploadMaterialFile(
            deps,
            storage,
            req.actor,
            req.params.eventId,
            req.params.sessionId,
            upload,
          );
          const material = await findMaterial(deps.db, row.id);
          return reply.status(201).send(toMaterial(req.params.eventId, material ?? { ...row, uploader_name: null }));
        } catch (err) {
          // Refused before reading it: drain the rest of the upload so the connection stays usable.
          upload.discard();
          throw err;
        }
      },
    );

    app.post(
      "/api/v1/events/:eventId/sessions/:sessionId/materials/links",
      {
        schema: {
          tags: ["materials"],
          summary: "Add a link (http or https) to the session",
          params: SessionParams,
          body: LinkMaterialInput,
          response: { 201: Material, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const row = await addLinkMaterial(deps, req.actor, req.params.eventId, req.params.sessionId, req.body);
        const material = await findMaterial(deps.db, row.id);
        return reply.status(201).send(toMaterial(req.params.eventId, material ?? { ...row, uploader_name: null }));
      },
    );

    app.delete(
      "/api/v1/events/:eventId/materials/:materialId",
      {
        schema: {
          tags: ["materials"],
          summary: "Remove a material (its file is deleted from storage after commit)",
          params: MaterialParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await removeMaterial(deps, req.actor, req.params.eventId, req.params.materialId);
        return { ok: true as const };
      },
    );

    app.get(
      "/api/v1/events/:eventId/materials/:materialId/file",
      {
        schema: {
          tags: ["materials"],
          summary: "Download a material file (whoever may see its session; unpublished events: managers only)",
          params: MaterialParams,
          response: {
            200: z.any().describe("the file, with Content-Type, Content-Length and Content-Disposition"),
            ...errorResponses(400, 404),
          },
        },
      },
      async (req, reply) => {
        const { material, stream, sizeBytes } = await openMaterialFile(
          deps,
          storage,
          req.actor,
          req.params.eventId,
          req.params.materialId,
        );
        const type = material.content_type ?? "application/octet-stream";
        return reply
          .header("content-type", type)
          .header("content-length", String(sizeBytes))
          .header("content-disposition", contentDisposition(material.name, type))
          .header("x-content-type-options", "nosniff")
          .header("content-security-policy", "sandbox; default-src 'none'")
          .header("cache-control", "private, no-cache")
          .send(stream);
      },
    );
  };
}
