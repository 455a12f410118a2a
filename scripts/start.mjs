// `npm start`: build what is stale, then run the server (which migrates the database and listens).
import { build } from "./build.mjs";

await build();
process.env.NODE_ENV ??= "production";
await import("../dist/server/main.js");
