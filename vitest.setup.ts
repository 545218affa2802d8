// Every test file gets its own empty database: in-memory PGlite, or a scratch PostgreSQL
// database when DATABASE_URL is set. Code under test reaches it through db/index.ts as usual.
import { afterAll } from "vitest";
import { closeDatabase } from "./db";
import { createScratchPostgres } from "./db/testing";

const serverUrl = process.env.DATABASE_URL;
let drop: (() => Promise<void>) | undefined;
if (serverUrl) {
  const scratch = await createScratchPostgres(serverUrl);
  process.env.DATABASE_URL = scratch.url;
  process.env.TEST_POSTGRES_SERVER_URL = serverUrl;
  drop = scratch.drop;
} else {
  process.env.PGLITE_DATA_DIR = "memory://";
}

afterAll(async () => {
  await closeDatabase();
  await drop?.();
});
