import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Dependencies flow one way (style.md 3.2, rules 10 and 12): app → features → components/lib → shared.
// Web features never import each other, shared UI never imports a feature, and nothing re-exports (no barrels).

const WEB = path.resolve(import.meta.dirname);
const SHARED = path.resolve(WEB, "../shared");
const SERVER = path.resolve(WEB, "../server");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.filter((s) => s.startsWith(".")).map((s) => path.resolve(path.dirname(file), s));
}

/** "accounts" for src/web/features/accounts/…, "components" for src/web/components/…, and so on. */
function areaOf(file: string): string {
  const rel = path.relative(WEB, file).split(path.sep);
  if (rel[0] === "features") return `features/${rel[1]}`;
  return rel[0] ?? "";
}

const files = sourceFiles(WEB);

describe("web imports", () => {
  it("finds the web sources", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("keeps features apart, shared UI free of features, and the server out of the browser", () => {
    const broken: string[] = [];
    for (const file of files) {
      const from = areaOf(file);
      for (const target of importsOf(file)) {
        const rel = path.relative(WEB, file);
        if (target.startsWith(SERVER)) {
          broken.push(`${rel} imports server code ${path.relative(WEB, target)}`);
          continue;
        }
        if (target.startsWith(SHARED) || !target.startsWith(WEB)) continue;
        const to = areaOf(target);
        if (from.startsWith("features/") && to.startsWith("features/") && to !== from) {
          broken.push(`${rel} imports another feature: ${path.relative(WEB, target)}`);
        }
        if ((from === "components" || from === "lib") && (to.startsWith("features/") || to === "app")) {
          broken.push(`${rel} (shared ${from}) imports ${path.relative(WEB, target)}`);
        }
        if (from.startsWith("features/") && to === "app") {
          broken.push(`${rel} imports the app shell: ${path.relative(WEB, target)}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it("has no barrel files", () => {
    expect(files.filter((f) => /^index\.tsx?$/.test(path.basename(f)))).toEqual([]);
  });
});
