// Requests per credential by outcome (docs/architecture.md, "Usage"). A /v1 request adds one to a
// count in this process's memory: no database round trip on the hot path. Every few seconds the
// counts are added to hourly buckets in one statement (`count = count + excluded.count`), so any
// number of instances add up. A flush that fails puts its counts back for the next one; a bounded
// buffer drops the oldest hours beyond its cap and says how many requests it dropped.
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
  private queue: Promise<unknown> = Promise.resolve();

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

  /** Requests counted and not yet written. */
  pending(): number {
    let total = 0;
    for (const credentials of this.hours.values())
      for (const counts of credentials.values()) for (const n of counts) total += n;
    return total;
  }

  /**
   * Writes everything counted so far; true when it was written (or there was nothing). Flushes run
   * one after another, never two at once. Never throws: a failure keeps the counts for the next.
   */
  flush(): Promise<boolean> {
    const run = this.queue.then(() => this.flushOnce());
    this.queue = run;
    return run;
  }

  private async flushOnce(): Promise<boolean> {
    this.reportDropped();
    if (this.entries === 0) return true;
    const taken = this.hours;
    this.hours = new Map();
    this.current = undefined;
    this.currentHour = -1;
    this.entries = 0;
    try {
      await this.deps.write(rowsOf(taken));
      return true;
    } catch (err) {
      this.putBack(taken);
      this.deps.log("could not write the usage counts; they are kept for the next flush", err);
      return false;
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
