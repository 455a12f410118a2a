import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The published XSD of frab `schedule.xml` (voc/schedule `validator/xsd/schedule.xml.xsd`), read from the shared
 * reference folder beside the repository (FRAB_XSD names another copy; not copied into the repository, EUPL-1.2),
 * checked by libxml2's `xmllint` — the validator the c3voc tools use (Debian: libxml2-utils).
 */
export const FRAB_XSD_PATH =
  process.env.FRAB_XSD ?? path.resolve(import.meta.dirname, "../../shared/reference/frab/schedule.xml.xsd");

const XMLLINT = process.env.XMLLINT ?? "xmllint";
const hasXmllint = spawnSync(XMLLINT, ["--version"], { stdio: "ignore" }).status === 0;

export const hasFrabXsd = fs.existsSync(FRAB_XSD_PATH) && hasXmllint;
// Outside CI a machine without them skips only the XSD checks; in CI nothing may be skipped.
if (!hasFrabXsd && process.env.CI) {
  throw new Error(
    `frab schedule.xml checks need ${FRAB_XSD_PATH} (FRAB_XSD) and xmllint (apt-get install libxml2-utils): ${
      hasXmllint ? "the XSD is missing" : "xmllint is missing"
    }.`,
  );
}

/** Validates a document against the XSD; returns xmllint's complaints (empty: valid). */
export function frabXsdErrors(xml: string): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frab-xml-"));
  const file = path.join(dir, "schedule.xml");
  try {
    fs.writeFileSync(file, xml);
    const res = spawnSync(XMLLINT, ["--noout", "--nonet", "--schema", FRAB_XSD_PATH, file], { encoding: "utf8" });
    if (res.status === 0) return [];
    return res.stderr
      .split("\n")
      .filter((line) => line.trim() !== "" && !line.endsWith(" validates"))
      .map((line) => line.replace(`${file}:`, "line "));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
