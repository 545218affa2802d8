// Sliding-window failure counters, in memory. Each one a process keeps lives in lib/process-state.ts.
// Used for sign-in throttling and for failed API authentication.

export class FailureCounter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 50_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const stamps = this.failures.get(key);
    if (!stamps) return [];
    const fresh = stamps.filter((t) => now - t < this.windowMs);
    if (fresh.length) this.failures.set(key, fresh);
    else this.failures.delete(key);
    return fresh;
  }

  /** Milliseconds until the key may try again, or 0 when it is not blocked. */
  blockedFor(key: string, now = Date.now()): number {
    const fresh = this.recent(key, now);
    if (fresh.length < this.limit) return 0;
    return fresh[fresh.length - this.limit] + this.windowMs - now;
  }

  record(key: string, now = Date.now()): void {
    const fresh = this.recent(key, now);
    fresh.push(now);
    // Keep memory bounded under a flood of distinct keys: forget the oldest key.
    if (!this.failures.has(key) && this.failures.size >= this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
    this.failures.delete(key);
    this.failures.set(key, fresh.slice(-this.limit));
  }

  reset(key: string): void {
    this.failures.delete(key);
  }
}
