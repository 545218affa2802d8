// Loaded with `node --import` (via tsx) for processes outside Next.js (server.ts, db CLI, API):
// the "server-only" marker package throws unless resolved under React's server condition,
// which only Next's bundler applies. Outside Next every module is server code anyway.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(
      `export async function resolve(specifier, context, next) {
        if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
        return next(specifier, context);
      }`,
    ),
);
