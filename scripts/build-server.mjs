// Compiles the processes that run outside Next.js (server.ts, the standalone API, the db CLI) to
// dist/, so production runs plain `node` and no TypeScript loader. Packages stay imports from
// node_modules; "@/…" resolves through tsconfig.json's paths. Paths the code builds at run time
// (db/migrations, .data/, Next's dir) are relative to process.cwd(), so run dist/ from the project root.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const root = path.join(import.meta.dirname, "..");

await build({
  absWorkingDir: root,
  entryPoints: ["server.ts", "api/standalone.ts", "db/cli.ts"],
  outdir: "dist",
  outbase: ".",
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  // Outside Next.js the "server-only" marker would throw; these processes are server code (as in vitest.config.ts).
  alias: { "server-only": "./scripts/empty-module.js" },
  logLevel: "warning",
});

// Scalar's browser bundle, served at /v1/docs/scalar.js (api/routes/reference.ts reads it from here):
// a copy, so that @scalar/api-reference (about 300 packages for this one file) is a devDependency.
const scalarEntry = createRequire(import.meta.url).resolve("@scalar/api-reference");
fs.mkdirSync(path.join(root, "dist", "scalar"), { recursive: true });
fs.copyFileSync(
  path.join(path.dirname(scalarEntry), "browser", "standalone.js"),
  path.join(root, "dist", "scalar", "standalone.js"),
);
console.log("Compiled server.ts, api/standalone.ts and db/cli.ts to dist/; copied Scalar's bundle to dist/scalar/.");
