import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AuditList, AuditQuery } from "../../shared/schemas/admin";
import { authorize } from "../permissions/authorize";
import { SITE } from "../permissions/policy";
import type { Deps } from "../platform/deps";
import { errorResponses } from "../platform/openapi-responses";
import { listAuditEntries } from "./queries";

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
        // The cursor is the last entry's "at|id".
        const [at = "", id = ""] = f.cursor?.split("|") ?? [];
        const rows = await listAuditEntries(deps.db, { ...f, after: f.cursor ? { at, id } : undefined }, f.limit + 1);
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
