// Every throttle of the product, shared by all instances (docs/architecture.md, "Where state lives").
// Counting is rate-limiter-flexible's, in a shared store: the rate_limits table of our own database by
// default (PostgreSQL or embedded PGlite), Redis/Valkey when REDIS_URL is set. Each process adds a
// local cache of blocks it has learnt from the store, so a blocked key is refused with no store round
// trip and a key that is not blocked costs nothing on a hot path that only asks `blockedLocally`.
// Every call to the store is bounded (STORE_TIMEOUT_MS): a store that fails or stalls is replaced by
// a count in this process, so a stalled Redis or database never holds a sign-in or a refusal.
import "server-only";
import { Redis } from "ioredis";
import {
  RateLimiterDrizzle,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { AppError } from "./shared/errors";
import { throttleKeyForAddress } from "./client-address";
import { config } from "./config";
import { processState } from "./process-state";
import { logError, logInfo } from "./log";

export type ThrottleRule = { limit: number; windowMs: number };

/** The one table of budgets: who may fail (or try) how often before waiting out the window. */
export const throttleRules = {
  // Sign-in (the form, Auth.js's endpoint, "Confirm your password"): lib/auth/sign-in-throttle.ts, decision 017.
  /** Wrong passwords for one email from anywhere but a known browser: the ceiling across addresses (NIST 800-63B: ≤ 100). */
  "sign-in per email": { limit: 100, windowMs: 60 * 60_000 },
  /** Wrong passwords for one email from one client address: the first budget of a browser not known for that email. */
  "sign-in per email and address": { limit: 5, windowMs: 15 * 60_000 },
  /** Wrong passwords from one client address, whatever the email. */
  "sign-in per address": { limit: 20, windowMs: 15 * 60_000 },
  /** Wrong passwords from one known browser (device cookie) or signed-in session, for its own email: its only budget. */
  "sign-in per device": { limit: 5, windowMs: 15 * 60_000 },
  /** Refused /v1 credentials from one client address. */
  "api credentials per address": { limit: 30, windowMs: 60_000 },
  /** New accounts from one client address. */
  "sign-up per address": { limit: 5, windowMs: 60 * 60_000 },
  /** Secret-scanning reports (POST /v1/secret-scanning) from one client address, counted before the body is read. */
  "secret scanning per address": { limit: 60, windowMs: 60_000 },
  /** Invitation acceptances (each may hash a password) from one client address. */
  "invitation per address": { limit: 10, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleName = keyof typeof throttleRules;

/** Where the counts live. A factory per rule, so tests can hand in a store of their choosing. */
export type ThrottleStore = {
  limiterFor(name: string, rule: ThrottleRule): RateLimiterAbstract;
};

/** The three calls a throttle makes of a counter: the store's, or this process's while the store fails. */
export type ThrottleCounter = Pick<RateLimiterAbstract, "get" | "penalty" | "delete">;

/**
 * How long one call to the shared store may take before the throttle counts in this process instead.
 * rate-limiter-flexible's insurance limiter takes over on an error only: a stalled Redis (measured: a
 * 25 s stall) held every sign-in and every refused /v1 request for as long as the stall.
 */
export const STORE_TIMEOUT_MS = 250;
/** While the store fails, one call a second still asks it (to notice it is back); the others count here at once. */
const PROBE_INTERVAL_MS = 1_000;

const durationSeconds = (rule: ThrottleRule) => Math.ceil(rule.windowMs / 1000);
/** When the shared store fails, counting carries on in this process rather than failing requests. */
const inProcess = (rule: ThrottleRule) =>
  new RateLimiterMemory({ points: rule.limit, duration: durationSeconds(rule) });

// The stores' limiters have no insurance limiter of their own: a failure must reach the Throttle,
// which falls back to its in-process count and reports the store's health.
export function databaseThrottleStore(db: unknown): ThrottleStore {
  return {
    limiterFor: (name, rule) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: name,
        points: rule.limit,
        duration: durationSeconds(rule),
      }),
  };
}

export function redisThrottleStore(client: Redis, prefix = "ecourier"): ThrottleStore {
  return {
    limiterFor: (name, rule) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${prefix}:${name}`,
        points: rule.limit,
        duration: durationSeconds(rule),
      }),
  };
}

/**
 * Whether a shared store answers, as this process's throttles see it. Says once that it stopped (an
 * error, or no answer within STORE_TIMEOUT_MS) and once that it answers again — not a line per call,
 * which during an outage would be one per refused request. While it is down, one call a second asks
 * it; the others count in the process at once rather than each waiting out the timeout.
 */
export class StoreHealth {
  private down?: { since: number; nextProbe: number; countedHere: number };

  /** `store` names it in the log: "Redis at host:6379", "the database". */
  constructor(readonly store: string) {}

  /** Whether a call starting now should ask the store (else it counts in the process at once). */
  shouldAsk(now = Date.now()): boolean {
    if (!this.down) return true;
    if (now >= this.down.nextProbe) {
      this.down.nextProbe = now + PROBE_INTERVAL_MS;
      return true;
    }
    return false;
  }

  /** A call was made on the in-process count (reported when the store is back). */
  countedInProcess(): void {
    if (this.down) this.down.countedHere++;
  }

  /** The store failed (an error event, or a call that failed or timed out). */
  failed(err: unknown, now = Date.now()): void {
    if (this.down) return;
    this.down = { since: now, nextProbe: now + PROBE_INTERVAL_MS, countedHere: 0 };
    logError("throttle", `${this.store} is not answering: counting in this process until it does`, err);
  }

  /** A call that started at `startedAt` was answered; one that started before the failure proves nothing. */
  answered(startedAt = Date.now()): void {
    if (!this.down || startedAt < this.down.since) return;
    const { since, countedHere } = this.down;
    this.down = undefined;
    const seconds = ((Date.now() - since) / 1000).toFixed(1);
    logInfo(
      `[throttle] ${this.store} is answering again after ${seconds} s; ` +
        `${countedHere} ${countedHere === 1 ? "call was" : "calls were"} counted in this process meanwhile`,
    );
  }
}

/**
 * A Redis client for REDIS_URL that fails fast while disconnected (the throttles count in the process),
 * and a promise that settles once it is connected or after `waitMs`: counts made before the
 * connection would go to this process alone. Its health is shared by every throttle on it.
 */
function connectRedis(url: string, waitMs = 2_000): { client: Redis; ready: Promise<void>; health: StoreHealth } {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // ioredis gives up on a command after the same time (rejects it; Redis still runs it once it resumes).
    commandTimeout: STORE_TIMEOUT_MS,
  });
  const health = new StoreHealth(`Redis at ${new URL(url).host}`);
  client.on("error", (err) => health.failed(err));
  client.on("ready", () => health.answered());
  const ready = new Promise<void>((resolve) => {
    client.once("ready", resolve);
    setTimeout(resolve, waitMs).unref();
  });
  return { client, ready, health };
}

export type ThrottleOptions = {
  /** The store's health, shared by the throttles on it (the log then says once that it is down). */
  health?: StoreHealth;
  /** What a caller's key is counted under (a client address → its /64 for IPv6); unset: the key itself. */
  keyOf?: (key: string) => string;
  timeoutMs?: number;
  maxCachedBlocks?: number;
};

/** One throttle: a shared count per key, and this process's cache of the blocks it has seen. */
export class Throttle {
  /** key → epoch ms until which the shared count blocks it. Bounded; expired entries are dropped. */
  private readonly blockedUntil = new Map<string, number>();
  /** Counts while the store fails or stalls (rate-limiter-flexible's "insurance"). */
  private readonly local: ThrottleCounter;
  private readonly health: StoreHealth;
  private readonly timeoutMs: number;
  private readonly maxCachedBlocks: number;
  private readonly keyOf: (key: string) => string;

  /** `limiter` gives the shared counter to use now (the database store follows the open database). */
  constructor(
    readonly rule: ThrottleRule,
    private readonly limiter: () => Promise<ThrottleCounter>,
    options: ThrottleOptions = {},
  ) {
    this.local = inProcess(rule);
    this.health = options.health ?? new StoreHealth("the throttle store");
    this.timeoutMs = options.timeoutMs ?? STORE_TIMEOUT_MS;
    this.maxCachedBlocks = options.maxCachedBlocks ?? 10_000;
    this.keyOf = options.keyOf ?? ((key) => key);
  }

  /** Milliseconds this process knows `key` is blocked for; no I/O. */
  blockedLocally(key: string, now = Date.now()): number {
    return this.blockedHere(this.keyOf(key), now);
  }

  private blockedHere(key: string, now = Date.now()): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    this.blockedUntil.delete(key);
    return 0;
  }

  /** Milliseconds `key` is blocked for, asking the shared store when this process knows of no block. */
  async blockedFor(caller: string): Promise<number> {
    const key = this.keyOf(caller);
    const local = this.blockedHere(key);
    if (local > 0) return local;
    const res = await this.call((counter) => counter.get(key));
    return res ? this.learn(key, res) : 0;
  }

  /** Counts one failure (or attempt) for `key`; the milliseconds it is blocked for afterwards (0: not blocked). */
  async record(caller: string): Promise<number> {
    const key = this.keyOf(caller);
    return this.learn(key, await this.counted(key));
  }

  private async counted(key: string): Promise<RateLimiterRes> {
    try {
      return await this.call((counter) => counter.penalty(key));
    } catch (err) {
      if (err instanceof RateLimiterRes) return err;
      throw err;
    }
  }

  /**
   * For budgets of attempts rather than failures (sign-ups): counts this attempt and answers 0 when it
   * may go ahead, else the milliseconds to wait. Refused attempts are not counted again.
   */
  async attempt(caller: string): Promise<number> {
    const key = this.keyOf(caller);
    const local = this.blockedHere(key);
    if (local > 0) return local;
    const counted = await this.counted(key);
    this.learn(key, counted);
    return counted.consumedPoints > this.rule.limit ? Math.max(1, counted.msBeforeNext) : 0;
  }

  /** Forgets `key`'s count everywhere (a correct password resets its email's count). */
  async reset(caller: string): Promise<void> {
    const key = this.keyOf(caller);
    this.blockedUntil.delete(key);
    await this.call((counter) => counter.delete(key));
  }

  /**
   * One call, to the shared store unless it is known to be down; made on the in-process count instead
   * when the store fails or has not answered within `timeoutMs` (the store's call is then left to
   * finish or fail on its own). Only refusals and the dashboard's throttles come here: the /v1 hot path
   * asks `blockedLocally` alone, so a token that is accepted starts no timer.
   */
  private async call<T>(op: (counter: ThrottleCounter) => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    if (!this.health.shouldAsk(startedAt)) return this.countHere(op);
    let timer: NodeJS.Timeout | undefined;
    try {
      // Not timed: the store's client, which waits for the first connection (Redis: up to 2 s) or the
      // database's opening (its own timeouts bound it, and the request needs the database anyway).
      const counter = await this.limiter();
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      });
      const answer = await Promise.race([op(counter), timedOut]);
      this.health.answered(startedAt);
      return answer;
    } catch (err) {
      if (err instanceof RateLimiterRes) throw err; // a verdict, not a failure
      this.health.failed(err);
      return this.countHere(op);
    } finally {
      clearTimeout(timer);
    }
  }

  private countHere<T>(op: (counter: ThrottleCounter) => Promise<T>): Promise<T> {
    this.health.countedInProcess();
    return op(this.local);
  }

  private learn(key: string, res: RateLimiterRes): number {
    if (res.consumedPoints < this.rule.limit || res.msBeforeNext <= 0) return 0;
    if (this.blockedUntil.size >= this.maxCachedBlocks) {
      const now = Date.now();
      for (const [k, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(k);
      if (this.blockedUntil.size >= this.maxCachedBlocks)
        this.blockedUntil.delete(this.blockedUntil.keys().next().value!);
    }
    this.blockedUntil.set(key, Date.now() + res.msBeforeNext);
    return res.msBeforeNext;
  }
}

/**
 * A rule's throttle on this process's store: Redis when REDIS_URL is set, else the open database
 * (followed across a reopen; a database that cannot be opened is a failure like any other).
 */
function throttleFromEnv(name: ThrottleName): Throttle {
  const rule = throttleRules[name];
  const keyOf = keyFor(name);
  const { REDIS_URL: url, REDIS_KEY_PREFIX: prefix } = config();
  if (url) {
    const redis = processState("redis client", () => connectRedis(url));
    const limiter = redisThrottleStore(redis.client, prefix).limiterFor(name, rule);
    return new Throttle(
      rule,
      async () => {
        await redis.ready;
        return limiter;
      },
      { health: redis.health, keyOf },
    );
  }
  const byDatabase = new WeakMap<object, RateLimiterAbstract>();
  const limiter = async () => {
    const db = await getDb();
    let limiter = byDatabase.get(db);
    if (!limiter) byDatabase.set(db, (limiter = databaseThrottleStore(db).limiterFor(name, rule)));
    return limiter;
  };
  return new Throttle(rule, limiter, {
    health: processState("database throttle store", () => new StoreHealth("the database")),
    keyOf,
  });
}

/**
 * What a rule counts a caller's key under. A rule "… per address" takes a client address, counted as
 * throttleKeyForAddress says (an IPv6 client per /64: one subscriber's usual allocation, which would
 * otherwise give its holder 2^64 fresh budgets), so no caller can forget to. Other rules (an email,
 * "email and address") are keyed as given: a caller that puts an address in such a key applies
 * throttleKeyForAddress to it itself.
 */
export function keyFor(name: ThrottleName): ((key: string) => string) | undefined {
  return name.endsWith(" per address") ? throttleKeyForAddress : undefined;
}

/** The process's throttles, one per rule, created on first use (however often lib/ is loaded). */
const throttles = processState("throttles", () => new Map<ThrottleName, Throttle>());

export function throttle(name: ThrottleName): Throttle {
  let existing = throttles.get(name);
  if (!existing) throttles.set(name, (existing = throttleFromEnv(name)));
  return existing;
}

/** "1 minute", "12 minutes": how long a person must wait, rounded up. */
export function waitInWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * Spends one attempt of `name` for `key`, or throws AppError "throttled" with `message(wait)` when the
 * budget is used up.
 */
export async function spendAttempt(name: ThrottleName, key: string, message: (wait: string) => string): Promise<void> {
  const wait = await throttle(name).attempt(key);
  if (wait > 0) throw new AppError("throttled", message(waitInWords(wait)));
}

/** Creates every throttle now, so a Redis connection is made before the first request rather than during it. */
export function prepareThrottles(): void {
  for (const name of Object.keys(throttleRules) as ThrottleName[]) throttle(name);
}
