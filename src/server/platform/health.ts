import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { isMigrated, pingDb } from "./db";
import type { Deps } from "./deps";

const Health = z.object({ status: z.enum(["ok", "unavailable"]), detail: z.string().optional() });

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/healthz",
      { schema: { tags: ["health"], summary: "The process is up", response: { 200: Health } } },
      async () => ({
        status: "ok" as const,
      }),
    );
    app.get(
      "/readyz",
      {
        schema: {
          tags: ["health"],
          summary: "The database answers and every migration is applied",
          response: { 200: Health, 503: Health },
        },
      },
      async (_req, reply) => {
        try {
          await pingDb(deps.db);
          if (!(await isMigrated(deps.db, deps.schema))) {
            return reply.status(503).send({ status: "unavailable" as const, detail: "migrations pending" });
          }
          return { status: "ok" as const };
        } catch {
          return reply.status(503).send({ status: "unavailable" as const, detail: "database unreachable" });
        }
      },
    );
  };
}
