import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { Id } from "../../shared/schemas/common";
import {
  CommunitySession,
  OfferAnswer,
  PlaceOffer,
  RegisterInput,
  WaitlistList,
  WaitlistMoveInput,
  WaitlistOfferResult,
  WaitlistSettings,
} from "../../shared/schemas/community-sessions";
import { requireActor } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/openapi-responses";
import { readSession } from "./read";
import {
  acceptMyOffer,
  answerOfferByToken,
  joinWaitlist,
  leaveWaitlist,
  moveWaitlistEntry,
  offerFromWaitlist,
  readOffer,
  readWaitlist,
  readWaitlistSettingsAs,
  registerFromWaitlist,
  removeFromWaitlist,
  updateWaitlistSettings,
} from "./waitlist.operations";

const tags = ["community waitlists"];
const SessionParams = z.object({ id: Id });
const EntryParams = z.object({ id: Id, entryId: Id });
// The offer link's token: 32 random bytes, base64url.
const OfferParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "must be the token from the offer email's link")
    .describe("the token from the offer email's link"),
});

/** Role-aware waitlists of community sessions (issue #15): members join and answer offers; managers run the lines. */
export function waitlistRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      "/api/v1/community/sessions/:id/waitlist",
      {
        schema: {
          tags,
          summary: "Join a full role's waitlist (you are emailed your place in line, then an offer when one frees)",
          params: SessionParams,
          body: RegisterInput,
          response: { 201: CommunitySession, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        requireActor(req.actor);
        await joinWaitlist(deps, req.actor, req.params.id, req.body);
        return reply.status(201).send(await readSession(deps, req.actor, req.params.id));
      },
    );

    app.delete(
      "/api/v1/community/sessions/:id/waitlist/me",
      {
        schema: {
          tags,
          summary: "Leave the waitlist, or decline the place offered to you (it goes to the next in line)",
          params: SessionParams,
          response: { 200: CommunitySession, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await leaveWaitlist(deps, req.actor, req.params.id);
        return readSession(deps, req.actor, req.params.id);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/waitlist/me/accept",
      {
        schema: {
          tags,
          summary: "Accept the place offered to you: you are registered",
          params: SessionParams,
          response: { 200: CommunitySession, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await acceptMyOffer(deps, req.actor, req.params.id);
        return readSession(deps, req.actor, req.params.id);
      },
    );

    app.get(
      "/api/v1/community/offers/:token",
      {
        schema: {
          tags,
          summary: "A place offered from a waitlist, by the offer email's link (no sign-in needed)",
          params: OfferParams,
          response: { 200: PlaceOffer, ...errorResponses(400, 404) },
        },
      },
      async (req) => readOffer(deps, req.params.token, req.actor),
    );

    for (const answer of ["accept", "decline"] as const)
      app.post(
        `/api/v1/community/offers/:token/${answer}`,
        {
          schema: {
            tags,
            summary:
              answer === "accept"
                ? "Accept the offered place by the email's link: its recipient is registered"
                : "Decline the offered place by the email's link: it goes to the next in line",
            params: OfferParams,
            response: { 200: OfferAnswer, ...errorResponses(400, 403, 404, 409) },
          },
        },
        async (req) => answerOfferByToken(deps, req.params.token, answer),
      );

    app.get(
      "/api/v1/community/sessions/:id/waitlist",
      {
        schema: {
          tags,
          summary: "Each role's waitlist in line order, offers first (the session's managers)",
          params: SessionParams,
          response: { 200: WaitlistList, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => readWaitlist(deps, req.actor, req.params.id),
    );

    app.post(
      "/api/v1/community/sessions/:id/waitlist/:entryId/move",
      {
        schema: {
          tags,
          summary: "Move someone up, down or to the front of their role's line",
          params: EntryParams,
          body: WaitlistMoveInput,
          response: { 200: WaitlistList, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await moveWaitlistEntry(deps, req.actor, req.params.id, req.params.entryId, req.body.direction);
        return readWaitlist(deps, req.actor, req.params.id);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/waitlist/:entryId/offer",
      {
        schema: {
          tags,
          summary: "Offer someone a place: to the front of their line, offered now if a place is free",
          params: EntryParams,
          response: { 200: WaitlistOfferResult, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        return offerFromWaitlist(deps, req.actor, req.params.id, req.params.entryId);
      },
    );

    app.post(
      "/api/v1/community/sessions/:id/waitlist/:entryId/register",
      {
        schema: {
          tags,
          summary: "Register someone from the waitlist at once (their role needs a free place)",
          params: EntryParams,
          response: { 200: WaitlistList, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await registerFromWaitlist(deps, req.actor, req.params.id, req.params.entryId);
        return readWaitlist(deps, req.actor, req.params.id);
      },
    );

    app.delete(
      "/api/v1/community/sessions/:id/waitlist/:entryId",
      {
        schema: {
          tags,
          summary: "Take someone off the waitlist (they are told; a place offered to them passes on)",
          params: EntryParams,
          response: { 200: WaitlistList, ...errorResponses(401, 403, 404) },
        },
      },
      async (req) => {
        requireActor(req.actor);
        await removeFromWaitlist(deps, req.actor, req.params.id, req.params.entryId);
        return readWaitlist(deps, req.actor, req.params.id);
      },
    );

    app.get(
      "/api/v1/admin/settings/waitlists",
      {
        schema: {
          tags: ["settings"],
          summary: "Waitlist settings (admins): the hold, offer or promote, the no-show rule",
          response: { 200: WaitlistSettings, ...errorResponses(401, 403) },
        },
      },
      async (req) => readWaitlistSettingsAs(deps, req.actor),
    );

    app.put(
      "/api/v1/admin/settings/waitlists",
      {
        schema: {
          tags: ["settings"],
          summary: "Change the waitlist settings (admins)",
          body: WaitlistSettings.partial().strict(),
          response: { 200: WaitlistSettings, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => updateWaitlistSettings(deps, req.actor, req.body),
    );
  };
}
