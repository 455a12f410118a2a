import { defineConfig } from "vitest/config";

// The reliability suite: real server processes killed, two instances on one database, generated bad input.
// Needs the production build (npm run build); run with npm run test:reliability.
export default defineConfig({
  test: {
    include: ["tests/reliability/**/*.test.ts"],
    environment: "node",
    testTimeout: 240_000,
    hookTimeout: 60_000,
    pool: "forks",
    fileParallelism: false,
  },
});
