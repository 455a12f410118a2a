import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Ok } from "../../shared/schemas/common";
import {
  AddParticipantInput,
  AdminListQuery,
  AdminSessionList,
  CommunitySession,
  InvitationSent,
  MemberListQuery,
  MoveInput,
  MyRegistrationList,
  ParticipantList,
  RegisterInput,
  SessionCardList,
  SessionCreateInput,
  SessionUpdateInput,
  StatusInput,
  UpdateParticipantInput,
} from "../../shared/schemas/community-sessions";
import { calendarSyncKey, GOOGLE_SYNC_KIND } from "../calendars/google/sync";
import type { Actor } from "../permissions/actor";
import { authorize, requireActor } from "../permissions/authorize";
import { can } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { errorResponses } from "../platform/request-context";
import { readFeatures } from "../site/settings";
import { cachedList } from "./list-cache";
import {
  addParticipantByEmail,
  assertManager,
  cancelOwnRegistration,
  changeCommunitySessionStatus,
  createCommunitySession,
  deleteCommunitySession,
  moveCommunityPresenter,
  registerForCommunitySession,
  removeCommunityParticipant,
  updateCommunityParticipant,
  updateCommunitySession,
} from "./operations";
import { rosterSort, sessionFacts, toCard, toParticipant, toSessionDto } from "./present";
import {
  countActiveBySession,
  findSession,
  listParticipants,
  listPublishedSessions,
  listRegistrationsOf,
  listSessions,
} from "./queries";

const tags = ["community sessions"];
const SessionParams = z.object({ id: Id });
const ParticipantParams = z.object({ id: Id, participantId: Id });

export function communitySessionRoutes(deps: Deps): FastifyPluginAsyncZod {
  async function loadDto(actor: Actor | null, id: string) {
    const row = await findSession(deps.db, id);
    if (!row) throw notFound("The session");
    const [participants, features] = await Promise.all([listParticipants(deps.db, id), readFeatures(deps.db)]);
    if (!can(actor, "community.session.view", sessionFacts(row, actor, participants, features)))
      throw notFound("The session");
    return toSessionDto(row, participants, actor, features, deps.clock.now());
  }

  async function cards(rows: Awaited<ReturnType<typeof listSessions>>["rows"]) {
    const [counts, features] = await Promise.all([
      countActiveBySession(
        deps.db,
        rows.map((r) => r.id),
      ),
      readFeatures(deps.db),
    ]);
    const now = deps.clock.now();
    const none = { host: 0, presenter: 0, interviewer: 0, guest: 0 };
    return rows.map((r) => toCard(r, counts.get(r.id) ?? none, now, features));
  }

  return async (app) => {
    app.get(
      "/api/v1/community/sessions",
      {
        schema: {
          tags,
          summary: "Sessions members see (never Drafts): upcoming or past, with free roles",
          querystring: MemberListQuery,
          response: { 200: SessionCardList, ...errorResponses(400) },
        },
      },
      async (req, reply) => {
        const key = `${req.query.when}|${req.query.limit}|${req.query.offset}`;
        const body = await cachedList(key, deps.clock.now().getTime(), async () => {
          const rows = await listPublishedSessions(deps.db, {
            when: req.query.when,
            now: deps.clock.now().toISOString(),
            limit: req.query.limit,
            offset: req.query.offset,
          });
          // Validated against the schema once, when the cached text is made.
          return JSON.stringify(SessionCardList.parse({ sessions: await cards(rows) }));
        });
        // Already JSON text: Fastify sends a string as is when the content type is JSON.
        return reply.type("application/json; charset=utf-8").send(body as never);
      },
    );

    app.get(
      "/api/v1/community/sessions/:id",
      {
        schema: {
          tags,
          summary: "One session: details, roster by role, your registration; meeting details only if entitled",
          params: SessionParams,
          response: { 200: CommunitySession, ...errorResponses(400, 404) },
        },
      },
      async (req) => loadDto(req.actor, req.params.id),
    );

    app.get(
      "/api/v1/admin/community/sessions",
      {
        schema: {
          tags,
          summary: "Admin > Sessions: filter by status and time, search by title (members: the sessions they created)",
          querystring: AdminListQuery,
          response: { 200: AdminSessionList, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const features = await readFeatures(deps.db);
        authorize(req.actor, "community.sessions.create", {
          kind: "community",
          allowUserSessionCreation: features.allowUserSessionCreation,
        });
        const { rows, total } = await listSessions(deps.db, {
          visibleOnly: false,
          when: req.query.when,
          now: deps.clock.now().toISOString(),
          status: req.query.status,
          titleSearch: req.query.q,
          createdBy: req.actor.isAdmin ? undefined : req.actor.id,
          limit: req.query.limit,
          offset: req.query.offset,
        });
        const ids = rows.map((r) => r.id);
        const [links, pending] = ids.length
          ? await Promise.all([
              deps.db.selectFrom("calendar_links").selectAll().where("session_id", "in", ids).execute(),
              deps.db
                .selectFrom("outbox")
                .select("coalesce_key")
                .where("kind", "=", GOOGLE_SYNC_KIND)
                .where("status", "=", "pending")
                .where("coalesce_key", "in", ids.map(calendarSyncKey))
                .execute(),
            ])
          : [[], []];
        const linkOf = new Map(links.map((l) => [l.session_id, l]));
        const pendingKeys = new Set(pending.map((p) => p.coalesce_key));
        const sessions = (await cards(rows)).map((card) => {
          const link = linkOf.get(card.id);
          const isPending = pendingKeys.has(calendarSyncKey(card.id));
          const calendarSync = link?.last_error
            ? { state: "error" as const, error: link.last_error, at: link.last_error_at }
            : isPending
              ? { state: "pending" as const, error: null, at: null }
              : link
                ? { state: "synced" as const, error: null, at: link.synced_at }
                : null;
          return { ...card, calendarSync };
        });
        return { sessions, total };
      },
    );

    app.post(
      "/api/v1/community/sessions",
      {
        schema: {
          tags,
          summary: "New Session (created in Draft with the seed's defaults)",
          body: SessionCreateInput,
          response: { 201: CommunitySession, ...errorResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const row = await createCommunitySession(deps, req.actor, req.body);
        return reply.status(201).send(await loadDto(req.actor, row.id));
      },
    );

    app.patch(
      "/api/v1/community/sessions/:id",
      {
        schema: {
          tags,
          summary: "Autosave of the session's details; send the version you edited",
          params: SessionParams,
          body: SessionUpdateInput,
          response: { 200: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateCommunitySession(deps, req.actor, req.params.id, req.body);
        return loadDto(req.actor, req.params.id);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/status",
      {
        schema: {
          tags,
          summary: "Open, close, reopen or cancel (cancel emails every active participant)",
          params: SessionParams,
          body: StatusInput,
          response: { 200: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await changeCommunitySessionStatus(deps, req.actor, req.params.id, req.body.action);
        return loadDto(req.actor, req.params.id);
      },
    );

    app.delete(
      "/api/v1/community/sessions/:id",
      {
        schema: {
          tags,
          summary: "Delete the session and all its participant records",
          params: SessionParams,
          response: { 200: Ok, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await deleteCommunitySession(deps, req.actor, req.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/registrations",
      {
        schema: {
          tags,
          summary: "Register yourself in a role",
          params: SessionParams,
          body: RegisterInput,
          response: { 201: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        await registerForCommunitySession(deps, req.actor, req.params.id, req.body);
        return reply.status(201).send(await loadDto(req.actor, req.params.id));
      },
    );

    app.delete(
      "/api/v1/community/sessions/:id/registrations/me",
      {
        schema: {
          tags,
          summary: "Cancel your own registration (until the session starts)",
          params: SessionParams,
          response: { 200: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await cancelOwnRegistration(deps, req.actor, req.params.id);
        return loadDto(req.actor, req.params.id);
      },
    );

    app.get(
      "/api/v1/community/sessions/:id/participants",
      {
        schema: {
          tags,
          summary:
            "Participants tab: every registration, grouped Host, Presenters, Interviewer, Guests, then Cancelled",
          params: SessionParams,
          response: { 200: ParticipantList, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const row = await findSession(deps.db, req.params.id);
        if (!row) throw notFound("The session");
        const [participants, features] = await Promise.all([listParticipants(deps.db, row.id), readFeatures(deps.db)]);
        assertManager(req.actor, row, participants, features);
        const active = rosterSort(participants.filter((p) => p.status !== "cancelled"));
        const cancelled = participants.filter((p) => p.status === "cancelled");
        return { participants: [...active, ...cancelled].map(toParticipant) };
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/participants",
      {
        schema: {
          tags,
          summary: "Add a participant by email (admins), or invite a member to register (members)",
          description:
            "Admins add the person at once (201); an unknown email gets an account and an invitation to set its password. Members managing their own session only invite (202, the same answer whether or not the address has an account): a member with an account is emailed an invitation to register; nobody else is emailed. Member invitations are limited per hour (429).",
          params: SessionParams,
          body: AddParticipantInput,
          response: {
            201: ParticipantList.shape.participants.element,
            202: InvitationSent,
            ...errorResponses(400, 401, 403, 404, 409, 429),
          },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const result = await addParticipantByEmail(deps, req.actor, req.params.id, req.body);
        if (!("added" in result)) return reply.status(202).send({ invited: true as const });
        const p = (await listParticipants(deps.db, req.params.id)).find((x) => x.id === result.added);
        if (!p) throw notFound("The participant");
        return reply.status(201).send(toParticipant(p));
      },
    );

    app.patch(
      "/api/v1/community/sessions/:id/participants/:participantId",
      {
        schema: {
          tags,
          summary: "Change role (emails), participant status (no email) or a presenter's talk",
          params: ParticipantParams,
          body: UpdateParticipantInput,
          response: { 200: ParticipantList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateCommunityParticipant(deps, req.actor, req.params.id, req.params.participantId, req.body);
        return participantsOf(req.params.id);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/participants/:participantId/move",
      {
        schema: {
          tags,
          summary: "Move a presenter one place up or down in the presentation order",
          params: ParticipantParams,
          body: MoveInput,
          response: { 200: ParticipantList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await moveCommunityPresenter(deps, req.actor, req.params.id, req.params.participantId, req.body.direction);
        return participantsOf(req.params.id);
      },
    );

    app.delete(
      "/api/v1/community/sessions/:id/participants/:participantId",
      {
        schema: {
          tags,
          summary: "Remove a participant (Registration Cancelled email; the slot frees)",
          params: ParticipantParams,
          response: { 200: ParticipantList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await removeCommunityParticipant(deps, req.actor, req.params.id, req.params.participantId);
        return participantsOf(req.params.id);
      },
    );

    app.get(
      "/api/v1/me/community/registrations",
      {
        schema: {
          tags,
          summary: "My sessions: your registrations, upcoming and past",
          response: { 200: MyRegistrationList, ...errorResponses(401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        const regs = await listRegistrationsOf(deps.db, req.actor.id);
        const ids = [...new Set(regs.map((r) => r.session_id))];
        const rows = ids.length
          ? await deps.db.selectFrom("community_sessions").selectAll().where("id", "in", ids).execute()
          : [];
        const byId = new Map((await cards(rows)).map((c) => [c.id, c]));
        return {
          registrations: regs.flatMap((r) => {
            const session = byId.get(r.session_id);
            return session ? [{ session, role: r.role, status: r.status }] : [];
          }),
        };
      },
    );

    async function participantsOf(id: string) {
      const participants = await listParticipants(deps.db, id);
      const active = rosterSort(participants.filter((p) => p.status !== "cancelled"));
      return { participants: [...active, ...participants.filter((p) => p.status === "cancelled")].map(toParticipant) };
    }
  };
}
