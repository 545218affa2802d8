// AUTH_SECRET signs session cookies. When it is not set (a demo or a single local instance),
// one is generated once and kept in .data/auth-secret, so sessions survive a restart.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "./config";
import { logInfo } from "./log";

export function ensureAuthSecret(): void {
  if (config().AUTH_SECRET) return;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    logInfo(`AUTH_SECRET is not set: generated one in ${file}. Set AUTH_SECRET when running more than one instance.`);
  }
  // Auth.js reads AUTH_SECRET from the environment itself: the one write of the environment outside config.ts
  // (allowed, this write only, by lib/platform/config.test.ts).
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
