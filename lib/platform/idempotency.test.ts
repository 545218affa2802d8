// runIdempotently on its own: what is kept and what is not, two requests racing on one key (on each
// database), a claim left by the previous version, the 24-hour lifetime and its pruning. A process
// killed mid-request: api/idempotency-crash.test.ts. (The HTTP side: api/idempotency.test.ts.)
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabaseClient, getDb } from "@/db";
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

async function age(key: string, interval: string) {
  const db = await getDb();
  await db.execute(
    sql`update idempotency_keys set created_at = now() - ${sql.raw(`interval '${interval}'`)} where team_id = ${scope.teamId} and key = ${key}`,
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

  it("runs one of two requests racing on one key: on PostgreSQL the other finds it held, on PGlite it waits and replays", async () => {
    const key = newKey();
    let runs = 0;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = runIdempotently(scope, key, "h", async () => {
      runs++;
      started();
      await finished;
      return { status: 201, body: '{"first":true}' };
    });
    await running;
    let secondDone = false;
    const second = runIdempotently(scope, key, "h", async () => ({ status: 201, body: `{"run":${++runs}}` })).finally(
      () => (secondDone = true),
    );
    if ((await getDatabaseClient()).kind === "postgres") {
      // Another connection, another session: the first's transaction holds the key's lock.
      expect(await second).toEqual({ kind: "in_use" });
      finish();
    } else {
      // One session, where advisory locks are re-entrant, but PGlite runs one transaction at a time:
      // the second starts once the first has committed, and finds its answer.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(secondDone).toBe(false);
      finish();
      expect(await second).toEqual({ kind: "replayed", response: { status: 201, body: '{"first":true}' } });
    }
    expect(await first).toEqual({ kind: "ran", response: { status: 201, body: '{"first":true}' } });
    expect(runs).toBe(1);
    expect(await runIdempotently(scope, key, "h", answer("{}"))).toMatchObject({ kind: "replayed" });
  });

  it("leaves nothing behind while it runs: the key's row is written with the answer, in the same transaction", async () => {
    const key = newKey();
    const outcome = await runIdempotently(scope, key, "h", async (tx) => {
      const [seen] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
      expect(seen).toBeUndefined();
      return { status: 201, body: "{}" };
    });
    expect(outcome.kind).toBe("ran");
    expect(await row(key)).toMatchObject({ requestHash: "h", responseStatus: 201, responseBody: "{}" });
  });

  it("takes over at once a claim the previous version left without an answer, for the same request only", async () => {
    const key = newKey();
    const db = await getDb();
    // That version committed a claim before its work: one whose process died stayed, answering 409
    // for a minute. Here it is dead at once (were its request alive, its guarded update would fail).
    await db
      .insert(idempotencyKeys)
      .values({ ...scope, key, requestHash: "h", lockId: "00000000-0000-4000-8000-000000000001" });
    expect(await runIdempotently(scope, key, "other", answer("{}"))).toEqual({ kind: "reused" });
    expect(await runIdempotently(scope, key, "h", answer('{"second":true}'))).toEqual({
      kind: "ran",
      response: { status: 201, body: '{"second":true}' },
    });
    expect((await row(key))?.lockId).not.toBe("00000000-0000-4000-8000-000000000001");
    expect(await runIdempotently(scope, key, "h", answer("{}"))).toEqual({
      kind: "replayed",
      response: { status: 201, body: '{"second":true}' },
    });
  });

  it("rolls its work back if the previous version answered the key meanwhile: one of the two answers stands", async () => {
    const key = newKey();
    const db = await getDb();
    const outcome = await runIdempotently(scope, key, "h", async (tx) => {
      // An instance of the previous version (no lock: during a rolling deploy) kept its answer while
      // this request ran; written through this transaction only because PGlite has one connection.
      await tx.insert(idempotencyKeys).values({
        ...scope,
        key,
        requestHash: "h",
        lockId: "00000000-0000-4000-8000-000000000003",
        responseStatus: 201,
        responseBody: '{"previous":true}',
      });
      await tx.insert(teams).values({ slug: `lost-${key}`, name: "written by the request that lost the key" });
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

  it("forgets a key after 24 hours, and prunes it", async () => {
    const key = newKey();
    await runIdempotently(scope, key, "h", answer('{"first":true}'));
    await age(key, "24 hours 1 second");
    expect(await runIdempotently(scope, key, "another body", answer('{"new":true}'))).toEqual({
      kind: "ran",
      response: { status: 201, body: '{"new":true}' },
    });

    const old = newKey();
    await runIdempotently(scope, old, "h", answer("{}"));
    await age(old, "25 hours");
    expect(await pruneIdempotencyKeys()).toBeGreaterThanOrEqual(1);
    expect(await row(old)).toBeUndefined();
    expect(await row(key)).toBeDefined();
  });
});
