// Builds what is missing or older than its sources: the Next.js app (`next build` → .next/) and the
// compiled server, API and db CLI (scripts/build-server.mjs → dist/). `--server` checks only dist/,
// for commands that do not serve pages (db:migrate, db:seed).
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const nextApp = {
  output: ".next/BUILD_ID",
  sources: [
    "app",
    "components",
    "lib",
    "db",
    "api",
    "proxy.ts",
    "lib/dashboard/auth-js.ts",
    "next.config.ts",
    "package-lock.json",
    "postcss.config.mjs",
  ],
  command: "npx next build",
};
const compiledServer = {
  output: "dist/server.js",
  sources: ["server.ts", "api", "lib", "db", "tsconfig.json", "package-lock.json", "scripts/build-server.mjs"],
  command: "node scripts/build-server.mjs",
};

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

for (const { output, sources, command } of process.argv.includes("--server")
  ? [compiledServer]
  : [nextApp, compiledServer]) {
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  if (built && Math.max(...sources.map(newestMtime)) < built) console.log(`${path.dirname(output)}/ is up to date.`);
  else execSync(command, { stdio: "inherit" });
}
