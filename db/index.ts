// The one database module: PostgreSQL when DATABASE_URL is set, embedded PGlite otherwise.
// The raw client is process state (lib/platform/process-state.ts), so that the Next.js bundle and the API
// share one connection pool / one PGlite instance inside a process.
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import lockfile from "proper-lockfile";
import { Pool, type PoolClient } from "pg";
import type { Logger } from "drizzle-orm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { peekProcessState, processState, takeProcessState } from "@/lib/platform/process-state";
import { logError } from "@/lib/platform/log";
import { config as processConfig, type Config } from "@/lib/platform/config";
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

/** Takes an exclusive lock on a PGlite data directory: a second opener would silently lose writes. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockfilePath = path.join(dataDir, "ecourier.lock");
  try {
    return lockfile.lockSync(dataDir, {
      lockfilePath,
      stale: 15_000,
      update: 5_000,
      onCompromised: (err) => logError("db", `lost the lock on ${dataDir}`, err),
    });
  } catch (err) {
    if ((err as { code?: string }).code === "ELOCKED") {
      throw new Error(
        `The embedded database ${dataDir} is already open in another process (lock file ${lockfilePath}). ` +
          `Stop that process first, or set PGLITE_DATA_DIR to another directory, or DATABASE_URL to use PostgreSQL.`,
      );
    }
    throw err;
  }
}

/** Opens a database and applies pending migrations. Callers own the returned client. */
export async function openDatabase(config: DatabaseConfig): Promise<DatabaseClient> {
  if ("url" in config) {
    const pool = new Pool({ connectionString: config.url, max: processConfig().PG_POOL_MAX });
    // An idle connection can fail (a database restart, an administrator's terminate); without a
    // listener that error would crash the process. The pool replaces the connection on next use.
    pool.on("error", (err) => logError("db", "an idle PostgreSQL connection failed", err));
    const conn: PoolClient = await pool.connect();
    try {
      await conn.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migratePg(drizzlePg(conn), { migrationsFolder });
    } finally {
      await conn.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      conn.release();
    }
    return { kind: "postgres", pool, close: () => pool.end() };
  }

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
    throw err;
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

export async function closeDatabase(): Promise<void> {
  const pending = takeProcessState<Promise<DatabaseClient>>(CLIENT);
  if (pending) await (await pending).close();
}
