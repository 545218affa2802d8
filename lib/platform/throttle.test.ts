// The shared throttle, on each store it runs on: the database of this test run (PGlite, or PostgreSQL
// with DATABASE_URL) and Redis. Each "instance" is a Throttle of its own over the same store, as two
// server processes would have: only the store is shared between them.
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  databaseThrottleStore,
  redisThrottleStore,
  Throttle,
  throttle as throttleOf,
  throttleRules,
  type ThrottleRule,
  type ThrottleStore,
} from "./throttle";

const REDIS_URL = process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379";
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

const stores: [string, () => Promise<ThrottleStore>][] = [
  ["the database", async () => databaseThrottleStore(await getDb())],
  // A prefix per run: test files run in parallel against one Redis.
  ["Redis", async () => redisThrottleStore(redis, `test-${randomBytes(6).toString("hex")}`)],
];

const rule: ThrottleRule = { limit: 5, windowMs: 60_000 };

describe.each(stores)("a throttle on %s", (_name, makeStore) => {
  /** `count` instances of one throttle over one store, as `count` processes would have. */
  async function instances(count: number, name = `rule-${randomBytes(4).toString("hex")}`) {
    const store = await makeStore();
    return Array.from({ length: count }, () => {
      const limiter = store.limiterFor(name, rule);
      // A generous bound: these tests are about the store's counts, not about a slow store.
      return new Throttle(rule, async () => limiter, { timeoutMs: 10_000 });
    });
  }

  it("blocks a key at the limit, for what is left of the window, and not other keys", async () => {
    const [throttle] = await instances(1);
    for (let i = 1; i < rule.limit; i++) expect(await throttle.record("192.0.2.1")).toBe(0);
    const blockedFor = await throttle.record("192.0.2.1");
    expect(blockedFor).toBeGreaterThan(55_000);
    expect(blockedFor).toBeLessThanOrEqual(60_000);
    expect(throttle.blockedLocally("192.0.2.1")).toBeGreaterThan(0);
    expect(await throttle.blockedFor("192.0.2.2")).toBe(0);
  });

  it("failures counted through instance A block the key on instance B", async () => {
    const [a, b] = await instances(2);
    for (let i = 0; i < rule.limit; i++) await a.record("ada@example.com");
    expect(b.blockedLocally("ada@example.com")).toBe(0); // B has not been told yet…
    expect(await b.blockedFor("ada@example.com")).toBeGreaterThan(0); // …but the shared count says so
    expect(b.blockedLocally("ada@example.com")).toBeGreaterThan(0); // and now B remembers it
  });

  it("a guesser spread over N instances gets at most N - 1 guesses beyond the limit", async () => {
    const n = 3;
    const all = await instances(n);
    let guesses = 0;
    // Round-robin, as a load balancer would spread them; a blocked instance refuses without counting.
    for (let round = 0; round < 10; round++) {
      for (const instance of all) {
        if (instance.blockedLocally("198.51.100.7") > 0) continue;
        guesses++;
        await instance.record("198.51.100.7");
      }
    }
    expect(all.every((instance) => instance.blockedLocally("198.51.100.7") > 0)).toBe(true);
    expect(guesses).toBeLessThanOrEqual(rule.limit + n - 1);
  });

  it("an attempts budget lets `limit` attempts through and refuses the next, on any instance", async () => {
    const [a, b] = await instances(2);
    for (let i = 0; i < rule.limit; i++) expect(await (i % 2 ? a : b).attempt("203.0.113.50")).toBe(0);
    expect(await a.attempt("203.0.113.50")).toBeGreaterThan(0);
    expect(await b.attempt("203.0.113.50")).toBeGreaterThan(0);
    expect(await b.attempt("203.0.113.51")).toBe(0);
  });

  it("a reset on one instance clears the count for every instance", async () => {
    const [a, b] = await instances(2);
    for (let i = 0; i < rule.limit; i++) await a.record("reset@example.com");
    await a.reset("reset@example.com");
    expect(await b.blockedFor("reset@example.com")).toBe(0);
    expect(await b.record("reset@example.com")).toBe(0);
  });
});

describe("when the shared store is unreachable", () => {
  it("counting carries on in the process (the insurance limiter) instead of failing the request", async () => {
    const dead = new Redis("redis://127.0.0.1:1", {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on("error", () => {});
    const limiter = redisThrottleStore(dead, "dead").limiterFor("dead", rule);
    const throttle = new Throttle(rule, async () => limiter);
    for (let i = 1; i < rule.limit; i++) expect(await throttle.record("203.0.113.9")).toBe(0);
    expect(await throttle.record("203.0.113.9")).toBeGreaterThan(0);
    dead.disconnect();
  });
});

describe('a per-address rule (every rule named "… per address")', () => {
  // The product's own throttles, on this run's database (PGlite, or PostgreSQL with DATABASE_URL).
  const network = () => `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;

  it("counts an IPv6 client per /64, whichever of its 2^64 addresses it sends from", async () => {
    const signUps = throttleOf("sign-up per address");
    const { limit } = throttleRules["sign-up per address"];
    const mine = network();
    for (let i = 1; i <= limit; i++) expect(await signUps.attempt(`${mine}::${i}`)).toBe(0);
    expect(await signUps.attempt(`${mine}:ffff:ffff:ffff:ffff`)).toBeGreaterThan(0);
    expect(signUps.blockedLocally(`${mine}:1:2:3:4`)).toBeGreaterThan(0);
    expect(await signUps.attempt(`${network()}::1`)).toBe(0); // another /64
  });

  it("counts an IPv4 client per address, and an IPv4-mapped IPv6 address as that IPv4 address", async () => {
    const invitations = throttleOf("invitation per address");
    const { limit } = throttleRules["invitation per address"];
    const octet = randomBytes(1)[0];
    for (let i = 0; i < limit; i++) expect(await invitations.attempt(`192.0.2.${octet}`)).toBe(0);
    expect(await invitations.attempt(`::ffff:192.0.2.${octet}`)).toBeGreaterThan(0);
    expect(await invitations.attempt(`192.0.2.${(octet + 1) % 256}`)).toBe(0);
  });
});
