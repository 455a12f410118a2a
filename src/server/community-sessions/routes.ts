import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id, Ok } from "../../shared/schemas/common";
import {
  AddParticipantInput,
  AdminListQuery,
  AdminSessionList,
  AttendanceHistory,
  CommunitySession,
  InvitationSent,
  MemberListQuery,
  MoveInput,
  MyRegistrationList,
  ParticipantList,
  RegisterInput,
  ReminderSettings,
  SessionCardList,
  SessionCreateInput,
  SessionUpdateInput,
  StatusInput,
  UpdateParticipantInput,
  WrapUpInput,
} from "../../shared/schemas/community-sessions";
import { requireActor } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { cachedList } from "../platform/list-cache";
import { errorResponses } from "../platform/openapi-responses";
import { addParticipantByEmail } from "./invitations.operations";
import {
  cancelOwnRegistration,
  moveCommunityPresenter,
  registerForCommunitySession,
  removeCommunityParticipant,
  updateCommunityParticipant,
} from "./participants.operations";
import {
  readAdminSessionList,
  readMyRegistrations,
  readParticipant,
  readParticipants,
  readParticipantsAfterChange,
  readPublishedCards,
  readSession,
} from "./read";
import { readReminderSettingsAs, updateReminderSettings } from "./reminders.operations";
import {
  changeCommunitySessionStatus,
  createCommunitySession,
  deleteCommunitySession,
  updateCommunitySession,
} from "./sessions.operations";
import { readAttendance, wrapUpSession } from "./wrap-up.operations";

const tags = ["community sessions"];
const SessionParams = z.object({ id: Id });
const ParticipantParams = z.object({ id: Id, participantId: Id });

/** Community sessions (community.md): member lists, the session page, the editor and its Participants tab. */
export function communitySessionRoutes(deps: Deps): FastifyPluginAsyncZod {
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
        // Validated against the schema once, when the cached text is made.
        const body = await cachedList(key, deps.clock.now().getTime(), async () =>
          JSON.stringify(SessionCardList.parse(await readPublishedCards(deps, req.query))),
        );
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
      async (req) => readSession(deps, req.actor, req.params.id),
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
      async (req) => readAdminSessionList(deps, req.actor, req.query),
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
        return reply.status(201).send(await readSession(deps, req.actor, row.id));
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
        return readSession(deps, req.actor, req.params.id);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/status",
      {
        schema: {
          tags,
          summary: "Open, close, reopen or cancel (cancel emails every active participant)",
          description:
            "Reopening a Cancelled session that still has active participants needs `participants`: `restore` registers them again (each gets Session Back On with a calendar REQUEST), `release` cancels their registrations (each gets Place Released). Without it the answer is 400 naming the field.",
          params: SessionParams,
          body: StatusInput,
          response: { 200: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await changeCommunitySessionStatus(deps, req.actor, req.params.id, req.body.action, req.body.participants);
        return readSession(deps, req.actor, req.params.id);
      },
    );

    app.delete(
      "/api/v1/community/sessions/:id",
      {
        schema: {
          tags,
          summary: "Delete the session and all its participant records (active participants get Session Cancelled)",
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
          description:
            "201: registered. 202: the no-show rule sent the registration to the role's waitlist (myWaitlist says where, and why).",
          params: SessionParams,
          body: RegisterInput,
          response: { 201: CommunitySession, 202: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        const waitlisted = await registerForCommunitySession(deps, req.actor, req.params.id, req.body);
        return reply.status(waitlisted ? 202 : 201).send(await readSession(deps, req.actor, req.params.id));
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
        return readSession(deps, req.actor, req.params.id);
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
        return readParticipants(deps, req.actor, req.params.id);
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
        return reply.status(201).send(await readParticipant(deps, req.params.id, result.added));
      },
    );

    app.patch(
      "/api/v1/community/sessions/:id/participants/:participantId",
      {
        schema: {
          tags,
          summary: "Change role, participant status or a presenter's talk",
          description:
            "A role change emails Role Changed. Setting the status to Cancelled frees the slot and emails Registration Cancelled with a calendar CANCEL; setting a cancelled registration active again emails Registration confirmed with a calendar REQUEST; other status changes are record-keeping (no email).",
          params: ParticipantParams,
          body: UpdateParticipantInput,
          response: { 200: ParticipantList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await updateCommunityParticipant(deps, req.actor, req.params.id, req.params.participantId, req.body);
        return readParticipantsAfterChange(deps, req.params.id);
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
        return readParticipantsAfterChange(deps, req.params.id);
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
        return readParticipantsAfterChange(deps, req.params.id);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/wrap-up",
      {
        schema: {
          tags,
          summary: "After the session: attendance, recording and notes; the first time, the attendees' follow-up",
          description:
            "For those who manage the session and its host, once it has ended (409 `not_ended` before, `not_held` for a Draft or Cancelled one). Attendance is set for the participants listed; a cancelled registration is refused at its field.",
          params: SessionParams,
          body: WrapUpInput,
          response: { 200: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await wrapUpSession(deps, req.actor, req.params.id, req.body);
        return readSession(deps, req.actor, req.params.id);
      },
    );

    app.get(
      "/api/v1/me/community/attendance",
      {
        schema: {
          tags,
          summary: "Your attendance: the sessions you attended and those you missed",
          response: { 200: AttendanceHistory, ...errorResponses(401) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return readAttendance(deps, req.actor, req.actor.id);
      },
    );

    app.get(
      "/api/v1/admin/users/:id/attendance",
      {
        schema: {
          tags,
          summary: "A member's attendance (admins)",
          params: z.object({ id: Id }),
          response: { 200: AttendanceHistory, ...errorResponses(401, 403) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return readAttendance(deps, req.actor, req.params.id);
      },
    );

    app.get(
      "/api/v1/admin/settings/reminders",
      {
        schema: {
          tags: ["settings"],
          summary: "Reminder times before community sessions (admins): minutes before the start",
          response: { 200: ReminderSettings, ...errorResponses(401, 403) },
        },
      },
      async (req) => readReminderSettingsAs(deps, req.actor),
    );

    app.put(
      "/api/v1/admin/settings/reminders",
      {
        schema: {
          tags: ["settings"],
          summary: "Change the reminder times (admins); every session ahead that will take place follows them",
          body: ReminderSettings.partial().strict(),
          response: { 200: ReminderSettings, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => updateReminderSettings(deps, req.actor, req.body),
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
        return readMyRegistrations(deps, req.actor);
      },
    );
  };
}
