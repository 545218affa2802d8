// Starts the built app (dist/server.js) for Playwright on a fresh database with the demo data:
// a new PGlite directory, or (DATABASE_URL set) a freshly recreated PostgreSQL database.
import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import fs from "node:fs";
import pg from "pg";

// TRUST_PROXY=1: the tests are the proxy, so a test can be a client address of its own
// (X-Forwarded-For); a request without one is its socket's address, as before.
// USAGE_FLUSH_INTERVAL_MS=500: usage counts reach the database within half a second, so e2e/usage.spec.ts waits no longer.
const env = {
  ...process.env,
  NODE_ENV: "production",
  TRUST_PROXY: "1",
  USAGE_FLUSH_INTERVAL_MS: "500",
  AUTH_SECRET: process.env.AUTH_SECRET || "e2e-only-secret-not-for-production-use",
};

if (process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  const name = process.env.E2E_DATABASE_NAME || "ecourier_e2e";
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  server.pathname = `/${name}`;
  env.DATABASE_URL = server.toString();
} else {
  env.PGLITE_DATA_DIR = process.env.E2E_PGLITE_DATA_DIR || ".data/e2e";
  fs.rmSync(env.PGLITE_DATA_DIR, { recursive: true, force: true });
}

// GitHub's secret-scanning keys, played by a server of our own: a P-256 key made for this run, its
// public half served as GitHub serves the document, its private half left in .data/ for the tests
// (e2e/secret-scanning.ts) to sign reports with. Nothing leaves the machine.
const keysPort = Number(process.env.PORT) + 40;
const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
const keyId = `e2e-${Date.now()}`;
fs.mkdirSync(".data", { recursive: true });
fs.writeFileSync(
  ".data/e2e-secret-scanning-key.json",
  JSON.stringify({ keyId, privateKey: privateKey.export({ type: "pkcs8", format: "pem" }) }),
  { mode: 0o600 },
);
const keysDocument = JSON.stringify({
  public_keys: [{ key_identifier: keyId, key: publicKey.export({ type: "spki", format: "pem" }), is_current: true }],
});
const keysServer = createServer((_, res) =>
  res.writeHead(200, { "content-type": "application/json" }).end(keysDocument),
);
await new Promise((resolve) => keysServer.listen(keysPort, "127.0.0.1", resolve));
keysServer.unref();
env.SECRET_SCANNING_KEYS_URL = `http://127.0.0.1:${keysPort}/meta/public_keys/secret_scanning`;

// node itself (not npx), so the signals below reach the server and not only a wrapper. dist/ is
// built by `npm run build` (npm run test:e2e builds what is missing or stale first).
const child = spawn(process.execPath, ["dist/server.js", "--demo"], { env, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
