import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditList, AuditQuery } from "../../shared/schemas/admin";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/request-context";

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/v1/admin/audit",
      {
        schema: {
          tags: ["admin"],
          summary: "The audit log, newest first, filtered",
          querystring: AuditQuery,
          response: { 200: AuditList, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => {
        authorize(req.actor, "audit.read", SITE);
        const f = req.query;
        let q = deps.db
          .selectFrom("audit_log as a")
          .leftJoin("users as u", "u.id", "a.actor_id")
          .select([
            "a.id",
            "a.at",
            "a.actor_id",
            "u.name as actor_name",
            "u.email as actor_email",
            "a.action",
            "a.object_type",
            "a.object_id",
            "a.changes",
          ]);
        if (f.objectType) q = q.where("a.object_type", "=", f.objectType);
        if (f.objectId) q = q.where("a.object_id", "=", f.objectId);
        if (f.actorId) q = q.where("a.actor_id", "=", f.actorId);
        if (f.action) q = q.where("a.action", "=", f.action);
        if (f.cursor) {
          // Keyset paging on (at, id): entries written in one transaction share their instant.
          const [at = "", id = ""] = f.cursor.split("|");
          q = q.where((eb) => eb.or([eb("a.at", "<", at), eb.and([eb("a.at", "=", at), eb("a.id", ">", id)])]));
        }
        const rows = await q
          .orderBy("a.at", "desc")
          .orderBy("a.id")
          .limit(f.limit + 1)
          .execute();
        const more = rows.length > f.limit;
        if (more) rows.pop();
        const last = rows.at(-1);
        return {
          nextCursor: more && last ? `${last.at}|${last.id}` : null,
          items: rows.map((r) => ({
            id: r.id,
            at: r.at,
            actorId: r.actor_id,
            actorName: r.actor_name ?? r.actor_email ?? null,
            action: r.action,
            objectType: r.object_type,
            objectId: r.object_id,
            changes: JSON.parse(r.changes) as Record<string, unknown>,
          })),
        };
      },
    );
  };
}
