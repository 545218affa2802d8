// The database gone, as a client and an operator see it: an API process (api/standalone.ts) whose
// PostgreSQL is behind a fault proxy (e2e/fault-proxy.ts) that refuses every connection (a stopped
// server) or stalls them (a partition). Each request is answered 503 with Retry-After — not 500, not
// held until the database is back — and the log says so once, not once per request.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { insertTeamWithCredential } from "./scratch-fixtures";
import { startFaultProxy, type FaultProxy } from "@/e2e/fault-proxy";
import { scratchDatabase, startStandaloneApi, type StandaloneApi } from "@/e2e/instances";

let api: StandaloneApi, proxy: FaultProxy, drop: () => Promise<void>, db: pg.Client;
let token: string;

beforeAll(async () => {
  const database = await scratchDatabase();
  drop = database.drop;
  proxy = await startFaultProxy("127.0.0.1:5432");
  // Shorter than the defaults (5 s each), so that the stalled case takes seconds.
  api = await startStandaloneApi(proxy.url(database.url), {
    PG_STATEMENT_TIMEOUT_MS: "2000",
    PG_CONNECT_TIMEOUT_MS: "2000",
  });
  db = new pg.Client({ connectionString: database.url }); // not through the proxy
  await db.connect();
  ({ token } = await insertTeamWithCredential(db, "outage", "Outage Co"));
}, 120_000);

afterAll(async () => {
  proxy?.set("pass");
  await db?.end();
  await api?.stop();
  await proxy?.close();
  await drop?.();
});

afterEach(() => proxy.set("pass"));

async function get(path: string) {
  const started = performance.now();
  const res = await fetch(`${api.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(20_000), // a client's patience: before the fix a stalled database held requests for ever
  });
  const body = await res.json();
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body, ms: performance.now() - started };
}

/** What the process wrote after `from`, its access log (one line per request, by design) aside. */
function logLinesSince(from: number): string[] {
  return api
    .output()
    .slice(from)
    .split("\n")
    .filter((line) => line && !/^\[api\] [A-Z]+ \S+ \d{3} [\d.]+ms /.test(line));
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, ms = 15_000): Promise<T> {
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const value = await check();
    if (value !== undefined) return value;
  }
  throw new Error(`waited ${ms} ms for ${what}`);
}

describe("with the database unreachable", () => {
  it("refused: every request is 503 service_unavailable with Retry-After, the outage is logged once, and its end", async () => {
    expect((await get("/v1/me")).status).toBe(200);
    proxy.set("refuse");
    const from = api.output().length;

    const answers: Awaited<ReturnType<typeof get>>[] = [];
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        for (let i = 0; i < 20; i++) answers.push(await get("/v1/me"));
      }),
    );
    expect(answers).toHaveLength(200);
    expect(new Set(answers.map((a) => `${a.status} ${a.body.error?.code} Retry-After: ${a.retryAfter}`))).toEqual(
      new Set(["503 service_unavailable Retry-After: 5"]),
    );
    const health = await get("/v1/health");
    expect([health.status, health.body.error.code, health.retryAfter]).toEqual([503, "service_unavailable", "5"]);
    expect((await get("/v1/health/live")).status).toBe(200);

    await new Promise((r) => setTimeout(r, 200)); // the log's last lines
    const lines = logLinesSince(from);
    expect(lines.filter((line) => line.includes("the database is unreachable"))).toEqual([
      expect.stringMatching(/^\[db\] the database is unreachable \(answering 503 until it is back\): \w*Error/),
    ]);
    expect(lines.filter((line) => / failed: /.test(line) && line.startsWith("[api]"))).toEqual([]);
    expect(lines.length, lines.join("\n")).toBeLessThanOrEqual(5); // not one per request

    proxy.set("pass");
    expect((await get("/v1/me")).status).toBe(200);
    const ended = await waitFor("the outage's end in the log", () =>
      logLinesSince(from).find((line) => line.includes("reachable again")),
    );
    const [, refused] = /^\[db\] the database is reachable again after \d+ s; (\d+) requests were answered 503$/.exec(
      ended,
    )!;
    expect(Number(refused)).toBeGreaterThanOrEqual(201);
  }, 40_000);

  it("stalled (a partition): a request is answered 503 within seconds instead of hanging; so is the readiness check", async () => {
    expect((await get("/v1/me")).status).toBe(200);
    proxy.set("stall");
    const [me, health, live] = await Promise.all([get("/v1/me"), get("/v1/health"), get("/v1/health/live")]);
    expect([me.status, me.body.error.code, me.retryAfter]).toEqual([503, "service_unavailable", "5"]);
    expect(me.ms).toBeLessThan(10_000); // PG_STATEMENT_TIMEOUT_MS + 1 s: pg's query_timeout
    expect([health.status, health.retryAfter]).toEqual([503, "5"]);
    expect(health.ms).toBeLessThan(3_000); // a one-second check
    expect(live.status).toBe(200);

    proxy.set("pass");
    await waitFor("a 200 once the partition is over", async () =>
      (await get("/v1/me")).status === 200 ? true : undefined,
    );
  }, 40_000);
});
