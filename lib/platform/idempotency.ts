// Idempotency keys for POSTs (Stripe's model): the first request with a key runs and its response is
// kept for 24 hours, per team and environment; a retry with the same key and request gets that
// response again. Everything lives in PostgreSQL, so it holds across instances.
//
// One transaction per request does everything: it takes a transaction-scoped advisory lock on the
// key, reads what an earlier request kept, runs the work and writes the key's row with the response.
// A live request holds the lock; one whose process dies is rolled back by PostgreSQL when its
// connection goes, which frees the lock: nothing is left to expire, and a retry runs at once. A 5xx
// is not kept (the transaction rolls back). Why not a claim row with a takeover timeout:
// docs/decisions/012-idempotency-advisory-lock.md.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { getDatabaseClient, getDb, type Tx } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { logError } from "./log";
import type { Environment } from "./shared/terms";

export type IdempotencyScope = { teamId: string; environment: Environment };
/** A response as kept: its status and JSON body text. */
export type KeptResponse = { status: number; body: string };

export type IdempotentOutcome =
  /** This request ran (and, unless it was a 5xx, its response is kept). */
  | { kind: "ran"; response: KeptResponse }
  /** A request with this key and the same request already finished: its response. */
  | { kind: "replayed"; response: KeptResponse }
  /** The same key with another method, path or body. */
  | { kind: "reused" }
  /** A request with this key is still running. */
  | { kind: "in_use" };

/** How long a key is remembered. */
export const KEY_LIFETIME_HOURS = 24;

const lifetime = sql.raw(`interval '${KEY_LIFETIME_HOURS} hours'`);

// On PostgreSQL, how long a dead request's transaction may keep its key: a backend whose client is
// gone notices within a second even in the middle of a statement (client_connection_check_interval,
// PostgreSQL 14 and later; without it, a SIGKILLed instance's statement waiting on a lock held the key
// until the lock came free), and one whose client's host vanished without closing the connection ends
// after 5 s idle in the transaction (else TCP keepalive: 2 hours by default). Local to the transaction.
// Not on PGlite, whose process is the database: idle_in_transaction_session_timeout hangs it (0.5.17).
const POSTGRES_BOUNDS = sql`, set_config('idle_in_transaction_session_timeout', '5s', true),
  case when current_setting('server_version_num')::int >= 140000
    then set_config('client_connection_check_interval', '1s', true) end`;

/**
 * Thrown inside the transaction when an instance of the version before this one (whose claim row
 * committed before its work, docs/decisions/006) kept an answer for the key meanwhile: rolls this
 * request's work back. Only while such instances run, during a rolling deploy.
 */
class AnsweredMeanwhile extends Error {}

class ServerErrorResponse extends Error {
  constructor(readonly response: KeptResponse) {
    super(`status ${response.status}`);
  }
}

function inScope(scope: IdempotencyScope, key: string) {
  return and(
    eq(idempotencyKeys.teamId, scope.teamId),
    eq(idempotencyKeys.environment, scope.environment),
    eq(idempotencyKeys.key, key),
  );
}

/**
 * Runs `work` once per key, in one transaction with the keeping of its response. `requestHash`
 * identifies the request (method, path, body).
 */
export async function runIdempotently(
  scope: IdempotencyScope,
  key: string,
  requestHash: string,
  work: (tx: Tx) => Promise<KeptResponse>,
): Promise<IdempotentOutcome> {
  const db = await getDb();
  const bounds = (await getDatabaseClient()).kind === "postgres" ? POSTGRES_BOUNDS : sql``;
  // The team's id is a UUID and the environment a word, so the name is unambiguous whatever the key holds.
  const lockName = `idempotency:${scope.teamId}:${scope.environment}:${key}`;
  try {
    return await db.transaction(async (tx) => {
      // A statement of its own, before the read: a statement sees the database as it was when it
      // began, so a read in the same statement could miss the answer of the request that just let go.
      // Not waiting: a request that finds the key held answers at once. (On PGlite every request
      // shares one session, where advisory locks are re-entrant, but its transactions never overlap:
      // a second request's transaction starts after the first's has committed, and replays it.)
      const locked = await tx.execute<{ held: boolean }>(
        sql`select pg_try_advisory_xact_lock(hashtextextended(${lockName}, 0)) as held${bounds}`,
      );
      const [kept] = await tx
        .select({
          requestHash: idempotencyKeys.requestHash,
          status: idempotencyKeys.responseStatus,
          body: idempotencyKeys.responseBody,
        })
        .from(idempotencyKeys)
        .where(and(inScope(scope, key), gte(idempotencyKeys.createdAt, sql`now() - ${lifetime}`)));
      if (kept && kept.requestHash !== requestHash) return { kind: "reused" };
      if (kept && kept.status !== null && kept.body !== null)
        return { kind: "replayed", response: { status: kept.status, body: kept.body } };
      // No answer yet. Held: the key is this request's (a row without an answer is a claim left by the
      // version before this one, whose request died or is outrun below). Not held: another is running.
      if (!locked.rows[0]?.held) return { kind: "in_use" };

      const response = await work(tx);
      // A 5xx is not kept: leaving the transaction by an error rolls the work back.
      if (response.status >= 500) throw new ServerErrorResponse(response);
      const [written] = await tx
        .insert(idempotencyKeys)
        .values({
          ...scope,
          key,
          requestHash,
          // A new lock_id makes the previous version's request that claimed this key fail its guarded
          // update and roll back, should it still be running.
          lockId: randomUUID(),
          responseStatus: response.status,
          responseBody: response.body,
        })
        .onConflictDoUpdate({
          target: [idempotencyKeys.teamId, idempotencyKeys.environment, idempotencyKeys.key],
          set: {
            requestHash,
            lockId: sql`excluded.lock_id`,
            lockedAt: sql`now()`,
            createdAt: sql`now()`,
            responseStatus: response.status,
            responseBody: response.body,
          },
          setWhere: sql`${idempotencyKeys.createdAt} < now() - ${lifetime}
            or (${idempotencyKeys.responseStatus} is null and ${idempotencyKeys.requestHash} = excluded.request_hash)`,
        })
        .returning({ key: idempotencyKeys.key });
      if (!written) throw new AnsweredMeanwhile();
      return { kind: "ran", response };
    });
  } catch (err) {
    if (err instanceof AnsweredMeanwhile) return { kind: "in_use" };
    if (err instanceof ServerErrorResponse) return { kind: "ran", response: err.response };
    throw err;
  }
}

/** Deletes keys past their lifetime (they are already ignored); returns how many. */
export async function pruneIdempotencyKeys(): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`now() - ${lifetime}`))
    .returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** Prunes expired keys now and then every hour, in the background (each instance; deleting twice is harmless). */
export function schedulePruningIdempotencyKeys(): void {
  const prune = () =>
    void pruneIdempotencyKeys().catch((err) => logError("api", "could not prune idempotency keys", err));
  setTimeout(prune, 60_000).unref();
  setInterval(prune, 60 * 60_000).unref();
}
