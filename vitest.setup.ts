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

// No access-log line per /v1 request: the run's output is the test list. A test about those lines
// turns the log on (api/middleware/bearer-auth.test.ts). Imported once the database is chosen above.
const { setAccessLog } = await import("./api/middleware/access-log");
setAccessLog(false);

afterAll(async () => {
  await closeDatabase();
  await drop?.();
});
