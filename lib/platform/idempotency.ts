// Idempotency keys for POSTs (Stripe's model): the first request with a key runs and its response is
// kept for 24 hours, per team and environment; a retry with the same key and request gets that
// response again. Everything lives in PostgreSQL, so it holds across instances.
//
// The request's work and the keeping of its response commit in one transaction: a process that dies
// half-way leaves no shipment and a claim that another request may take over after a minute, so a
// retry never creates a second one. A 5xx is not kept (the claim is deleted; the retry runs again).
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
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
/** A claim whose request has not finished after this long is taken to be dead (its transaction never committed). */
export const CLAIM_TAKEOVER_SECONDS = 60;

const lifetime = sql.raw(`interval '${KEY_LIFETIME_HOURS} hours'`);
const takeover = sql.raw(`interval '${CLAIM_TAKEOVER_SECONDS} seconds'`);

/** Thrown inside the transaction when another request took the claim over: rolls this one's work back. */
class ClaimLost extends Error {}

function inScope(scope: IdempotencyScope, key: string) {
  return and(
    eq(idempotencyKeys.teamId, scope.teamId),
    eq(idempotencyKeys.environment, scope.environment),
    eq(idempotencyKeys.key, key),
  );
}

/**
 * Runs `work` once per key: claims the key (a new one, one older than 24 hours, or a dead claim of
 * the same request), then runs the work and keeps its response in one transaction. `requestHash`
 * identifies the request (method, path, body).
 */
export async function runIdempotently(
  scope: IdempotencyScope,
  key: string,
  requestHash: string,
  work: (tx: Tx) => Promise<KeptResponse>,
): Promise<IdempotentOutcome> {
  const db = await getDb();
  const lockId = randomUUID();
  const [claimed] = await db
    .insert(idempotencyKeys)
    .values({ teamId: scope.teamId, environment: scope.environment, key, requestHash, lockId })
    .onConflictDoUpdate({
      target: [idempotencyKeys.teamId, idempotencyKeys.environment, idempotencyKeys.key],
      set: {
        requestHash,
        lockId,
        lockedAt: sql`now()`,
        createdAt: sql`now()`,
        responseStatus: null,
        responseBody: null,
      },
      setWhere: sql`${idempotencyKeys.createdAt} < now() - ${lifetime}
        or (${idempotencyKeys.responseStatus} is null and ${idempotencyKeys.lockedAt} < now() - ${takeover} and ${idempotencyKeys.requestHash} = excluded.request_hash)`,
    })
    .returning({ lockId: idempotencyKeys.lockId });
  if (claimed?.lockId !== lockId) return earlier(scope, key, requestHash);

  try {
    const response = await db.transaction(async (tx) => {
      const response = await work(tx);
      // A 5xx is not kept: leaving the transaction by an error rolls the work back and frees the key below.
      if (response.status >= 500) throw new ServerErrorResponse(response);
      const kept = await tx
        .update(idempotencyKeys)
        .set({ responseStatus: response.status, responseBody: response.body })
        .where(and(inScope(scope, key), eq(idempotencyKeys.lockId, lockId)))
        .returning({ key: idempotencyKeys.key });
      if (kept.length === 0) throw new ClaimLost();
      return response;
    });
    return { kind: "ran", response };
  } catch (err) {
    await db.delete(idempotencyKeys).where(and(inScope(scope, key), eq(idempotencyKeys.lockId, lockId)));
    if (err instanceof ClaimLost) return { kind: "in_use" };
    if (err instanceof ServerErrorResponse) return { kind: "ran", response: err.response };
    throw err;
  }
}

class ServerErrorResponse extends Error {
  constructor(readonly response: KeptResponse) {
    super(`status ${response.status}`);
  }
}

/** The key is held by another request: what it was for, and whether it has finished. */
async function earlier(scope: IdempotencyScope, key: string, requestHash: string): Promise<IdempotentOutcome> {
  const db = await getDb();
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
    })
    .from(idempotencyKeys)
    .where(inScope(scope, key));
  // Gone since the claim failed: the other request ended in a 5xx a moment ago. Retrying is right.
  if (!row) return { kind: "in_use" };
  if (row.requestHash !== requestHash) return { kind: "reused" };
  if (row.status === null || row.body === null) return { kind: "in_use" };
  return { kind: "replayed", response: { status: row.status, body: row.body } };
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
