// Builds what `npm start` serves: the web app (Vite → dist/web) and the server (esbuild → dist/server).
// Skips a part whose output is newer than every source file it depends on, unless --force.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const force = process.argv.includes("--force");

function newest(dirOrFile) {
  if (!fs.existsSync(dirOrFile)) return 0;
  const stat = fs.statSync(dirOrFile);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(dirOrFile, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    max = Math.max(max, newest(path.join(dirOrFile, entry.name)));
  }
  return max;
}

function stale(output, inputs) {
  if (force || !fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return inputs.some((i) => newest(path.join(root, i)) > built);
}

const common = ["src/shared", "package-lock.json"];
const webMarker = path.join(root, "dist/web/index.html");
const serverOut = path.join(root, "dist/server/main.js");

export async function build() {
  if (stale(webMarker, ["src/web", "index.html", "vite.config.ts", ...common])) {
    const t = Date.now();
    const { build: viteBuild } = await import("vite");
    await viteBuild({ root, logLevel: "warn", configFile: path.join(root, "vite.config.ts") });
    console.log(`built web app in ${Date.now() - t} ms`);
  }
  if (stale(serverOut, ["src/server", ...common])) {
    const t = Date.now();
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: [path.join(root, "src/server/main.ts")],
      outfile: serverOut,
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: true,
      logLevel: "warning",
    });
    console.log(`built server in ${Date.now() - t} ms`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await build();
