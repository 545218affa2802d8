// AUTH_SECRET signs session cookies. When it is not set (a demo or a single local instance),
// one is generated once and kept in .data/auth-secret, so sessions survive a restart.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { logInfo } from "./log";

export function ensureAuthSecret(): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(process.cwd(), ".data", "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    logInfo(`AUTH_SECRET is not set: generated one in ${file}. Set AUTH_SECRET when running more than one instance.`);
  }
  process.env.AUTH_SECRET = fs.readFileSync(file, "utf8").trim();
}
