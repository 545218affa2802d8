// This process's usage counter (lib/usage/counter.ts) and where its counts go: the hourly and
// daily buckets, added to in one statement per flush; flushed every USAGE_FLUSH_INTERVAL_MS
// (5 s by default) and before a graceful exit (retried until the shutdown's deadline: there is no
// next flush to keep the counts for); pruned past 90 days.
import "server-only";
import { lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { credentialUsage, credentialUsageDaily } from "@/db/schema";
import { config, processState } from "@/lib/platform";
import { logError } from "@/lib/platform";
import type { UsageOutcome } from "@/lib/platform/shared";
import { UsageCounter, type UsageRow } from "./counter";

export const USAGE_RETENTION_DAYS = 90;

/**
 * One statement: the rows, as JSON, joined to the credentials that still exist (a credential
 * deleted since its requests were counted takes its counts with it), added to the hourly buckets
 * and, summed by UTC day, to the daily ones.
 */
export async function writeUsage(rows: UsageRow[]): Promise<void> {
  if (rows.length === 0) return;
  const db = await getDb();
  await db.execute(sql`
    with batch as (
      select u.credential_id, u.hour, u.outcome, u.count
      from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ credential_id: r.credentialId, hour: r.hour, outcome: r.outcome, count: r.count })))}::jsonb)
        as u(credential_id uuid, hour timestamptz, outcome usage_outcome, count bigint)
      join api_credentials c on c.id = u.credential_id
    ), hourly as (
      insert into credential_usage (credential_id, hour, outcome, count)
      select credential_id, hour, outcome, count from batch
      on conflict (credential_id, hour, outcome) do update set count = credential_usage.count + excluded.count
    )
    insert into credential_usage_daily (credential_id, day, outcome, count)
    select credential_id, (hour at time zone 'UTC')::date, outcome, sum(count) from batch group by 1, 2, 3
    on conflict (credential_id, day, outcome) do update set count = credential_usage_daily.count + excluded.count`);
}

/** Deletes buckets older than 90 days; returns how many. */
export async function pruneUsage(): Promise<number> {
  const db = await getDb();
  const hourly = await db
    .delete(credentialUsage)
    .where(lt(credentialUsage.hour, sql`now() - make_interval(days => ${USAGE_RETENTION_DAYS})`))
    .returning({ id: credentialUsage.credentialId });
  const daily = await db
    .delete(credentialUsageDaily)
    .where(lt(credentialUsageDaily.day, sql`(now() at time zone 'UTC')::date - ${USAGE_RETENTION_DAYS}::int`))
    .returning({ id: credentialUsageDaily.credentialId });
  return hourly.length + daily.length;
}

const usage = processState("usage counter", () => ({
  // USAGE_COUNTING=off: for measuring what counting costs (npm run bench -- --usage-off). Read at the
  // first count, not at import: a wrong variable is reported by the start-up's own check, by name.
  enabled: undefined as boolean | undefined,
  // Bounded at 100,000 credential-hours (about 10 MB): a database down for hours loses its oldest hours, not the process.
  counter: new UsageCounter({
    write: writeUsage,
    maxEntries: 100_000,
    log: (message, err) => logError("usage", message, err),
  }),
  scheduled: false,
}));

/** Counts one /v1 request of a credential. `now`: the request's time (ms). */
export function countUsage(credentialId: string, outcome: UsageOutcome, now: number): void {
  if ((usage.enabled ??= config().USAGE_COUNTING !== "off")) usage.counter.count(credentialId, outcome, now);
}

/** Writes what this process has counted; true when nothing is left unwritten. Never throws. */
export const flushUsage = (): Promise<boolean> => usage.counter.flush();

/**
 * The last flush, when the process stops (lib/platform/shutdown.ts): retried until `deadline` (ms
 * since the epoch); what is still unwritten then is logged as lost. True when nothing was lost.
 */
export const flushUsageAtShutdown = (deadline: number): Promise<boolean> => usage.counter.flushAtShutdown(deadline);

/** Flushes every few seconds and prunes every hour, in the background (each instance; pruning twice is harmless). */
export function scheduleUsageFlush({ USAGE_FLUSH_INTERVAL_MS: every } = config()): void {
  if (usage.scheduled) return;
  usage.scheduled = true;
  setInterval(() => void flushUsage(), every).unref();
  const prune = () => void pruneUsage().catch((err) => logError("usage", "could not prune usage buckets", err));
  setTimeout(prune, 60_000).unref();
  setInterval(prune, 60 * 60_000).unref();
}
