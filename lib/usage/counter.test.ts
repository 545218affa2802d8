// The usage buffer without a database: counts per hour and outcome, a failed write keeps
// everything for the next, flushes never overlap, and the cap drops the oldest hours, saying so.
// At shutdown the last flush retries, and what it could not write is logged as lost, not as kept.
import { describe, expect, it } from "vitest";
import { HOUR_MS, UsageCounter, type UsageRow } from "./counter";

const T0 = Date.UTC(2026, 11, 2, 10, 0, 0);
const ID_A = "00000000-0000-4000-8000-00000000000a";
const ID_B = "00000000-0000-4000-8000-00000000000b";

function counter(options: { fail?: () => boolean; maxEntries?: number; hang?: () => boolean } = {}) {
  const written: UsageRow[][] = [];
  const logged: string[] = [];
  let attempts = 0;
  const usage = new UsageCounter({
    write: async (rows) => {
      attempts++;
      if (options.hang?.()) return new Promise<void>(() => {}); // a database that never answers
      if (options.fail?.()) throw new Error("database unreachable");
      written.push(rows);
    },
    maxEntries: options.maxEntries ?? 1_000,
    log: (message) => logged.push(message),
  });
  return { usage, written, logged, attempts: () => attempts };
}

const sorted = (rows: UsageRow[]) =>
  [...rows].sort((a, b) =>
    `${a.hour}${a.credentialId}${a.outcome}`.localeCompare(`${b.hour}${b.credentialId}${b.outcome}`),
  );

describe("UsageCounter", () => {
  it("writes one row per credential, hour and outcome, with its count", async () => {
    const { usage, written } = counter();
    usage.count(ID_A, "success", T0 + 1);
    usage.count(ID_A, "success", T0 + 2);
    usage.count(ID_A, "revoked", T0 + 3);
    usage.count(ID_B, "client_error", T0 + HOUR_MS - 1);
    usage.count(ID_A, "success", T0 + HOUR_MS); // the next hour
    expect(usage.pending()).toBe(5);
    expect(await usage.flush()).toBe(true);
    const hour = new Date(T0).toISOString();
    const next = new Date(T0 + HOUR_MS).toISOString();
    expect(sorted(written.flat())).toEqual(
      sorted([
        { credentialId: ID_A, hour, outcome: "success", count: 2 },
        { credentialId: ID_A, hour, outcome: "revoked", count: 1 },
        { credentialId: ID_B, hour, outcome: "client_error", count: 1 },
        { credentialId: ID_A, hour: next, outcome: "success", count: 1 },
      ]),
    );
    expect(usage.pending()).toBe(0);
    expect(await usage.flush()).toBe(true);
    expect(written).toHaveLength(1); // nothing new: no write
  });

  it("a failed write keeps its counts, added to what came meanwhile, for the next flush", async () => {
    let failing = true;
    const { usage, written, logged } = counter({ fail: () => failing });
    usage.count(ID_A, "success", T0);
    usage.count(ID_A, "success", T0);
    expect(await usage.flush()).toBe(false);
    expect(logged).toEqual(["could not write 2 counted requests; they are kept for the next flush"]);
    usage.count(ID_A, "success", T0 + 10);
    usage.count(ID_B, "expired", T0 + 10);
    expect(usage.pending()).toBe(4);
    failing = false;
    expect(await usage.flush()).toBe(true);
    expect(sorted(written.flat())).toEqual(
      sorted([
        { credentialId: ID_A, hour: new Date(T0).toISOString(), outcome: "success", count: 3 },
        { credentialId: ID_B, hour: new Date(T0).toISOString(), outcome: "expired", count: 1 },
      ]),
    );
  });

  it("flushes run one after another: a second flush waits and writes only what is new", async () => {
    let release!: () => void;
    const calls: UsageRow[][] = [];
    const usage = new UsageCounter({
      write: (rows) => {
        calls.push(rows);
        return calls.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
      },
      maxEntries: 100,
      log: () => {},
    });
    usage.count(ID_A, "success", T0);
    const first = usage.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(1); // the first is writing
    usage.count(ID_A, "success", T0);
    const second = usage.flush();
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toHaveLength(1); // the second has not started while the first is writing
    release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(calls.map((rows) => rows.map((r) => r.count))).toEqual([[1], [1]]);
  });

  it("beyond its cap it drops the oldest hours, not the newest, and logs how many requests it dropped", async () => {
    let failing = true;
    const { usage, written, logged } = counter({ fail: () => failing, maxEntries: 2 });
    usage.count(ID_A, "success", T0); // hour 0
    usage.count(ID_A, "success", T0);
    usage.count(ID_A, "success", T0 + HOUR_MS); // hour 1
    await usage.flush(); // fails: both hours kept
    usage.count(ID_B, "success", T0 + 2 * HOUR_MS); // hour 2: room is made by dropping hour 0 (2 requests)
    expect(usage.pending()).toBe(2);
    failing = false;
    await usage.flush();
    expect(logged).toContainEqual(expect.stringMatching(/dropped 2 counted requests/));
    expect(sorted(written.flat())).toEqual(
      sorted([
        { credentialId: ID_A, hour: new Date(T0 + HOUR_MS).toISOString(), outcome: "success", count: 1 },
        { credentialId: ID_B, hour: new Date(T0 + 2 * HOUR_MS).toISOString(), outcome: "success", count: 1 },
      ]),
    );
  });

  it("when the current hour alone fills the cap, a new credential's request is dropped and counted as dropped", async () => {
    const { usage, written, logged } = counter({ maxEntries: 1 });
    usage.count(ID_A, "success", T0);
    usage.count(ID_B, "success", T0);
    usage.count(ID_A, "success", T0);
    await usage.flush();
    expect(written.flat()).toEqual([
      { credentialId: ID_A, hour: new Date(T0).toISOString(), outcome: "success", count: 2 },
    ]);
    expect(logged).toEqual([expect.stringMatching(/dropped 1 counted requests/)]);
  });

  describe("at shutdown (no flush follows)", () => {
    const soon = (ms: number) => Date.now() + ms;

    it("retries a failed write and, once it succeeds, has lost nothing", async () => {
      let failures = 2;
      const { usage, written, logged, attempts } = counter({ fail: () => failures-- > 0 });
      usage.count(ID_A, "success", T0);
      usage.count(ID_A, "success", T0);
      expect(await usage.flushAtShutdown(soon(5_000), [10, 10, 10])).toBe(true);
      expect(attempts()).toBe(3);
      expect(written.flat()).toEqual([
        { credentialId: ID_A, hour: new Date(T0).toISOString(), outcome: "success", count: 2 },
      ]);
      expect(logged).toEqual([
        "could not write 2 counted requests at shutdown; trying again in 10 ms",
        "could not write 2 counted requests at shutdown; trying again in 10 ms",
      ]);
      expect(usage.pending()).toBe(0);
    });

    it("when the database keeps refusing, says how many counted requests were lost, never that they are kept", async () => {
      const { usage, logged, attempts } = counter({ fail: () => true });
      usage.count(ID_A, "success", T0);
      usage.count(ID_A, "success", T0);
      usage.count(ID_B, "client_error", T0);
      expect(await usage.flushAtShutdown(soon(5_000), [10, 20])).toBe(false);
      expect(attempts()).toBe(3); // the first try and one per delay
      expect(logged.at(-1)).toBe("lost 3 counted requests: the database was unreachable at shutdown");
      expect(logged.filter((line) => line.includes("kept for the next flush"))).toEqual([]);
    });

    it("gives up a write that does not answer by the deadline, without a second write that could count twice", async () => {
      const { usage, logged, attempts } = counter({ hang: () => true });
      usage.count(ID_A, "success", T0);
      usage.count(ID_B, "success", T0);
      const started = Date.now();
      expect(await usage.flushAtShutdown(soon(200), [10, 10])).toBe(false);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(attempts()).toBe(1);
      expect(logged).toEqual(["lost 2 counted requests: the database was unreachable at shutdown"]);
    });

    it("counts as lost the requests of a periodic flush still hanging when shutdown began", async () => {
      const { usage, logged } = counter({ hang: () => true });
      usage.count(ID_A, "success", T0);
      usage.count(ID_A, "success", T0);
      void usage.flush(); // never answers
      usage.count(ID_A, "success", T0 + 1);
      expect(usage.pending()).toBe(3);
      expect(await usage.flushAtShutdown(soon(200))).toBe(false);
      expect(logged).toEqual(["lost 3 counted requests: the database was unreachable at shutdown"]);
    });

    it("with nothing counted, succeeds without writing; a flush after it writes nothing more", async () => {
      const { usage, logged, attempts } = counter({ fail: () => true });
      expect(await usage.flushAtShutdown(soon(1_000))).toBe(true);
      usage.count(ID_A, "success", T0);
      expect(await usage.flush()).toBe(true); // the periodic flush, once shutdown began: the last one's answer
      expect(attempts()).toBe(0);
      expect(logged).toEqual([]);
    });
  });
});
