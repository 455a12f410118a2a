import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

/**
 * The published c3voc JSON schema of frab `schedule.json` (v1, draft-06), read from the shared reference folder
 * beside the repository (`../shared/reference/frab/schema.json`; FRAB_SCHEMA names another copy). It is not copied
 * into the repository (EUPL-1.2, see peers.md §3.1), and nothing is fetched at test time.
 */
export const FRAB_SCHEMA_PATH =
  process.env.FRAB_SCHEMA ?? path.resolve(import.meta.dirname, "../../shared/reference/frab/schema.json");

export const hasFrabSchema = fs.existsSync(FRAB_SCHEMA_PATH);
// Outside CI a checkout without shared/ skips only the schema checks; in CI nothing may be skipped.
if (!hasFrabSchema && process.env.CI) {
  throw new Error(`The frab schema is missing at ${FRAB_SCHEMA_PATH} (set FRAB_SCHEMA to its path).`);
}

let validator: ValidateFunction | undefined;

/** Validates a document against the schema; returns the errors as readable lines (empty: valid). */
export function frabSchemaErrors(document: unknown): string[] {
  if (!validator) {
    const require = createRequire(import.meta.url);
    const draft6 = JSON.parse(fs.readFileSync(require.resolve("ajv/dist/refs/json-schema-draft-06.json"), "utf8"));
    // strict off: the schema uses annotations of later drafts (deprecated, $comment) and its own ($todo, $oneOf).
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(draft6);
    addFormats(ajv);
    ajv.addFormat("color", /^#[0-9a-fA-F]{3,8}$/);
    validator = ajv.compile(JSON.parse(fs.readFileSync(FRAB_SCHEMA_PATH, "utf8")));
  }
  if (validator(document)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
}
