// Which errors mean "the database is unavailable" (503) and which stay the request's or our fault, and
// the outage log on a clock of the test's own: one line when it starts, one a minute while it lasts,
// one when it ends — however many requests are refused meanwhile.
import { sql } from "drizzle-orm";
import { DrizzleQueryError } from "drizzle-orm/errors";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  DatabaseOutage,
  isDatabaseUnavailable,
  OUTAGE_PROBE_MS,
  OUTAGE_QUIET_MS,
  OUTAGE_SUMMARY_MS,
  type OutageDependencies,
} from "./outage";
import { describeError } from "./log";

/** An error as PostgreSQL's protocol delivers it: pg's DatabaseError with a SQLSTATE. */
function postgresError(code: string, message = "an error") {
  return Object.assign(new pg.DatabaseError(message, message.length, "error"), { code });
}
const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });
/** As drizzle throws it: the query and its parameters, the driver's error as the cause. */
const throughDrizzle = (cause: Error) => new DrizzleQueryError("select 1 where $1", ["secret"], cause);

describe("isDatabaseUnavailable", () => {
  it.each([
    ["connection refused", systemError("ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:5432")],
    ["connection reset", systemError("ECONNRESET", "read ECONNRESET")],
    ["a name that does not resolve", systemError("ENOTFOUND", "getaddrinfo ENOTFOUND db.internal")],
    ["every address refused", new AggregateError([systemError("ECONNREFUSED", "connect ECONNREFUSED ::1:5432")])],
    ["the server went away", new Error("Connection terminated unexpectedly")],
    ["opening a connection timed out", new Error("Connection terminated due to connection timeout")],
    ["waiting for a client of a full pool timed out", new Error("timeout exceeded when trying to connect")],
    ["no answer within query_timeout", new Error("Query read timeout")],
    ["a client whose connection failed", new Error("Client has encountered a connection error and is not queryable")],
    ["the pool is closing", new Error("Cannot use a pool after calling end on the pool")],
    ["the embedded database is closing", new Error("PGlite is closed")],
    ["the readiness check's own timeout", systemError("ETIMEDOUT", "no answer within 1000 ms")],
    ["57P03 the database system is starting up", postgresError("57P03")],
    ["57P01 terminating connection due to administrator command", postgresError("57P01")],
    ["57014 canceling statement due to statement timeout", postgresError("57014")],
    ["53300 too many connections", postgresError("53300")],
    ["53100 disk full (PostgreSQL and PGlite)", postgresError("53100", 'could not extend file "base/5/16385"')],
    ["ENOSPC", systemError("ENOSPC", "no space left on device, write")],
    ["25006 read-only transaction (a failover)", postgresError("25006")],
    ["08006 connection failure", postgresError("08006")],
    ["drizzle's wrapper around a refused connection", throughDrizzle(systemError("ECONNREFUSED", "connect"))],
    [
      "Auth.js's wrapper (cause = { err })",
      Object.assign(new Error("CallbackRouteError"), { cause: { err: postgresError("57P03") } }),
    ],
  ])("%s: unavailable", (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ["a unique violation", throughDrizzle(postgresError("23505"))],
    ["a CHECK that refuses the row", postgresError("23514")],
    ["invalid input", postgresError("22P02")],
    ["a deadlock (retry the transaction, not the database)", postgresError("40P01")],
    ["a missing table (a bug)", postgresError("42P01")],
    ["a plain error", new Error("boom")],
    ["not an Error", "ECONNREFUSED"],
    ["nothing", undefined],
  ])("%s: not unavailable", (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });

  it("recognises what the embedded database really throws: a write in a read-only transaction (25006), through drizzle", async () => {
    const db = await getDb();
    const err = await db
      .transaction(async (tx) => {
        await tx.execute(sql`set transaction read only`);
        await tx.execute(sql`insert into teams (slug, name) values ('read-only', 'Read Only')`);
      })
      .catch((e: unknown) => e);
    expect(describeError(err)).toMatch(/\(25006\)/);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("recognises what pg really throws for a refused connection", async () => {
    const client = new pg.Client({ host: "127.0.0.1", port: 1, connectionTimeoutMillis: 2_000 });
    const err = await client.connect().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(true);
  });
});

/** An outage log on the test's clock: `advance` moves time and runs the probe's ticks that fall due. */
function outageOnTestClock() {
  let now = 1_000_000;
  const lines: string[] = [];
  let probeAnswers = false;
  let probes = 0;
  const timers = new Set<{ ms: number; next: number; tick: () => void }>();
  const deps: OutageDependencies = {
    now: () => now,
    error: (area, what, err) => lines.push(`[${area}] ${what}${err === undefined ? "" : `: ${describeError(err)}`}`),
    info: (line) => lines.push(line),
    probe: async () => {
      probes++;
      if (!probeAnswers) throw new Error("Connection terminated unexpectedly");
    },
    every: (ms, tick) => {
      const timer = { ms, next: now + ms, tick };
      timers.add(timer);
      return () => void timers.delete(timer);
    },
  };
  const outage = new DatabaseOutage(deps);
  return {
    outage,
    lines,
    probes: () => probes,
    probing: () => timers.size > 0,
    setProbeAnswers: (answers: boolean) => void (probeAnswers = answers),
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...timers].sort((a, b) => a.next - b.next)[0];
        if (!due || due.next > until) break;
        now = due.next;
        due.next += due.ms;
        due.tick();
        await new Promise((resolve) => setImmediate(resolve)); // the probe's answer
      }
      now = until;
    },
  };
}

const refused = systemError("ECONNREFUSED", "connect ECONNREFUSED 10.0.0.5:5432");

describe("the outage log", () => {
  it("says once that the database is unreachable, however many requests are refused", async () => {
    const { outage, lines, advance } = outageOnTestClock();
    for (let i = 0; i < 4_000; i++) {
      outage.refused(refused);
      if (i % 100 === 0) await advance(10);
    }
    expect(lines).toEqual([
      "[db] the database is unreachable (answering 503 until it is back): Error (ECONNREFUSED): connect ECONNREFUSED 10.0.0.5:5432",
    ]);
    expect(outage.isDown).toBe(true);
  });

  it("says once a minute that it is still unreachable, with the requests refused in that minute", async () => {
    const { outage, lines, advance } = outageOnTestClock();
    outage.refused(refused);
    for (let second = 1; second <= 150; second++) {
      await advance(1_000);
      if (second <= 30) outage.refused(refused); // 30 more in the first minute, none after
    }
    expect(lines.slice(1)).toEqual([
      "[db] the database is still unreachable: 31 requests answered 503 in the last minute",
      "[db] the database is still unreachable: 0 requests answered 503 in the last minute",
    ]);
  });

  it("ends at the first answer once no request has failed for a while, with how long it lasted and how many were refused", async () => {
    const clock = outageOnTestClock();
    const { outage, lines, advance } = clock;
    for (let i = 0; i < 41; i++) {
      outage.refused(refused);
      await advance(1_000);
    }
    expect(clock.probes()).toBeGreaterThan(30); // probed once a second meanwhile, each failing
    clock.setProbeAnswers(true); // back 41 s in: the probe's next tick, at 42 s, is the first answer
    await advance(OUTAGE_QUIET_MS - OUTAGE_PROBE_MS);
    expect(outage.isDown).toBe(true); // answering, but not yet for long enough
    await advance(2 * OUTAGE_PROBE_MS);
    expect(lines.at(-1)).toBe("[db] the database is reachable again after 42 s; 41 requests were answered 503");
    expect(outage.isDown).toBe(false);
    expect(clock.probing()).toBe(false); // no probe once it is over

    // A later failure is a new outage, said again.
    outage.refused(refused);
    expect(lines.filter((line) => line.includes("is unreachable"))).toHaveLength(2);
  });

  it("a half-working database (a full disk fails writes, reads work) is one outage, not one per read", async () => {
    const clock = outageOnTestClock();
    const { outage, lines, advance } = clock;
    clock.setProbeAnswers(true);
    const diskFull = postgresError("53100", 'could not extend file "base/5/16385"');
    for (let second = 0; second < 120; second++) {
      outage.answered(); // a read
      if (second % 2 === 0) outage.refused(diskFull); // a write every other second
      await advance(1_000);
    }
    expect(lines.filter((line) => /unreachable|reachable again/.test(line))).toEqual([
      '[db] the database is unreachable (answering 503 until it is back): error (53100): could not extend file "base/5/16385"',
      "[db] the database is still unreachable: 30 requests answered 503 in the last minute",
      "[db] the database is still unreachable: 30 requests answered 503 in the last minute",
    ]);
    await advance(OUTAGE_QUIET_MS + OUTAGE_PROBE_MS); // the writes stop failing
    expect(lines.at(-1)).toBe("[db] the database is reachable again after 119 s; 60 requests were answered 503");
  });

  it("an answer while the database is up costs nothing and says nothing", async () => {
    const { outage, lines, probing } = outageOnTestClock();
    for (let i = 0; i < 1_000; i++) outage.answered();
    expect(lines).toEqual([]);
    expect(probing()).toBe(false);
    expect(OUTAGE_SUMMARY_MS).toBe(60_000);
  });
});
