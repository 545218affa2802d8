// Requests per credential by outcome (docs/architecture.md, "Usage"). A /v1 request adds one to a
// count in this process's memory: no database round trip on the hot path. Every few seconds the
// counts are added to hourly buckets in one statement (`count = count + excluded.count`), so any
// number of instances add up. A flush that fails puts its counts back for the next one; a bounded
// buffer drops the oldest hours beyond its cap and says how many requests it dropped. At shutdown
// there is no next flush: the last one retries until its deadline, then says how many it lost.
import { usageOutcomes as OUTCOMES, type UsageOutcome } from "@/lib/platform/shared";

export const HOUR_MS = 3_600_000;
const INDEX = Object.fromEntries(OUTCOMES.map((outcome, i) => [outcome, i])) as Record<UsageOutcome, number>;

/** One bucket's count, as written: `hour` is the bucket's start, ISO 8601 UTC. */
export type UsageRow = { credentialId: string; hour: string; outcome: UsageOutcome; count: number };

/** Counts by outcome index, per credential, per hour (the hour's start in ms). */
type Hours = Map<number, Map<string, Float64Array>>;

export type UsageCounterDeps = {
  /** Adds the rows to the buckets; throws when it could not (the counts are then kept). */
  write: (rows: UsageRow[]) => Promise<void>;
  /** At most this many credential-hours are held; beyond it the oldest hours are dropped. */
  maxEntries: number;
  log: (message: string, err?: unknown) => void;
};

export class UsageCounter {
  private hours: Hours = new Map();
  private currentHour = -1;
  private current: Map<string, Float64Array> | undefined;
  private entries = 0;
  private dropped = 0;
  /** Counted requests in the write under way: not written yet, so still pending (and lost if it never ends). */
  private writing = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** The last flush, once shutdown has started it: later flushes wait for it instead of writing. */
  private last: Promise<boolean> | undefined;

  constructor(private readonly deps: UsageCounterDeps) {}

  /** The hot path: a map lookup and an increment. `now`: the request's time (ms), read once per request. */
  count(credentialId: string, outcome: UsageOutcome, now: number): void {
    const hour = now - (now % HOUR_MS);
    if (hour !== this.currentHour || !this.current) this.current = this.hour(hour);
    let counts = this.current.get(credentialId);
    if (!counts) {
      if (this.entries >= this.deps.maxEntries && !this.makeRoom(hour)) {
        this.dropped++;
        return;
      }
      counts = new Float64Array(OUTCOMES.length);
      this.current.set(credentialId, counts);
      this.entries++;
    }
    counts[INDEX[outcome]]++;
  }

  /** Requests counted and not yet written (those of a write under way included). */
  pending(): number {
    return this.writing + total(this.hours);
  }

  /**
   * Writes everything counted so far; true when it was written (or there was nothing). Flushes run
   * one after another, never two at once. Never throws: a failure keeps the counts for the next.
   */
  flush(): Promise<boolean> {
    return this.last ?? this.enqueue(true).then((failed) => !failed);
  }

  /**
   * The last flush, at shutdown: no flush follows it, so a failed write is tried again after each of
   * `retryDelaysMs` while `deadline` (ms since the epoch) allows, and a write that has not answered by
   * then is given up. What is left unwritten is lost, and the log says how many requests that was.
   * Started once: later calls, and later `flush()` calls, get the same answer.
   */
  flushAtShutdown(deadline: number, retryDelaysMs: readonly number[] = [250, 500, 1_000, 2_000]): Promise<boolean> {
    return (this.last ??= this.flushLast(deadline, retryDelaysMs));
  }

  private async flushLast(deadline: number, retryDelaysMs: readonly number[]): Promise<boolean> {
    let lastError: unknown;
    for (let attempt = 0; ; attempt++) {
      if (this.pending() === 0) return true;
      const outcome = await within(this.enqueue(false), deadline - Date.now());
      if (outcome === undefined) return true;
      // A write that has not answered may still be under way: another one could add the same counts twice.
      if (outcome === TIMED_OUT) break;
      lastError = outcome.error;
      const delay = retryDelaysMs[attempt];
      if (delay === undefined || Date.now() + delay >= deadline) break;
      this.deps.log(
        `could not write ${outcome.requests} counted requests at shutdown; trying again in ${delay} ms`,
        outcome.error,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    this.deps.log(`lost ${this.pending()} counted requests: the database was unreachable at shutdown`, lastError);
    return false;
  }

  /**
   * One write of everything counted, after the writes before it: undefined when written, else why not.
   * `keep`: a failure is logged as kept for the next flush (there is one).
   */
  private enqueue(keep: boolean): Promise<{ requests: number; error: unknown } | undefined> {
    const run = this.queue.then(() => this.flushOnce(keep));
    this.queue = run;
    return run;
  }

  private async flushOnce(keep: boolean): Promise<{ requests: number; error: unknown } | undefined> {
    this.reportDropped();
    if (this.entries === 0) return undefined;
    const taken = this.hours;
    this.hours = new Map();
    this.current = undefined;
    this.currentHour = -1;
    this.entries = 0;
    const requests = total(taken);
    this.writing = requests;
    try {
      await this.deps.write(rowsOf(taken));
      return undefined;
    } catch (error) {
      // Logged before putBack, which says so if the buffer's cap then drops some of them.
      if (keep) this.deps.log(`could not write ${requests} counted requests; they are kept for the next flush`, error);
      this.putBack(taken);
      return { requests, error };
    } finally {
      this.writing = 0;
    }
  }

  private hour(hour: number): Map<string, Float64Array> {
    let credentials = this.hours.get(hour);
    if (!credentials) this.hours.set(hour, (credentials = new Map()));
    this.currentHour = hour;
    return credentials;
  }

  /** Drops the oldest hours other than `keep` until there is room; false when only `keep` is left. */
  private makeRoom(keep: number): boolean {
    const oldest = [...this.hours.keys()].filter((hour) => hour !== keep).sort((a, b) => a - b);
    for (const hour of oldest) {
      if (this.entries < this.deps.maxEntries) break;
      const credentials = this.hours.get(hour)!;
      for (const counts of credentials.values()) for (const n of counts) this.dropped += n;
      this.entries -= credentials.size;
      this.hours.delete(hour);
    }
    return this.entries < this.deps.maxEntries;
  }

  /** A failed flush's counts, added to whatever was counted meanwhile; then the cap applies. */
  private putBack(taken: Hours): void {
    for (const [hour, credentials] of taken) {
      for (const [credentialId, counts] of credentials) {
        const into = this.hour(hour);
        const existing = into.get(credentialId);
        if (existing) for (let i = 0; i < counts.length; i++) existing[i] += counts[i];
        else {
          into.set(credentialId, counts);
          this.entries++;
        }
      }
    }
    this.current = undefined;
    if (this.entries > this.deps.maxEntries) {
      const newest = Math.max(...this.hours.keys());
      this.makeRoom(newest);
    }
    this.reportDropped();
  }

  private reportDropped(): void {
    if (this.dropped === 0) return;
    this.deps.log(
      `dropped ${this.dropped} counted requests: the usage buffer was full (the database could not be written)`,
    );
    this.dropped = 0;
  }
}

const TIMED_OUT = Symbol("timed out");

/** `promise`'s value, or TIMED_OUT when it has not settled within `ms` (it keeps running). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  if (ms <= 0) return Promise.resolve(TIMED_OUT);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(resolve, ms, TIMED_OUT)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function total(hours: Hours): number {
  let requests = 0;
  for (const credentials of hours.values())
    for (const counts of credentials.values()) for (const n of counts) requests += n;
  return requests;
}

function rowsOf(hours: Hours): UsageRow[] {
  const rows: UsageRow[] = [];
  for (const [hour, credentials] of hours) {
    const iso = new Date(hour).toISOString();
    for (const [credentialId, counts] of credentials) {
      counts.forEach((count, i) => {
        if (count > 0) rows.push({ credentialId, hour: iso, outcome: OUTCOMES[i], count });
      });
    }
  }
  return rows;
}
