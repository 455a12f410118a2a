// `npm test`: every suite — unit and API tests (Vitest) on SQLite, and on PostgreSQL when TEST_DATABASE_URL is
// set; then the browser tests (Playwright, Debian Chromium). Says plainly what it skipped; with CI=true nothing
// may be skipped. Ends with one line "N passed, N failed" summing all suites.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const ci = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const hasChromium = fs.existsSync(chromium);
const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);
// Python's icalendar reads every calendar the app produces (tests/ics-python.ts looks for it the same way).
const hasIcalendar = [process.env.ICS_PYTHON, "/usr/bin/python3", "python3"]
  .filter(Boolean)
  .some((p) => spawnSync(p, ["-c", "import icalendar"], { stdio: "ignore" }).status === 0);
const args = process.argv.slice(2);
const only = args.includes("--unit") ? "unit" : args.includes("--e2e") ? "e2e" : "all";

const skipped = [];
if (!hasPostgres)
  skipped.push(
    'PostgreSQL runs of the API and reliability suites (set TEST_DATABASE_URL, e.g. eval "$(bash .ci/services.sh)")',
  );
if (!hasIcalendar && only !== "e2e")
  skipped.push("Python icalendar checks of every calendar (apt-get install -y python3-icalendar, or set ICS_PYTHON)");
if (!hasChromium && only !== "unit")
  skipped.push(`browser tests (no Chromium at ${chromium}; apt-get install chromium, or set CHROMIUM_PATH)`);
if (ci && skipped.length > 0) {
  console.error(`CI=true, but these would be skipped:\n- ${skipped.join("\n- ")}`);
  process.exit(1);
}

fs.mkdirSync("test-results", { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(cmd, cmdArgs, env = {}) {
  const res = spawnSync(cmd, cmdArgs, { stdio: "inherit", env: { ...process.env, ...env } });
  if (res.status !== 0) exitCode = 1;
  return res.status;
}

if (only !== "e2e") {
  const out = "test-results/vitest.json";
  fs.rmSync(out, { force: true });
  run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  vitestJson(out);
}

function vitestJson(out) {
  if (!fs.existsSync(out)) {
    totals.failed += 1;
    console.error(`Vitest wrote no results to ${out}.`);
    return;
  }
  const r = JSON.parse(fs.readFileSync(out, "utf8"));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  // A suite can fail outside any test (an unhandled error, a file that does not load): count it once.
  if (r.success === false && r.numFailedTests === 0) {
    totals.failed += 1;
    console.error(`${out}: the run failed outside its tests (see the errors above).`);
  }
}

const needsBuild = only !== "unit" && (hasChromium || only === "all");
const built = needsBuild ? run(process.execPath, ["scripts/build.mjs"]) === 0 : false;
if (needsBuild && !built) {
  totals.failed += 1;
  console.error("The production build failed: the browser and reliability suites cannot run.");
}

// The reliability suite: real server processes killed mid-delivery, two instances on one PostgreSQL,
// generated bad input on every write route.
if (only === "all" && built) {
  const out = "test-results/reliability-vitest.json";
  fs.rmSync(out, { force: true });
  run(bin("vitest"), [
    "run",
    "--config",
    "vitest.reliability.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${out}`,
  ]);
  vitestJson(out);
}

if (only !== "unit" && hasChromium) {
  if (built) {
    const out = path.join(root, "test-results/e2e.json");
    fs.rmSync(out, { force: true });
    run(bin("playwright"), ["test", "--reporter=list,json"], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
      CHROMIUM_PATH: chromium,
    });
    if (fs.existsSync(out)) {
      const s = JSON.parse(fs.readFileSync(out, "utf8")).stats;
      totals.passed += s.expected + s.flaky;
      totals.failed += s.unexpected;
      totals.skipped += s.skipped;
    } else {
      totals.failed += 1;
      console.error("Playwright wrote no results.");
    }
  }
}

if (totals.failed > 0) exitCode = 1;
if (skipped.length > 0) console.log(`\nSkipped:\n- ${skipped.join("\n- ")}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`);
process.exit(exitCode);
