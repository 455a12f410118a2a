import { createHash } from "node:crypto";
import fc from "fast-check";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { buildOpenSession } from "../community";
import { describeEngines } from "../engines";
import { signedInAgent, useTestServer } from "../harness";
import { recordFigure } from "./server-process";

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}
interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  parameters?: { in: string; name: string }[];
}

// Tables a rejected request may legitimately touch: failed sign-ins are counted on purpose.
const EXPECTED_SIDE_EFFECTS = new Set(["rate_limits"]);

async function snapshot(db: import("../../src/server/platform/db").Db, engine: string): Promise<string> {
  const tables =
    engine === "sqlite"
      ? (
          await sql<{
            name: string;
          }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(
            db,
          )
        ).rows
      : (
          await sql<{
            name: string;
          }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name not like 'kysely_%'`.execute(
            db,
          )
        ).rows;
  const hash = createHash("sha256");
  for (const { name } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (EXPECTED_SIDE_EFFECTS.has(name)) continue;
    const rows = (await sql.raw(`select * from ${name}`).execute(db)).rows.map((r) => JSON.stringify(r)).sort();
    hash.update(`${name}:${rows.join("\n")}`);
  }
  return hash.digest("hex");
}

/** Values shaped by the schema's property names but random in type and content, plus plain random JSON. */
function bodyArbitrary(schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const anyJson = fc.jsonValue({ maxDepth: 3 });
  const nasty = fc.constantFrom(
    "",
    " ",
    "x".repeat(5000),
    "<script>alert(1)</script>",
    "'; drop table users; --",
    "\u0000",
    "2026-02-30T25:61",
    "NaN",
    -1,
    0,
    1e308,
    -0.5,
    true,
    null,
    [],
    {},
  );
  const value = fc.oneof(anyJson, nasty);
  const props = Object.keys(schema?.properties ?? {});
  if (props.length === 0) return fc.oneof(value, fc.dictionary(fc.string(), value));
  const shaped = fc.record(Object.fromEntries(props.map((p) => [p, value])), { requiredKeys: [] });
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: 1, arbitrary: value });
}

describeEngines("bad input on every write route (generated from the OpenAPI document)", (engine) => {
  const server = useTestServer(engine, { env: { UPDATE_NOTICE_DELAY_MS: "0" } });

  it("never answers 5xx, and a rejected request changes nothing", async () => {
    const s = server();
    const admin = await signedInAgent(s, { admin: true });
    const session = await buildOpenSession(admin.agent);
    const member = await signedInAgent(s);
    await member.agent.post(`/api/v1/community/sessions/${session.id}/registrations`, { role: "guest" });
    const participant = (
      await admin.agent.get<{ participants: { id: string }[] }>(`/api/v1/community/sessions/${session.id}/participants`)
    ).body.participants[0]?.id;
    const knownIds = [session.id, participant, member.id].filter((x): x is string => Boolean(x));

    const spec = (await admin.agent.get<{ paths: Record<string, Record<string, Operation>> }>("/api/openapi.json"))
      .body;
    const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ["post", "put", "patch", "delete"].includes(method))
        // Signing the admin out would only make later requests 401; its body-less route has nothing to fuzz.
        .filter(([method]) => !(path === "/api/v1/auth/sign-out" && method === "post"))
        .map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    expect(routes.length).toBeGreaterThan(15);

    let requests = 0;
    let rejected = 0;
    const fiveHundreds: string[] = [];
    const changedOnReject: string[] = [];
    for (const route of routes) {
      const schema = route.op.requestBody?.content?.["application/json"]?.schema;
      const pathArb = fc.record(
        Object.fromEntries(
          (route.path.match(/\{(\w+)\}/g) ?? []).map((p) => [
            p.slice(1, -1),
            fc.oneof(fc.constantFrom(...knownIds), fc.uuid(), fc.string({ maxLength: 40 })),
          ]),
        ),
      );
      await fc.assert(
        fc.asyncProperty(pathArb, bodyArbitrary(schema), fc.boolean(), async (params, body, asJsonText) => {
          const url = route.path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(String((params as Record<string, string>)[name])),
          );
          const before = await snapshot(s.deps.db, engine);
          const payload = asJsonText ? JSON.stringify(body) : typeof body === "string" ? body : JSON.stringify(body);
          const res = await admin.agent.request(
            route.method as "POST",
            url,
            route.method === "DELETE" ? undefined : payload,
            {
              "content-type": "application/json",
            },
          );
          requests += 1;
          if (res.status >= 500) fiveHundreds.push(`${route.method} ${url} ${payload.slice(0, 200)} → ${res.status}`);
          if (res.status >= 400) {
            rejected += 1;
            if ((await snapshot(s.deps.db, engine)) !== before)
              changedOnReject.push(`${route.method} ${url} ${payload.slice(0, 200)} → ${res.status}`);
          }
          return res.status < 500;
        }),
        { numRuns: 20 },
      );
    }
    recordFigure(`${engine}: bad input, write routes`, routes.length);
    recordFigure(`${engine}: bad input, requests sent`, requests);
    recordFigure(`${engine}: bad input, rejected (4xx)`, rejected);
    recordFigure(`${engine}: bad input, 5xx seen`, fiveHundreds.length);
    recordFigure(`${engine}: bad input, rejected requests that changed the database`, changedOnReject.length);
    expect(fiveHundreds).toEqual([]);
    expect(changedOnReject).toEqual([]);
  });
});
