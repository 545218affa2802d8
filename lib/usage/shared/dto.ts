// Usage as the browser receives it: counts per outcome, in buckets.
import type { refusedOutcomes, UsageOutcome } from "@/lib/platform/shared";

export type UsageCounts = Record<UsageOutcome, number>;
export type RefusedCounts = Pick<UsageCounts, (typeof refusedOutcomes)[number]>;
/** `start`: the bucket's start, ISO 8601 UTC (an hour, or a day at 00:00). */
export type UsageBucket = { start: string; counts: UsageCounts };
export type UsageSeries = { buckets: UsageBucket[]; totals: UsageCounts };
export type UsagePeriod = "24h" | "7d" | "30d";
export type CredentialUsage = Record<UsagePeriod, UsageSeries>;

export type TeamUsage = {
  /** Requests per day, the last 30 days. */
  days: UsageSeries;
  /** The most used credentials of the last 30 days (at most 10). */
  top: { id: string; name: string; requests: number; refused: number }[];
  /** Credentials with refused requests in the last 24 hours, the most refused first (at most 20). */
  refused: { id: string; name: string; counts: RefusedCounts; total: number }[];
};
