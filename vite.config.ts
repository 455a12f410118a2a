import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// `npm run dev` runs the API on PORT (default 3000); the dev server forwards API calls there.
const api = `http://localhost:${process.env.PORT ?? 3000}`;

// The web app: built into dist/web, which the server serves with an SPA fallback (src/server/platform/web.ts).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist/web",
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      "/api": api,
      "/healthz": api,
      "/readyz": api,
    },
  },
});
