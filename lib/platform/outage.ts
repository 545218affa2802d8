// When the database cannot be reached — stopped, restarting, partitioned, out of connections, out of
// disk, read-only after a failover — a request that needs it is refused with 503 and Retry-After (the
// API) or the "trouble reaching its database" page (the dashboard), not a 500 and a stack: nothing is
// wrong with the request, and another try in a moment may well work.
//
// The log says so once, not once per request (before this, each instance wrote ~4,000 error lines a
// second with PostgreSQL stopped): a line when the outage starts, one a minute while it lasts with
// how many requests were refused, and one when it ends. The end is found by a probe (`select 1`,
// once a second, only during an outage), so a request that succeeds costs nothing here.
import "server-only";
import { openDatabaseClient, pingDatabase } from "@/db";
import { logError, logInfo } from "./log";
import { processState } from "./process-state";

/** What a refused client is told to wait, in seconds (Retry-After). */
export const RETRY_AFTER_SECONDS = 5;

// ---- Which errors mean "the database is unavailable"

/**
 * SQLSTATEs: connection exceptions (class 08), insufficient resources (53: disk full, out of memory,
 * too many connections), system errors (58: I/O), and from class 57 a statement cancelled
 * (statement_timeout), an administrator's or a crash's shutdown and "the database system is starting
 * up". 25006: a read-only transaction — a write reached a standby, as during a failover.
 */
const UNAVAILABLE_SQLSTATE = /^(08|53|58)[0-9A-Z]{3}$|^(57014|57P01|57P02|57P03|25006)$/;

/** Node's system errors: the network (refused, reset, timed out, unreachable, a name that does not resolve) and the disk. */
const UNAVAILABLE_SYSTEM_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "EHOSTDOWN",
  "ENETUNREACH",
  "ENETDOWN",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENOSPC",
  "EDQUOT",
  "EROFS",
  "EIO",
]);

/** pg's and PGlite's own errors, which carry no code: only their message says what happened. */
const UNAVAILABLE_MESSAGE = new RegExp(
  [
    "^Connection terminated", // the server went away, or pg-pool's connection timeout ("… due to connection timeout")
    "^timeout expired$", // pg's connectionTimeoutMillis, when the pool did not see it first
    "^timeout exceeded when trying to connect$", // pg-pool: waited connectionTimeoutMillis for a client from a full pool
    "^Query read timeout$", // pg's query_timeout: no answer at all
    "is not queryable$", // pg: a client whose connection has failed or ended
    "^Cannot use a pool after calling end on the pool$", // shutting down
    "^PGlite is closed", // shutting down (the embedded database)
  ].join("|"),
);

/**
 * Whether `err` (or what it wraps: drizzle's query error, Auth.js's, ours) says that the database
 * cannot be reached or cannot take the query right now — as opposed to a query that is wrong or a
 * constraint that refuses a row, which stay 500s / field errors.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current instanceof Error; depth++) {
    const { code, errors } = current as Error & { code?: unknown; errors?: unknown };
    if (typeof code === "string" && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSTEM_CODES.has(code)))
      return true;
    if (UNAVAILABLE_MESSAGE.test(current.message)) return true;
    // Connecting to a name with several addresses fails with an AggregateError of one error each.
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    const cause: unknown = (current as { cause?: unknown }).cause;
    current = cause instanceof Error ? cause : (cause as { err?: unknown } | undefined)?.err; // Auth.js: cause = { err }
  }
  return false;
}

// ---- The outage log

/** A success this long after the last failure ends an outage: a half-working database (a full disk fails writes, not reads) is not "back" at each read. */
export const OUTAGE_QUIET_MS = 5_000;
/** How often the outage says it still lasts. */
export const OUTAGE_SUMMARY_MS = 60_000;
/** How often the database is probed during an outage, and how long a probe may take. */
export const OUTAGE_PROBE_MS = 1_000;

export type OutageDependencies = {
  now: () => number;
  /** An error line (the start, the summaries). */
  error: (area: string, what: string, err?: unknown) => void;
  /** An information line (the end). */
  info: (line: string) => void;
  /** Resolves when the database answers. */
  probe: () => Promise<void>;
  /** Runs `tick` every `ms` until the returned function is called. */
  every: (ms: number, tick: () => void) => () => void;
};

type Down = {
  since: number;
  /** The last failure, a request's or the probe's. */
  lastFailureAt: number;
  /** The first success after the last failure. */
  answeringSince: number | undefined;
  refused: number;
  refusedThisPeriod: number;
  periodStart: number;
  stopProbing: () => void;
  probing: boolean;
};

/** One process's view of the database's availability; `databaseOutage()` is the process's. */
export class DatabaseOutage {
  private down: Down | undefined;

  constructor(private readonly deps: OutageDependencies) {}

  /** Whether the database is taken to be unavailable right now. */
  get isDown(): boolean {
    return this.down !== undefined;
  }

  /** A request was refused because the database is unavailable (`err` says why): counted, and logged if it starts an outage. */
  refused(err: unknown): void {
    this.failed(err);
    this.down!.refused++;
    this.down!.refusedThisPeriod++;
  }

  /** The database answered (the readiness check, the probe). */
  answered(): void {
    const down = this.down;
    if (!down) return;
    const now = this.deps.now();
    down.answeringSince ??= now;
    if (now - down.lastFailureAt < OUTAGE_QUIET_MS) return;
    this.down = undefined;
    down.stopProbing();
    const seconds = Math.max(0, Math.round((down.answeringSince - down.since) / 1000));
    this.deps.info(
      `[db] the database is reachable again after ${seconds} s; ${down.refused} ${down.refused === 1 ? "request was" : "requests were"} answered 503`,
    );
  }

  /** A failure, a request's or the probe's: starts an outage (said once, and probed) or prolongs it. */
  private failed(err: unknown): void {
    const now = this.deps.now();
    if (this.down) {
      this.down.lastFailureAt = now;
      this.down.answeringSince = undefined;
      return;
    }
    this.deps.error("db", "the database is unreachable (answering 503 until it is back)", err);
    const down: Down = {
      since: now,
      lastFailureAt: now,
      answeringSince: undefined,
      refused: 0,
      refusedThisPeriod: 0,
      periodStart: now,
      stopProbing: () => {},
      probing: false,
    };
    this.down = down;
    down.stopProbing = this.deps.every(OUTAGE_PROBE_MS, () => this.tick(down));
  }

  private tick(down: Down): void {
    if (this.down !== down) return;
    const now = this.deps.now();
    if (now - down.periodStart >= OUTAGE_SUMMARY_MS) {
      const period = Math.floor((now - down.periodStart) / 1000);
      this.deps.error(
        "db",
        `the database is still unreachable: ${down.refusedThisPeriod} ${down.refusedThisPeriod === 1 ? "request" : "requests"} answered 503 in the last ${period === 60 ? "minute" : `${period} s`}`,
      );
      down.periodStart = now;
      down.refusedThisPeriod = 0;
    }
    if (down.probing) return;
    down.probing = true;
    this.deps.probe().then(
      () => {
        down.probing = false;
        if (this.down === down) this.answered();
      },
      (err: unknown) => {
        down.probing = false;
        if (this.down === down) this.failed(err);
      },
    );
  }
}

/** The process's outage log (lib/ is loaded more than once in a process: one object for all copies). */
export function databaseOutage(): DatabaseOutage {
  return processState(
    "database outage",
    () =>
      new DatabaseOutage({
        now: Date.now,
        error: logError,
        info: logInfo,
        // Only a database that is open: after closeDatabase() (shutting down) a probe must not open it again.
        probe: () => (openDatabaseClient() ? pingDatabase(OUTAGE_PROBE_MS) : Promise.reject(new Error("closed"))),
        every: (ms, tick) => {
          const timer = setInterval(tick, ms).unref();
          return () => clearInterval(timer);
        },
      }),
  );
}
