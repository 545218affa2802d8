// A stalled store must not hold a throttle call: each one falls back to the count in this process within
// STORE_TIMEOUT_MS, as an error does. The stalls are real: CLIENT PAUSE on a redis-server of this test's
// own, with the process's own throttles (REDIS_URL, the ones sign-in and /v1 use); and PostgreSQL
// behind a proxy that stops forwarding (e2e/fault-proxy.ts). Before the fix each call waited as long
// as the stall; the tests' own timeouts make that a failure, not a hang.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { recordSignInFailure, signInBlockedFor } from "@/lib/auth/sign-in-throttle";
import { scratchDatabase } from "@/e2e/instances";
import { startFaultProxy, type FaultProxy } from "@/e2e/fault-proxy";
import { startOwnRedis, type OwnRedis } from "@/e2e/redis-server";
import { databaseThrottleStore, Throttle, throttle } from "./throttle";

let redis: OwnRedis;
let proxy: FaultProxy, pool: pg.Pool, dropDatabase: () => Promise<void>;
const logged: string[] = [];

beforeAll(async () => {
  redis = await startOwnRedis();
  process.env.REDIS_URL = redis.url;
  process.env.REDIS_KEY_PREFIX = `stall-${randomBytes(4).toString("hex")}`;
  // A PostgreSQL database of this file's own with the rate_limits table, reached through the proxy.
  const database = await scratchDatabase();
  dropDatabase = database.drop;
  const direct = new pg.Client({ connectionString: database.url });
  await direct.connect();
  await migrate(drizzle(direct), { migrationsFolder: path.join(process.cwd(), "db", "migrations") });
  await direct.end();
  const server = new URL(database.url);
  proxy = await startFaultProxy(`${server.hostname}:${server.port || 5432}`);
  pool = new pg.Pool({ connectionString: proxy.url(database.url), max: 4 });
  pool.on("error", () => {});
  for (const method of ["error", "log"] as const)
    vi.spyOn(console, method).mockImplementation((line: unknown) => void logged.push(String(line)));
}, 30_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await redis?.stop();
  proxy?.set("pass"); // what was held is delivered, so the pool can end
  await pool?.end();
  await proxy?.close();
  await dropDatabase?.();
});

/** `run`'s answer and how long it took. */
async function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

const linesAbout = (text: string) => logged.filter((line) => line.includes(text));
/** What the log said of this file's Redis: "is not answering", "is answering again". */
const aboutRedis = (text: string) => linesAbout(`Redis at ${new URL(redis.url).host} ${text}`);

describe("throttles on a stalled Redis", () => {
  it("a short stall: logged once when it starts and once when Redis answers again", async () => {
    const failures = throttle("api credentials per address");
    expect(await failures.record("192.0.2.10")).toBe(0);
    expect(await redis.keys(`${process.env.REDIS_KEY_PREFIX}:*`)).toHaveLength(1); // counted in this Redis
    expect(aboutRedis("is not answering")).toEqual([]);

    await redis.pause(2_000);
    for (let i = 0; i < 20; i++) await failures.record(`192.0.2.${20 + i}`);
    expect(aboutRedis("is not answering")).toHaveLength(1);

    // Once the pause is over, the next call that reaches Redis says it is back (one call a second asks it).
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (let i = 0; i < 5 && aboutRedis("is answering again").length === 0; i++) {
      await failures.record("192.0.2.11");
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(aboutRedis("is answering again")).toHaveLength(1);
    expect(aboutRedis("is not answering")).toHaveLength(1);
  }, 15_000);

  it("a 20 s stall: record, attempt, blockedFor and reset answer within a second, counting in the process", async () => {
    await redis.pause(20_000);
    const failures = throttle("api credentials per address");
    const address = "198.51.100.77";
    const first = await timed(() => failures.record(address));
    expect(first.ms).toBeLessThan(2_000);

    // The in-process count blocks at the limit like the shared one.
    const rest = await timed(async () => {
      let blocked = 0;
      for (let i = 1; i < failures.rule.limit; i++) blocked = await failures.record(address);
      return blocked;
    });
    expect(rest.value).toBeGreaterThan(0);
    expect(rest.ms).toBeLessThan(2_000);
    expect(failures.blockedLocally(address)).toBeGreaterThan(0);

    const signUps = throttle("sign-up per address");
    const attempts = await timed(async () => {
      const answers: number[] = [];
      for (let i = 0; i <= signUps.rule.limit; i++) answers.push(await signUps.attempt("203.0.113.77"));
      return answers;
    });
    expect(attempts.value.slice(0, signUps.rule.limit)).toEqual(Array(signUps.rule.limit).fill(0));
    expect(attempts.value[signUps.rule.limit]).toBeGreaterThan(0);
    expect(attempts.ms).toBeLessThan(2_000);

    const unknown = await timed(() => throttle("invitation per address").blockedFor("203.0.113.78"));
    expect(unknown.value).toBe(0);
    expect(unknown.ms).toBeLessThan(2_000);
    expect((await timed(() => throttle("invitation per address").reset("203.0.113.78"))).ms).toBeLessThan(2_000);
  }, 10_000);

  it("sign-in during the stall: five wrong passwords block the email, each answered within a second", async () => {
    const email = `stall-${randomBytes(3).toString("hex")}@example.com`;
    const run = await timed(async () => {
      for (let i = 0; i < 5; i++) {
        expect(await signInBlockedFor(email, "192.0.2.99")).toBe(0);
        await recordSignInFailure(email, "192.0.2.99");
      }
      return signInBlockedFor(email, "192.0.2.99");
    });
    expect(run.value).toBeGreaterThan(0);
    expect(run.ms).toBeLessThan(3_000);
    expect(aboutRedis("is not answering")).toHaveLength(2); // the first stall's line, and this stall's
  }, 10_000);
});

describe("a throttle on a stalled database", () => {
  it("counts in the process within a second while PostgreSQL does not answer, and says so once", async () => {
    const rule = { limit: 5, windowMs: 60_000 };
    const limiter = databaseThrottleStore(drizzle(pool)).limiterFor("stalled-database", rule);
    const throttle = new Throttle(rule, async () => limiter);
    expect(await throttle.record("192.0.2.200")).toBe(0); // through the database, which answers

    proxy.set("stall");
    const run = await timed(async () => {
      let blocked = 0;
      for (let i = 0; i < rule.limit; i++) blocked = await throttle.record("192.0.2.201");
      return blocked;
    });
    expect(run.value).toBeGreaterThan(0);
    expect(run.ms).toBeLessThan(3_000);
    expect((await timed(() => throttle.blockedFor("192.0.2.202"))).ms).toBeLessThan(2_000);
    expect(linesAbout("the throttle store is not answering")).toHaveLength(1);
    proxy.set("pass");
  }, 10_000);
});
