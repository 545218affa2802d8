// The one database module: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
// The raw client is process state (lib/platform/process-state.ts), so that the Next.js bundle and the API
// share one connection pool / one PGlite instance inside a process.
import "server-only";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Client, Pool, type PoolConfig, type QueryConfig } from "pg";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { peekProcessState, processState, takeProcessState } from "@/lib/platform/process-state";
import { logError } from "@/lib/platform/log";
import { config as processConfig, type Config } from "@/lib/platform/config";
import { explainDataDirError, lockDataDir } from "./pglite-lock";
import * as schema from "./schema";

/** Both drivers expose the same query builder; node-postgres' type stands for both. */
export type Db = NodePgDatabase<typeof schema>;
/** A transaction: what `db.transaction(tx => …)` hands its callback. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DatabaseConfig = { url: string } | { dataDir: string | null };

export type DatabaseClient =
  | { kind: "postgres"; pool: Pool; close: () => Promise<void> }
  | { kind: "pglite"; pglite: PGlite; close: () => Promise<void> };

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
const MIGRATION_LOCK_KEY = 4_242_001; // pg_advisory_lock key: one migrator at a time per database

/** DATABASE_URL, else PGLITE_DATA_DIR (lib/platform/config.ts), read when asked: a test may point them elsewhere. */
export function databaseConfigFromEnv(
  settings: Pick<Config, "DATABASE_URL" | "PGLITE_DATA_DIR"> = processConfig(),
): DatabaseConfig {
  if (settings.DATABASE_URL) return { url: settings.DATABASE_URL };
  if (settings.PGLITE_DATA_DIR === "memory://") return { dataDir: null };
  return {
    dataDir: path.resolve(/*turbopackIgnore: true*/ settings.PGLITE_DATA_DIR || path.join(".data", "pglite")),
  };
}

export function describeDatabase(config: DatabaseConfig): string {
  if ("url" in config) return `PostgreSQL (${new URL(config.url).host}${new URL(config.url).pathname})`;
  return config.dataDir ? `embedded PGlite (${config.dataDir})` : "embedded PGlite (in memory)";
}

/**
 * The pool's bounds, so that nothing waits on the database for ever (docs/architecture.md, "Failure
 * modes"). Each is an option of pg's Pool or Client, set once: no query is added to a request, only
 * two timers pg arms and clears per query (the checkout's and query_timeout's; measured at under 2 µs
 * together on a busy 2-core machine, of the ~128 µs of CPU a /v1 request costs).
 * - connectionTimeoutMillis bounds both ways of getting a connection. pg-pool 3.14 (index.js) arms it
 *   in newClient() for opening one ("Connection terminated due to connection timeout"), and in
 *   connect() for a request queued behind a full pool ("timeout exceeded when trying to connect"):
 *   pg's Pool has no cap on its wait queue, but this bounds how long anyone waits in it.
 * - statement_timeout: PostgreSQL cancels a statement that runs longer (57014). Sent in the startup
 *   message, so it costs no round trip.
 * - query_timeout: the client gives up a second after that. When the network is gone the server's
 *   cancel never arrives; without it a request would wait for TCP to notice (minutes).
 * - keepAlive: TCP keepalive on every connection, so a peer that vanished is noticed on an idle one.
 */
export function poolSettings(
  settings: Pick<Config, "PG_POOL_MAX" | "PG_STATEMENT_TIMEOUT_MS" | "PG_CONNECT_TIMEOUT_MS">,
): PoolConfig {
  return {
    max: settings.PG_POOL_MAX,
    connectionTimeoutMillis: settings.PG_CONNECT_TIMEOUT_MS,
    statement_timeout: settings.PG_STATEMENT_TIMEOUT_MS,
    query_timeout: settings.PG_STATEMENT_TIMEOUT_MS + 1_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/**
 * Migrations run on a connection of their own, one instance at a time (an advisory lock), without
 * the pool's statement and query timeouts: waiting for another instance's migration, or building an
 * index on a large table, may take longer. Opening it is bounded like the pool's.
 */
async function migratePostgres(url: string, settings: PoolConfig): Promise<void> {
  const conn = new Client({
    connectionString: url,
    connectionTimeoutMillis: settings.connectionTimeoutMillis,
    keepAlive: true,
    keepAliveInitialDelayMillis: settings.keepAliveInitialDelayMillis,
  });
  // A connection that fails also fails the query awaiting it, which reports it; without a listener the
  // 'error' event would end the process.
  conn.on("error", () => {});
  await conn.connect();
  try {
    await conn.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(conn), { migrationsFolder });
  } finally {
    await conn.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await conn.end().catch(() => {});
  }
}

/**
 * A stopped or restarted database fails every idle connection at once: one line a minute for those
 * (the requests that fail meanwhile are lib/platform/outage.ts's to report), not one per connection.
 */
function idleConnectionFailed(): (err: Error) => void {
  let loggedAt = -Infinity;
  let unlogged = 0;
  return (err) => {
    const now = Date.now();
    if (now - loggedAt < 60_000) return void unlogged++;
    const more = unlogged > 0 ? ` (and ${unlogged} more since the last such line)` : "";
    loggedAt = now;
    unlogged = 0;
    logError("db", `an idle PostgreSQL connection failed${more}`, err);
  };
}

/** Opens a database and applies pending migrations. Callers own the returned client. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseClient> {
  if ("url" in config) {
    const settings = poolSettings(processConfig());
    await migratePostgres(config.url, settings);
    const pool = new Pool({ connectionString: config.url, ...settings });
    // An idle connection can fail (a database restart, an administrator's terminate); without a
    // listener that error would crash the process. The pool replaces the connection on next use.
    pool.on("error", idleConnectionFailed());
    return { kind: "postgres", pool, close: () => pool.end() };
  }

  // One process per data directory; a crashed owner's lock is taken over at once (db/pglite-lock.ts).
  const release = config.dataDir ? lockDataDir(config.dataDir) : () => {};
  try {
    const pglite = await PGlite.create(config.dataDir ?? undefined);
    await migratePglite(drizzlePglite(pglite), { migrationsFolder });
    return {
      kind: "pglite",
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw config.dataDir ? explainDataDirError(err, config.dataDir) : err;
  }
}

/** A drizzle handle over a client; `logger` sees every query (tests count them with it). */
export function drizzleFor(client: DatabaseClient, logger?: Logger): Db {
  if (client.kind === "postgres") return drizzlePg(client.pool, { schema, logger });
  // The PGlite driver builds the same SQL; its session type differs only in the raw result shape.
  return drizzlePglite(client.pglite, { schema, logger }) as unknown as Db;
}

const CLIENT = "database client";

/** The process-wide database client, opened (and migrated) on first use. */
export function getDatabaseClient(): Promise<DatabaseClient> {
  return processState<OpeningClient>(CLIENT, () => {
    const opening: OpeningClient = openDatabase(databaseConfigFromEnv()).then(
      (client) => (opening.open = client),
      (err) => {
        takeProcessState(CLIENT);
        throw err;
      },
    );
    return opening;
  });
}

/** The registry's entry: the client's promise, which also carries the client once it is open. */
type OpeningClient = Promise<DatabaseClient> & { open?: DatabaseClient };

/**
 * The process-wide client if it is open, else undefined (then await getDatabaseClient()). For the
 * /v1 lookup: one await fewer on the hottest path. A closed client is never returned: closing
 * removes its entry first.
 */
export function openDatabaseClient(): DatabaseClient | undefined {
  return peekProcessState<OpeningClient>(CLIENT)?.open;
}

const handles = new WeakMap<DatabaseClient, Db>();

/** The drizzle handle for this module copy, over the shared process-wide client. */
export async function getDb(): Promise<Db> {
  const client = await getDatabaseClient();
  let db = handles.get(client);
  if (!db) handles.set(client, (db = drizzleFor(client)));
  return db;
}

/**
 * Whether the process's database answers `select 1` within `timeoutMs` (the readiness check, and
 * lib/platform/outage.ts's probe while the database is unreachable). Rejects with the driver's error,
 * or an ETIMEDOUT error when no answer came in time (waiting for a pool's connection included; opening
 * the database, on the first use in a process, is not).
 */
export async function pingDatabase(timeoutMs: number): Promise<void> {
  const client = openDatabaseClient() ?? (await getDatabaseClient());
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: "ETIMEDOUT" }));
    }, timeoutMs);
  });
  // pg reads a query's own query_timeout (client.js), though its types do not declare it.
  const query: QueryConfig & { query_timeout: number } = { text: "select 1", query_timeout: timeoutMs };
  try {
    await Promise.race([client.kind === "postgres" ? client.pool.query(query) : client.pglite.query("select 1"), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function closeDatabase(): Promise<void> {
  const pending = takeProcessState<Promise<DatabaseClient>>(CLIENT);
  if (pending) await (await pending).close();
}
