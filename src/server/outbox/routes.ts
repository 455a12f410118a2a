import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { OutboxDetail, OutboxList, OutboxQuery } from "../../shared/schemas/admin";
import { Id } from "../../shared/schemas/common";
import type { OutboundEmail } from "../mail/message";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { conflict, notFound } from "../platform/errors";
import { errorResponses } from "../platform/request-context";
import { withoutSecrets } from "./secrets";
import type { OutboxRow } from "./worker";

/** An email as admins may read it: secret links masked, whether or not it was sent yet. */
function readableEmail(row: OutboxRow): OutboundEmail {
  return withoutSecrets(JSON.parse(row.payload) as OutboundEmail);
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
        let q = deps.db.selectFrom("outbox");
        if (req.query.kind) q = q.where("kind", "=", req.query.kind);
        if (req.query.status) q = q.where("status", "=", req.query.status);
        const [rows, total] = await Promise.all([
          q
            .selectAll()
            .orderBy("created_at", "desc")
            .orderBy("id")
            .limit(req.query.limit)
            .offset(req.query.offset)
            .execute(),
          q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
        ]);
        return { items: rows.map(toItem), total: Number(total.n), mailMode };
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
        const row = await deps.db.selectFrom("outbox").selectAll().where("id", "=", req.params.id).executeTakeFirst();
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
        const row = await deps.db.selectFrom("outbox").selectAll().where("id", "=", req.params.id).executeTakeFirst();
        if (!row) throw notFound("The outbox entry");
        if (row.status !== "failed") throw conflict("not_failed", "Only a failed delivery can be retried.");
        await deps.db
          .updateTable("outbox")
          .set({ status: "pending", attempts: 0, next_attempt_at: now, locked_until: null })
          .where("id", "=", row.id)
          .where("status", "=", "failed")
          .execute();
        return toItem({ ...row, status: "pending", attempts: 0, next_attempt_at: now });
      },
    );
  };
}
