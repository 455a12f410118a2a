// Writes the API's OpenAPI document to docs/openapi.json, exactly as the server serves it at /api/openapi.json.
// A test fails when the two differ: run this after changing a route or a shared schema.
//
//   npm run openapi

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/server/platform/config";
import { openDb } from "../src/server/platform/db";
import { createServer } from "../src/server/server";

export const OPENAPI_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/openapi.json");

/** The document as served, with a stable layout (2-space JSON and a final newline). */
export async function servedOpenApi(): Promise<string> {
  const config = { ...loadConfig({ LOG_LEVEL: "silent", DATA_DIR: "/tmp/convene-openapi-unused" }), serveWeb: false };
  const server = await createServer(config, { dbHandle: openDb({ sqliteFile: ":memory:" }) });
  try {
    const res = await server.app.inject({ method: "GET", url: "/api/openapi.json" });
    return `${JSON.stringify(JSON.parse(res.body), null, 2)}\n`;
  } finally {
    await server.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(OPENAPI_FILE, await servedOpenApi());
  console.log(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}
