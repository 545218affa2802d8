// Every throttle of the product, shared by all instances (docs/architecture.md, "Where state lives").
// Counting is rate-limiter-flexible's, in a shared store: the rate_limits table of our own database by
// default (PostgreSQL or embedded PGlite), Redis/Valkey when REDIS_URL is set. Each process adds a
// local cache of blocks it has learnt from the store, so a blocked key is refused with no store round
// trip and a key that is not blocked costs nothing on a hot path that only asks `blockedLocally`.
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
import { config } from "./config";
import { processState } from "./process-state";
import { logError } from "./log";

export type ThrottleRule = { limit: number; windowMs: number };

/** The one table of budgets: who may fail (or try) how often before waiting out the window. */
export const throttleRules = {
  /** Wrong passwords for one email: sign-in form, Auth.js endpoint and "Confirm your password". */
  "sign-in per email": { limit: 5, windowMs: 15 * 60_000 },
  /** Wrong passwords from one client address, whatever the email. */
  "sign-in per address": { limit: 20, windowMs: 15 * 60_000 },
  /** Refused /v1 credentials from one client address. */
  "api credentials per address": { limit: 30, windowMs: 60_000 },
  /** New accounts from one client address. */
  "sign-up per address": { limit: 5, windowMs: 60 * 60_000 },
  /** Invitation acceptances (each may hash a password) from one client address. */
  "invitation per address": { limit: 10, windowMs: 15 * 60_000 },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleName = keyof typeof throttleRules;

/** Where the counts live. A factory per rule, so tests can hand in a store of their choosing. */
export type ThrottleStore = {
  limiterFor(name: string, rule: ThrottleRule, insurance?: RateLimiterAbstract): RateLimiterAbstract;
};

const durationSeconds = (rule: ThrottleRule) => Math.ceil(rule.windowMs / 1000);
/** When the shared store fails, counting carries on in this process rather than failing requests. */
const inProcess = (rule: ThrottleRule) =>
  new RateLimiterMemory({ points: rule.limit, duration: durationSeconds(rule) });

export function databaseThrottleStore(db: unknown): ThrottleStore {
  return {
    limiterFor: (name, rule, insurance = inProcess(rule)) =>
      new RateLimiterDrizzle({
        storeClient: db,
        schema: rateLimits,
        keyPrefix: name,
        points: rule.limit,
        duration: durationSeconds(rule),
        insuranceLimiter: insurance,
      }),
  };
}

export function redisThrottleStore(client: Redis, prefix = "ecourier"): ThrottleStore {
  return {
    limiterFor: (name, rule, insurance = inProcess(rule)) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${prefix}:${name}`,
        points: rule.limit,
        duration: durationSeconds(rule),
        insuranceLimiter: insurance,
      }),
  };
}

/**
 * A Redis client for REDIS_URL that fails fast while disconnected (the insurance limiter takes over),
 * and a promise that settles once it is connected or after `waitMs`: counts made before the
 * connection would go to this process alone.
 */
function connectRedis(url: string, waitMs = 2_000): { client: Redis; ready: Promise<void> } {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let reported = false;
  client.on("error", (err) => {
    if (reported) return;
    reported = true;
    logError("throttle", `Redis at ${new URL(url).host}`, err);
  });
  client.on("ready", () => (reported = false));
  const ready = new Promise<void>((resolve) => {
    client.once("ready", resolve);
    setTimeout(resolve, waitMs).unref();
  });
  return { client, ready };
}

/** One throttle: a shared count per key, and this process's cache of the blocks it has seen. */
export class Throttle {
  /** key → epoch ms until which the shared count blocks it. Bounded; expired entries are dropped. */
  private readonly blockedUntil = new Map<string, number>();

  /** `limiter` gives the shared counter to use now (the database store follows the open database). */
  constructor(
    readonly rule: ThrottleRule,
    private readonly limiter: () => Promise<RateLimiterAbstract>,
    private readonly maxCachedBlocks = 10_000,
  ) {}

  /** Milliseconds this process knows `key` is blocked for; no I/O. */
  blockedLocally(key: string, now = Date.now()): number {
    const until = this.blockedUntil.get(key);
    if (until === undefined) return 0;
    if (until > now) return until - now;
    this.blockedUntil.delete(key);
    return 0;
  }

  /** Milliseconds `key` is blocked for, asking the shared store when this process knows of no block. */
  async blockedFor(key: string): Promise<number> {
    const local = this.blockedLocally(key);
    if (local > 0) return local;
    const res = await (await this.limiter()).get(key);
    return res ? this.learn(key, res) : 0;
  }

  /** Counts one failure (or attempt) for `key`; the milliseconds it is blocked for afterwards (0: not blocked). */
  async record(key: string): Promise<number> {
    return this.learn(key, await this.counted(key));
  }

  private async counted(key: string): Promise<RateLimiterRes> {
    try {
      return await (await this.limiter()).penalty(key);
    } catch (err) {
      if (err instanceof RateLimiterRes) return err;
      throw err;
    }
  }

  /**
   * For budgets of attempts rather than failures (sign-ups): counts this attempt and answers 0 when it
   * may go ahead, else the milliseconds to wait. Refused attempts are not counted again.
   */
  async attempt(key: string): Promise<number> {
    const local = this.blockedLocally(key);
    if (local > 0) return local;
    const counted = await this.counted(key);
    this.learn(key, counted);
    return counted.consumedPoints > this.rule.limit ? Math.max(1, counted.msBeforeNext) : 0;
  }

  /** Forgets `key`'s count everywhere (a correct password resets its email's count). */
  async reset(key: string): Promise<void> {
    this.blockedUntil.delete(key);
    await (await this.limiter()).delete(key);
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

/** The counter for a rule in this process's store: Redis when REDIS_URL is set, else the open database. */
function limiterFromEnv(name: ThrottleName, rule: ThrottleRule): () => Promise<RateLimiterAbstract> {
  const { REDIS_URL: url, REDIS_KEY_PREFIX: prefix } = config();
  if (url) {
    const redis = processState("redis client", () => connectRedis(url));
    const limiter = redisThrottleStore(redis.client, prefix).limiterFor(name, rule);
    return async () => {
      await redis.ready;
      return limiter;
    };
  }
  const insurance = inProcess(rule);
  const byDatabase = new WeakMap<object, RateLimiterAbstract>();
  return async () => {
    let db: Awaited<ReturnType<typeof getDb>>;
    try {
      db = await getDb();
    } catch {
      return insurance; // the database is down: keep counting here; the request fails on its own
    }
    let limiter = byDatabase.get(db);
    if (!limiter) byDatabase.set(db, (limiter = databaseThrottleStore(db).limiterFor(name, rule, insurance)));
    return limiter;
  };
}

/** The process's throttles, one per rule, created on first use (however often lib/ is loaded). */
const throttles = processState("throttles", () => new Map<ThrottleName, Throttle>());

export function throttle(name: ThrottleName): Throttle {
  let existing = throttles.get(name);
  if (!existing)
    throttles.set(name, (existing = new Throttle(throttleRules[name], limiterFromEnv(name, throttleRules[name]))));
  return existing;
}

/** "1 minute", "12 minutes": how long a person must wait, rounded up. */
function waitFor(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}

/**
 * Spends one attempt of `name` for `key`, or throws AppError "throttled" with `message(wait)` when the
 * budget is used up.
 */
export async function spendAttempt(name: ThrottleName, key: string, message: (wait: string) => string): Promise<void> {
  const wait = await throttle(name).attempt(key);
  if (wait > 0) throw new AppError("throttled", message(waitFor(wait)));
}

/** Creates every throttle now, so a Redis connection is made before the first request rather than during it. */
export function prepareThrottles(): void {
  for (const name of Object.keys(throttleRules) as ThrottleName[]) throttle(name);
}
