import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The server's shape (docs/decisions.md, "Layout"): Kysely only in queries files, platform/ below every
// feature, and feature folders that depend on each other one way only.

const SERVER = path.resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) && !/test-[\w-]+\.ts$/.test(entry.name)
      ? [full]
      : [];
  });
}

/** Relative imports of a file, resolved to absolute paths without extension. */
function importsOf(text: string, file: string): string[] {
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)["']([^"']+)["']/g)].map((m) => m[1] ?? "");
  return specifiers.filter((s) => s.startsWith(".")).map((s) => path.resolve(path.dirname(file), s));
}

/** The top folder of a server file: "accounts", "platform", … ("" for server.ts and main.ts). */
function folderOf(file: string): string {
  const rel = path.relative(SERVER, file).split(path.sep);
  return rel.length > 1 ? (rel[0] ?? "") : "";
}

/** Kysely query building or raw SQL: allowed only where queries live. */
const QUERY_BUILDING =
  /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(|\bsql`|\bsql\.(raw|id|ref|lit|table|join)\(/;

function mayBuildQueries(rel: string): boolean {
  return /queries\.ts$/.test(rel) || rel.startsWith(`db${path.sep}`) || rel === path.join("platform", "db.ts");
}

/** Folders below every feature: they may import each other, never a feature. */
const CORE = new Set(["platform", "db"]);

/** Every cycle in a directed graph, each as a list of nodes (found once, from its smallest node). */
function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  const cycles: string[][] = [];
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    const walk = (node: string, trail: string[]) => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) cycles.push([...trail, start]);
        else if (next > start && !trail.includes(next)) walk(next, [...trail, next]);
      }
    };
    walk(start, [start]);
  }
  return cycles;
}

const files = sourceFiles(SERVER);

describe("server layout", () => {
  it("finds the server sources", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it("builds queries only in *queries.ts files (and migrations)", () => {
    const offenders = files
      .map((f) => path.relative(SERVER, f))
      .filter((rel) => !mayBuildQueries(rel))
      .filter((rel) => QUERY_BUILDING.test(fs.readFileSync(path.join(SERVER, rel), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("keeps platform/ free of features", () => {
    const broken: string[] = [];
    for (const file of files) {
      if (!CORE.has(folderOf(file))) continue;
      for (const target of importsOf(fs.readFileSync(file, "utf8"), file)) {
        const to = folderOf(target);
        if (target.startsWith(SERVER) && to !== "" && !CORE.has(to))
          broken.push(`${path.relative(SERVER, file)} imports ${path.relative(SERVER, target)}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("has no import cycles between feature folders", () => {
    const graph = new Map<string, Set<string>>();
    for (const file of files) {
      const from = folderOf(file);
      if (from === "" || CORE.has(from)) continue;
      for (const target of importsOf(fs.readFileSync(file, "utf8"), file)) {
        const to = folderOf(target);
        if (!target.startsWith(SERVER) || to === "" || to === from || CORE.has(to)) continue;
        if (!graph.has(from)) graph.set(from, new Set());
        graph.get(from)?.add(to);
      }
    }
    expect(cyclesOf(graph).map((c) => c.join(" → "))).toEqual([]);
  });
});

describe("the layout rules themselves", () => {
  it("see a query in a route file, a cycle, and platform importing a feature", () => {
    expect(QUERY_BUILDING.test('await deps.db.selectFrom("users").selectAll()')).toBe(true);
    expect(QUERY_BUILDING.test("await sql`select 1`.execute(db)")).toBe(true);
    expect(mayBuildQueries(path.join("outbox", "routes.ts"))).toBe(false);
    expect(mayBuildQueries(path.join("outbox", "queries.ts"))).toBe(true);
    expect(
      cyclesOf(
        new Map([
          ["a", new Set(["b"])],
          ["b", new Set(["c"])],
          ["c", new Set(["a"])],
        ]),
      ),
    ).toEqual([["a", "b", "c", "a"]]);
    expect(cyclesOf(new Map([["a", new Set(["b"])]]))).toEqual([]);
    const file = path.join(SERVER, "platform", "x.ts");
    expect(importsOf('import { a } from "../accounts/queries";', file)).toEqual([
      path.join(SERVER, "accounts", "queries"),
    ]);
  });
});
