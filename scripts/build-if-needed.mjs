// Runs `next build` when there is no build yet or a source file changed since the last one.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const buildId = ".next/BUILD_ID";
const sources = ["app", "components", "lib", "db", "api", "proxy.ts", "auth.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

const built = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (built && Math.max(...sources.map(newestMtime)) < built) {
  console.log("The build is up to date.");
} else {
  execSync("npx next build", { stdio: "inherit" });
}
