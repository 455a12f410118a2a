import fs from "node:fs";
import SwaggerParser from "@apidevtools/swagger-parser";
import { expect, it } from "vitest";
import { OPENAPI_FILE } from "../../../scripts/openapi";
import { describeEngines } from "../../../tests/engines";
import { useTestServer } from "../../../tests/harness";

interface Document {
  components?: { schemas?: Record<string, unknown> };
}

/** Every "$ref" string in the document. */
function refsIn(value: unknown, out: string[] = []): string[] {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string") out.push(x);
        else stack.push(x);
      }
    }
  }
  return out;
}

describeEngines("The OpenAPI document, as a client generator reads it", (engine) => {
  const server = useTestServer(engine);

  it("validates with swagger-parser, every $ref resolving to a component", async () => {
    const res = await server().agent().get<Document>("/api/openapi.json");
    expect(res.status).toBe(200);
    const refs = refsIn(res.body);
    expect(refs.length).toBeGreaterThan(50);
    const components = Object.keys(res.body.components?.schemas ?? {});
    const dangling = [...new Set(refs)].filter((r) => !components.includes(r.replace("#/components/schemas/", "")));
    expect(dangling).toEqual([]);
    // The validator dereferences the whole document and checks it against the OpenAPI 3.0 schema.
    await expect(SwaggerParser.validate(structuredClone(res.body) as never)).resolves.toBeTruthy();
  });

  it("is the document committed as docs/openapi.json (run `npm run openapi` after changing an API)", async () => {
    const res = await server().agent().get("/api/openapi.json");
    const served = `${JSON.stringify(res.body, null, 2)}\n`;
    const committed = fs.readFileSync(OPENAPI_FILE, "utf8");
    expect(served === committed, "docs/openapi.json is out of date: run `npm run openapi`").toBe(true);
  });
});
