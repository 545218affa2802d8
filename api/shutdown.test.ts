// A deploy drops nothing (lib/platform/shutdown.ts): API processes (api/standalone.ts) on a scratch
// PostgreSQL database are SIGTERMed under load and with their database hung. Real processes and
// sockets: what a client behind a load balancer sees is the test's subject.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { insertTeamWithCredential } from "./scratch-fixtures";
import { scratchDatabase, startStandaloneApi, type StandaloneApi } from "@/e2e/instances";
import { startFaultProxy, type FaultProxy } from "@/e2e/fault-proxy";

let loaded: StandaloneApi, hung: StandaloneApi, proxy: FaultProxy;
let drop: () => Promise<void>, db: pg.Client, databaseUrl: string;
let token: string;

const HUNG_GRACE_MS = 2_000;

beforeAll(async () => {
  const database = await scratchDatabase();
  drop = database.drop;
  databaseUrl = database.url;
  proxy = await startFaultProxy(new URL(database.url).host);
  [loaded, hung] = await Promise.all([
    startStandaloneApi(database.url), // SHUTDOWN_GRACE_MS: the default, 10 s
    // Its database through the proxy; it never flushes usage on its own, so its counts wait for the shutdown.
    startStandaloneApi(proxy.url(database.url), {
      SHUTDOWN_GRACE_MS: String(HUNG_GRACE_MS),
      USAGE_FLUSH_INTERVAL_MS: "3600000",
    }),
  ]);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  ({ token } = await insertTeamWithCredential(db, "shutdown", "Shutdown Co"));
}, 120_000);

afterAll(async () => {
  await db?.end();
  for (const api of [loaded, hung]) if (api && api.exitCode() === null) api.kill("SIGKILL");
  await proxy?.close();
  await drop?.();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POST /v1/shipments on `agent`'s kept-alive connection: the status and the Connection header. */
function createShipment(agent: http.Agent, url: string, reference: string) {
  const body = JSON.stringify({
    reference,
    recipient: { name: "Ada Lovelace", address: "12 St James's Square, London" },
    weight_grams: 1200,
  });
  return new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
    const req = http.request(
      `${url}/v1/shipments`,
      {
        method: "POST",
        agent,
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-forwarded-for": "203.0.113.9",
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * Clients that each keep one connection alive and send one POST after another, as a load balancer's
 * pool would. A client stops when its instance says `Connection: close` or refuses a new connection
 * (a load balancer would send the next request to another instance): neither is a failure. Anything
 * else (a reset, a socket hang up) is.
 */
function startLoad(url: string, clients: number) {
  const created: string[] = [];
  const otherStatuses: number[] = [];
  const resets: string[] = [];
  let refused = 0;
  let lastAnswerAt = Date.now();
  const busy = new Array<boolean>(clients).fill(false);
  const done = Promise.all(
    busy.map(async (_, n) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = 0; ; i++) {
          const reference = `LOAD-${n}-${i}`;
          busy[n] = true;
          try {
            const answer = await createShipment(agent, url, reference);
            lastAnswerAt = Date.now();
            if (answer.status === 201) created.push(reference);
            else otherStatuses.push(answer.status);
            if (answer.connection === "close") return;
          } catch (err) {
            const code = (err as NodeJS.ErrnoException).code;
            if (code === "ECONNREFUSED")
              refused++; // never sent: the instance had stopped listening
            else resets.push(`${reference}: ${code ?? (err as Error).message}`);
            return;
          } finally {
            busy[n] = false;
          }
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  return {
    done,
    created,
    otherStatuses,
    resets,
    refused: () => refused,
    /** Every client has a request in flight, and none has been answered for `quietMs`. */
    allWaiting: (quietMs: number) => busy.every(Boolean) && Date.now() - lastAnswerAt >= quietMs,
  };
}

/** What a request on a new connection gets: "answered", or its error's code (ECONNREFUSED: nothing listens). */
const newConnection = (url: string) =>
  fetch(`${url}/v1/health`, { headers: { connection: "close" } }).then(
    () => "answered",
    (err: Error) => (err.cause as NodeJS.ErrnoException | undefined)?.code,
  );

async function until(condition: () => boolean, timeoutMs: number, what: string) {
  for (const started = Date.now(); !condition(); await sleep(25))
    if (Date.now() - started > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
}

describe("SIGTERM", () => {
  it("under load: the requests in flight finish, none is reset, and every 201 a client got was committed", async () => {
    const CLIENTS = 12;
    const load = startLoad(loaded.url, CLIENTS);
    await until(() => load.created.length >= 3 * CLIENTS, 10_000, "the load running");

    // Inserts wait behind this lock: every client's next POST is in flight when the signal comes.
    const locker = new pg.Client({ connectionString: databaseUrl });
    await locker.connect();
    try {
      await locker.query("begin");
      await locker.query("lock table shipments in share row exclusive mode");
      await until(() => load.allWaiting(500), 10_000, "every client waiting for an answer");
      loaded.kill("SIGTERM");
      // The listener closes at once: a new connection is refused (not reset), so a balancer goes elsewhere.
      let fresh = await newConnection(loaded.url);
      for (const started = Date.now(); fresh !== "ECONNREFUSED" && Date.now() - started < 10_000;) {
        await sleep(25);
        fresh = await newConnection(loaded.url);
      }
      expect(fresh).toBe("ECONNREFUSED");
      await sleep(700); // the POSTs are still waiting for the lock
      await locker.query("commit");
    } finally {
      await locker.end();
    }

    await Promise.race([load.done, sleep(15_000)]);
    const code = await Promise.race([loaded.exited, sleep(15_000).then(() => "still running")]);
    const committed = await db.query<{ reference: string }>(
      "select reference from shipments where reference like 'LOAD-%'",
    );
    const inDatabase = new Set(committed.rows.map((row) => row.reference));
    const answered = new Set(load.created);
    expect({
      resets: load.resets,
      otherStatuses: load.otherStatuses,
      answered201NotCommitted: [...answered].filter((reference) => !inDatabase.has(reference)),
      committedWithout201: [...inDatabase].filter((reference) => !answered.has(reference)),
    }).toEqual({ resets: [], otherStatuses: [], answered201NotCommitted: [], committedWithout201: [] });
    expect(load.refused()).toBe(0); // every client was told to close before its connection went
    expect(code).toBe(0);
    // Every client's POST (and the probe above, if it got in before the signal was handled).
    const finishing = /SIGTERM received: finishing (\d+) requests in flight \(up to 10 s\)/.exec(loaded.output());
    expect(Number(finishing?.[1])).toBeGreaterThanOrEqual(CLIENTS);
    expect(loaded.output()).toMatch(/stopped after [\d.]+ s: 0 requests cut off \(exit code 0\)/);
  });

  it("with the database hung: the process still exits, and says how many counted requests it lost", async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${hung.url}/v1/me`, {
        headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.10" },
      });
      expect(res.status).toBe(200); // each one counted, none flushed yet
    }
    proxy.set("stall");
    const signalled = Date.now();
    hung.kill("SIGTERM");
    const code = await Promise.race([hung.exited, sleep(HUNG_GRACE_MS + 10_000).then(() => "still running")]);
    const tookMs = Date.now() - signalled;

    expect(code).toBe(1); // not clean: counts lost
    expect(tookMs).toBeLessThan(HUNG_GRACE_MS + 10_000);
    expect(hung.output()).toContain("lost 5 counted requests: the database was unreachable at shutdown");
    expect(hung.output()).not.toContain("kept for the next flush");
    expect(hung.output()).toMatch(/closing the database: no answer within [\d.]+ s; exiting without it/);
  });
});
