import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { OutboxDetail, OutboxList, OutboxQuery } from "../../shared/schemas/admin";
import { Id } from "../../shared/schemas/common";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { conflict, notFound } from "../platform/errors";
import { errorResponses } from "../platform/openapi-responses";
import type { OutboxPayloads } from "./kinds";
import { findOutboxRow, listOutbox, type OutboxRow, requeueFailed } from "./queries";
import { withoutSecrets } from "./secrets";

/** An email as admins may read it: secret links masked, whether or not it was sent yet. */
function readableEmail(row: OutboxRow): OutboxPayloads["email"] {
  return withoutSecrets(JSON.parse(row.payload) as OutboxPayloads["email"]);
}

function summarize(row: OutboxRow): string {
  if (row.kind === "email") {
    const m = readableEmail(row);
    return `${m.to}: ${m.subject}`;
  }
  return row.kind;
}

function toItem(row: OutboxRow) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    summary: summarize(row),
    createdAt: row.created_at,
    sentAt: row.sent_at,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
  };
}

/** Admin > Mail and deliveries: what the outbox sent, what it is retrying, what failed. */
export function outboxRoutes(deps: Deps, mailMode: "smtp" | "files"): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/admin/outbox",
      {
        schema: {
          tags: ["admin"],
          summary: "Messages and jobs in the outbox, newest first",
          querystring: OutboxQuery,
          response: { 200: OutboxList, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "mail.read", SITE);
        const { kind, status, limit, offset } = req.query;
        const { rows, total } = await listOutbox(deps.db, { kind, status }, { limit, offset });
        return { items: rows.map(toItem), total, mailMode };
      },
    );

    app.get(
      "/api/v1/admin/outbox/:id",
      {
        schema: {
          tags: ["admin"],
          summary: "One outbox entry; for an email, the message as sent",
          params: z.object({ id: Id }),
          response: { 200: OutboxDetail, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        authorize(req.actor, "mail.read", SITE);
        const row = await findOutboxRow(deps.db, req.params.id);
        if (!row) throw notFound("The outbox entry");
        const m = row.kind === "email" ? readableEmail(row) : null;
        return {
          ...toItem(row),
          email: m ? { to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId } : null,
        };
      },
    );

    app.post(
      "/api/v1/admin/outbox/:id/retry",
      {
        schema: {
          tags: ["admin"],
          summary: "Try a failed delivery again now",
          params: z.object({ id: Id }),
          response: { 200: OutboxDetail.omit({ email: true }), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        authorize(req.actor, "mail.read", SITE);
        const now = deps.clock.now().toISOString();
        const row = await findOutboxRow(deps.db, req.params.id);
        if (!row) throw notFound("The outbox entry");
        // One conditional update: of two admins retrying at once, the second is told it is no longer failed.
        if (row.status !== "failed" || !(await requeueFailed(deps.db, row.id, now))) {
          throw conflict("not_failed", "Only a failed delivery can be retried.");
        }
        return toItem({ ...row, status: "pending", attempts: 0, next_attempt_at: now });
      },
    );
  };
}
