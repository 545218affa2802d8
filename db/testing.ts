// Test-only helpers: a fresh, empty database per test file, on PostgreSQL when DATABASE_URL is
// set (a new database on that server, dropped afterwards) or on in-memory PGlite otherwise.
import { randomBytes } from "node:crypto";
import { Client } from "pg";

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Creates an empty PostgreSQL database next to the one in serverUrl and returns its URL and a dropper. */
export async function createScratchPostgres(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ecourier_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
  };
}
