// `npm run dev`: the API with reload (tsx watch) on PORT (3000) and the Vite dev server, which proxies /api.
import { spawn } from "node:child_process";
import path from "node:path";

const bin = (name) => path.join("node_modules", ".bin", name);
const children = [
  spawn(bin("tsx"), ["watch", "--clear-screen=false", "src/server/main.ts"], { stdio: "inherit" }),
  spawn(bin("vite"), [], { stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
