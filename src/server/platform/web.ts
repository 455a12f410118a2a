import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { notFound } from "./errors";

/** Serves the built React app; unknown non-API paths get index.html so client routes deep-link. */
export async function registerWeb(app: FastifyInstance, webDir: string): Promise<void> {
  const index = path.join(webDir, "index.html");
  const hasWeb = fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: "1h", immutable: false });
  }
  app.setNotFoundHandler((req, reply) => {
    const isPage = req.method === "GET" && !req.url.startsWith("/api/") && !path.extname(req.url.split("?")[0] ?? "");
    if (hasWeb && isPage) {
      return reply.type("text/html").header("cache-control", "no-cache").send(fs.createReadStream(index));
    }
    throw notFound(`${req.method} ${req.url.split("?")[0]}`);
  });
}
