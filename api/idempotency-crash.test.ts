// An instance killed mid-request, for real: POSTs with Idempotency-Keys hang inside instance A's
// transactions (this test holds a lock on the shipments table), A is SIGKILLed, and the client retries
// each key on instance B as it would through a load balancer, waiting as Retry-After says. Every key
// gets its 201 within seconds and makes one shipment. (With a claim row taken over only after 60 s, the
// version before refused such retries for a minute: 58 times for a client honouring Retry-After: 1.)
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTeamWithCredential, parcel, postShipment } from "./scratch-fixtures";
import { scratchDatabase, startStandaloneApi, type StandaloneApi } from "@/e2e/instances";

const KEYS = 4;
/** How long the client keeps retrying a key: far less than the old takeover's 60 s. */
const RETRY_FOR_MS = 12_000;

let a: StandaloneApi, b: StandaloneApi, drop: () => Promise<void>, url: string, db: pg.Client;
let token: string;

beforeAll(async () => {
  const database = await scratchDatabase();
  ({ url, drop } = database);
  // Started together: both migrate the scratch database, one at a time under migration's advisory lock.
  [a, b] = await Promise.all([startStandaloneApi(url), startStandaloneApi(url)]);
  db = new pg.Client({ connectionString: url });
  await db.connect();
  ({ token } = await insertTeamWithCredential(db, "crash", "Crash Co"));
}, 60_000);

afterAll(async () => {
  await db?.end();
  if (a) await crash(a);
  await b?.stop();
  await drop?.();
});

const post = (instance: StandaloneApi, key: string) => postShipment(instance.url, token, key, parcel(key));

/** SIGKILL: the process dies mid-request, its connections closed by the kernel. */
async function crash(instance: StandaloneApi) {
  instance.kill("SIGKILL");
  await instance.exited;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000) {
  for (const started = Date.now(); !(await condition()); await sleep(50)) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
  }
}

/** Retries `key` on `instance` until it is not 409, sleeping Retry-After between tries. */
async function retryHonouringRetryAfter(instance: StandaloneApi, key: string, started: number) {
  for (let refusals = 0; ; refusals++) {
    const res = await post(instance, key);
    if (res.status !== 409 || Date.now() - started > RETRY_FOR_MS) {
      return { status: res.status, refusals, seconds: Math.round((Date.now() - started) / 100) / 10 };
    }
    expect((await res.json()).error.code).toBe("idempotency_key_in_use");
    await sleep(Number(res.headers.get("retry-after")) * 1000);
  }
}

describe("Idempotency-Key after an instance is killed mid-request", () => {
  it("a retry on another instance, honouring Retry-After, runs within seconds and makes one shipment per key", async () => {
    const keys = Array.from({ length: KEYS }, (_, i) => `crash-${i}`);
    const locker = new pg.Client({ connectionString: url });
    locker.on("error", () => {}); // ended by the database's drop if the test fails before it commits
    await locker.connect();
    await locker.query("begin");
    await locker.query("lock table shipments in exclusive mode");
    // No answer will come: A dies with the requests inside its transactions.
    const hanging = keys.map((key) =>
      post(a, key).then(
        (res) => res.status,
        () => "no answer",
      ),
    );
    await until(async () => {
      const waiting = await db.query<{ n: number }>(
        "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
      );
      return waiting.rows[0].n === KEYS;
    }, `A's ${KEYS} inserts wait on the lock`);

    await crash(a);
    expect(await Promise.all(hanging)).toEqual(keys.map(() => "no answer"));
    // PostgreSQL ends the dead instance's transactions even while their inserts still wait on the lock
    // (client_connection_check_interval, 1 s; statement_timeout alone would take 5 s).
    await until(
      async () =>
        (await db.query("select count(*)::int as n from pg_locks where locktype = 'advisory'")).rows[0].n === 0,
      "the dead instance's transactions have ended",
      4_000,
    );
    await locker.query("commit");
    await locker.end();

    const started = Date.now();
    const retries = await Promise.all(keys.map((key) => retryHonouringRetryAfter(b, key, started)));
    const outcome = {
      statuses: retries.map((r) => r.status),
      mostRefusals: Math.max(...retries.map((r) => r.refusals)),
      slowestSeconds: Math.max(...retries.map((r) => r.seconds)),
    };
    expect(outcome.statuses, JSON.stringify(outcome)).toEqual(keys.map(() => 201));
    expect(outcome.mostRefusals, JSON.stringify(outcome)).toBeLessThanOrEqual(3);
    expect(outcome.slowestSeconds, JSON.stringify(outcome)).toBeLessThan(10);

    const made = await db.query<{ reference: string; n: number }>(
      "select reference, count(*)::int as n from shipments group by reference order by reference",
    );
    expect(made.rows).toEqual(keys.map((reference) => ({ reference, n: 1 })));
  }, 40_000);
});
