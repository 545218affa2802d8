// runIdempotently on its own: what is kept and what is not, a claim left by a process that died,
// the 24-hour lifetime and its pruning. (The HTTP side: api/idempotency.test.ts.)
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { idempotencyKeys, teams } from "@/db/schema";
import { pruneIdempotencyKeys, runIdempotently, type IdempotencyScope } from "./idempotency";

let scope: IdempotencyScope;
let keyCount = 0;
const newKey = () => `key-${Date.now()}-${++keyCount}`;
const answer =
  (body: string, status = 201) =>
  async () => ({ status, body });

beforeAll(async () => {
  const db = await getDb();
  const [team] = await db
    .insert(teams)
    .values({ slug: `idem-${Date.now()}`, name: "Idempotent Co" })
    .returning({ id: teams.id });
  scope = { teamId: team.id, environment: "test" };
});

async function row(key: string) {
  const db = await getDb();
  const [found] = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.teamId, scope.teamId),
        eq(idempotencyKeys.environment, scope.environment),
        eq(idempotencyKeys.key, key),
      ),
    );
  return found;
}

async function age(key: string, column: "locked_at" | "created_at", interval: string) {
  const db = await getDb();
  await db.execute(
    sql`update idempotency_keys set ${sql.raw(column)} = now() - ${sql.raw(`interval '${interval}'`)} where team_id = ${scope.teamId} and key = ${key}`,
  );
}

describe("runIdempotently", () => {
  it("runs once and replays the kept answer", async () => {
    const key = newKey();
    let runs = 0;
    const work = async () => ({ status: 201, body: `{"run":${++runs}}` });
    expect(await runIdempotently(scope, key, "h1", work)).toEqual({
      kind: "ran",
      response: { status: 201, body: '{"run":1}' },
    });
    expect(await runIdempotently(scope, key, "h1", work)).toEqual({
      kind: "replayed",
      response: { status: 201, body: '{"run":1}' },
    });
    expect(await runIdempotently(scope, key, "h2", work)).toEqual({ kind: "reused" });
    expect(runs).toBe(1);
  });

  it("keeps a 4xx answer", async () => {
    const key = newKey();
    await runIdempotently(scope, key, "h", answer('{"error":{}}', 404));
    expect(await runIdempotently(scope, key, "h", answer("{}"))).toEqual({
      kind: "replayed",
      response: { status: 404, body: '{"error":{}}' },
    });
  });

  it("keeps no 5xx answer, and rolls its work back: the retry runs again", async () => {
    const key = newKey();
    const db = await getDb();
    const reference = `rolled-back-${key}`;
    const failing = await runIdempotently(scope, key, "h", async (tx) => {
      await tx.insert(teams).values({ slug: reference, name: "written by the failed attempt" });
      return { status: 503, body: '{"error":{"code":"service_unavailable"}}' };
    });
    expect(failing).toEqual({
      kind: "ran",
      response: { status: 503, body: '{"error":{"code":"service_unavailable"}}' },
    });
    expect(await row(key)).toBeUndefined();
    expect(await db.select().from(teams).where(eq(teams.slug, reference))).toEqual([]);
    expect(await runIdempotently(scope, key, "h", answer('{"ok":true}'))).toEqual({
      kind: "ran",
      response: { status: 201, body: '{"ok":true}' },
    });
  });

  it("frees the key when the work throws, and passes the error on", async () => {
    const key = newKey();
    await expect(
      runIdempotently(scope, key, "h", async () => {
        throw new Error("database went away");
      }),
    ).rejects.toThrow("database went away");
    expect(await row(key)).toBeUndefined();
  });

  it("answers in_use while the first request runs (its claim is fresh and has no answer yet)", async () => {
    const key = newKey();
    const db = await getDb();
    // The claim as the first request leaves it while its work runs (holding the work open would, on
    // PGlite, hold the one connection: the race itself is api/idempotency.test.ts's).
    await db
      .insert(idempotencyKeys)
      .values({ ...scope, key, requestHash: "h", lockId: "00000000-0000-4000-8000-000000000002" });
    expect(await runIdempotently(scope, key, "h", answer("{}"))).toEqual({ kind: "in_use" });
    expect(await runIdempotently(scope, key, "other", answer("{}"))).toEqual({ kind: "reused" });
  });

  it("rolls its work back if its claim was taken over meanwhile: one of the two answers stands", async () => {
    const key = newKey();
    const db = await getDb();
    const outcome = await runIdempotently(scope, key, "h", async (tx) => {
      // Another request took the claim over (as after a minute without an answer); written through
      // this transaction only because PGlite has one connection, which the transaction holds.
      await tx
        .update(idempotencyKeys)
        .set({ lockId: "00000000-0000-4000-8000-000000000003" })
        .where(eq(idempotencyKeys.key, key));
      await tx.insert(teams).values({ slug: `lost-${key}`, name: "written by the request that lost its claim" });
      return { status: 201, body: "{}" };
    });
    expect(outcome).toEqual({ kind: "in_use" });
    expect(
      await db
        .select()
        .from(teams)
        .where(eq(teams.slug, `lost-${key}`)),
    ).toEqual([]);
  });

  it("lets a retry take over a claim whose request died (unfinished after a minute), not another request's", async () => {
    const key = newKey();
    const db = await getDb();
    // A process that claimed the key and died before its transaction committed leaves just the claim.
    await db
      .insert(idempotencyKeys)
      .values({ ...scope, key, requestHash: "h", lockId: "00000000-0000-4000-8000-000000000001" });
    expect(await runIdempotently(scope, key, "h", answer("{}"))).toEqual({ kind: "in_use" });
    await age(key, "locked_at", "61 seconds");
    expect(await runIdempotently(scope, key, "other", answer("{}"))).toEqual({ kind: "reused" });
    expect(await runIdempotently(scope, key, "h", answer('{"second":true}'))).toEqual({
      kind: "ran",
      response: { status: 201, body: '{"second":true}' },
    });
  });

  it("forgets a key after 24 hours, and prunes it", async () => {
    const key = newKey();
    await runIdempotently(scope, key, "h", answer('{"first":true}'));
    await age(key, "created_at", "24 hours 1 second");
    expect(await runIdempotently(scope, key, "another body", answer('{"new":true}'))).toEqual({
      kind: "ran",
      response: { status: 201, body: '{"new":true}' },
    });

    const old = newKey();
    await runIdempotently(scope, old, "h", answer("{}"));
    await age(old, "created_at", "25 hours");
    expect(await pruneIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await row(old)).toBeUndefined();
    expect(await row(key)).toBeDefined();
  });
});
