// Usage as the dashboard shows it (docs/architecture.md, "Usage"): one credential's requests over
// the last 24 hours (hourly), 7 and 30 days (daily), and the environment's Usage page. Every read
// takes the caller's TeamAccess, checks "credentials:view" and joins the credentials of its team
// AND environment, so another team's counts are never read. Buckets are UTC hours and days.
import "server-only";
import { and, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiCredentials, credentialUsage, credentialUsageDaily } from "@/db/schema";
import { inScope, scopeOf } from "@/lib/credentials";
import { notFound } from "@/lib/platform";
import { requirePermission, type TeamAccess } from "@/lib/teams";
import { refusedOutcomes, usageOutcomes, type UsageOutcome } from "@/lib/platform/shared";
import { HOUR_MS } from "./counter";
import { CredentialId } from "@/lib/credentials/shared";

import type { CredentialUsage, RefusedCounts, TeamUsage, UsageCounts, UsageSeries } from "./shared/dto";

const DAY_MS = 24 * HOUR_MS;
const zero = (): UsageCounts => Object.fromEntries(usageOutcomes.map((o) => [o, 0])) as UsageCounts;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The start of the first of the last 24 hourly buckets (the current hour is the 24th). */
const firstOf24Hours = (now: number) => new Date(now - (now % HOUR_MS) - 23 * HOUR_MS);

/** The last `n` buckets of `size` ms ending with the current one, zero-filled, then the rows added in. */
function series(
  n: number,
  size: number,
  now: number,
  rows: { start: string; outcome: UsageOutcome; count: number }[],
): UsageSeries {
  const last = now - (now % size);
  const buckets = Array.from({ length: n }, (_, i) => ({
    start: new Date(last - (n - 1 - i) * size).toISOString(),
    counts: zero(),
  }));
  const byStart = new Map(buckets.map((b) => [b.start, b]));
  const totals = zero();
  for (const row of rows) {
    const bucket = byStart.get(row.start);
    if (!bucket) continue;
    bucket.counts[row.outcome] += row.count;
    totals[row.outcome] += row.count;
  }
  return { buckets, totals };
}

const sum = (column: typeof credentialUsage.count | typeof credentialUsageDaily.count) =>
  sql<number>`sum(${column})`.mapWith(Number);
const dayStart = (day: string) => `${day}T00:00:00.000Z`;

/** One credential of this team and environment: 24 hourly buckets, and 30 daily ones (7 of them for "7 days"). */
export async function getCredentialUsage(access: TeamAccess, id: string, now = Date.now()): Promise<CredentialUsage> {
  requirePermission(access, "credentials:view");
  if (!CredentialId.safeParse(id).success) throw notFound("No such credential.");
  const db = await getDb();
  const scope = inScope(scopeOf(access), eq(apiCredentials.id, id));
  const [found] = await db.select({ id: apiCredentials.id }).from(apiCredentials).where(scope);
  if (!found) throw notFound("No such credential.");
  const hourly = await db
    .select({ hour: credentialUsage.hour, outcome: credentialUsage.outcome, count: sum(credentialUsage.count) })
    .from(credentialUsage)
    .where(and(eq(credentialUsage.credentialId, found.id), gte(credentialUsage.hour, firstOf24Hours(now))))
    .groupBy(credentialUsage.hour, credentialUsage.outcome);
  const daily = await db
    .select({
      day: credentialUsageDaily.day,
      outcome: credentialUsageDaily.outcome,
      count: sum(credentialUsageDaily.count),
    })
    .from(credentialUsageDaily)
    .where(
      and(eq(credentialUsageDaily.credentialId, found.id), gte(credentialUsageDaily.day, isoDay(now - 29 * DAY_MS))),
    )
    .groupBy(credentialUsageDaily.day, credentialUsageDaily.outcome);
  const days = daily.map((r) => ({ start: dayStart(r.day), outcome: r.outcome, count: r.count }));
  return {
    "24h": series(
      24,
      HOUR_MS,
      now,
      hourly.map((r) => ({ start: r.hour.toISOString(), outcome: r.outcome, count: r.count })),
    ),
    "7d": series(7, DAY_MS, now, days),
    "30d": series(30, DAY_MS, now, days),
  };
}

/** The environment's Usage page. */
export async function getTeamUsage(access: TeamAccess, now = Date.now()): Promise<TeamUsage> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const scope = scopeOf(access);
  const since = isoDay(now - 29 * DAY_MS);
  const perDay = await db
    .select({
      day: credentialUsageDaily.day,
      outcome: credentialUsageDaily.outcome,
      count: sum(credentialUsageDaily.count),
    })
    .from(credentialUsageDaily)
    .innerJoin(apiCredentials, eq(apiCredentials.id, credentialUsageDaily.credentialId))
    .where(inScope(scope, gte(credentialUsageDaily.day, since)))
    .groupBy(credentialUsageDaily.day, credentialUsageDaily.outcome);
  const requests = sum(credentialUsageDaily.count);
  const top = await db
    .select({
      id: apiCredentials.id,
      name: apiCredentials.name,
      requests,
      refused:
        sql<number>`coalesce(sum(${credentialUsageDaily.count}) filter (where ${inArray(credentialUsageDaily.outcome, [...refusedOutcomes])}), 0)`.mapWith(
          Number,
        ),
    })
    .from(credentialUsageDaily)
    .innerJoin(apiCredentials, eq(apiCredentials.id, credentialUsageDaily.credentialId))
    .where(inScope(scope, gte(credentialUsageDaily.day, since)))
    .groupBy(apiCredentials.id, apiCredentials.name)
    .orderBy(desc(requests), apiCredentials.name)
    .limit(10);
  const refusedRows = await db
    .select({
      id: apiCredentials.id,
      name: apiCredentials.name,
      outcome: credentialUsage.outcome,
      count: sum(credentialUsage.count),
    })
    .from(credentialUsage)
    .innerJoin(apiCredentials, eq(apiCredentials.id, credentialUsage.credentialId))
    .where(
      inScope(
        scope,
        gte(credentialUsage.hour, firstOf24Hours(now)),
        inArray(credentialUsage.outcome, [...refusedOutcomes]),
      ),
    )
    .groupBy(apiCredentials.id, apiCredentials.name, credentialUsage.outcome);
  return {
    days: series(
      30,
      DAY_MS,
      now,
      perDay.map((r) => ({ start: dayStart(r.day), outcome: r.outcome, count: r.count })),
    ),
    top,
    refused: refusedByCredential(refusedRows),
  };
}

function refusedByCredential(
  rows: { id: string; name: string; outcome: UsageOutcome; count: number }[],
): TeamUsage["refused"] {
  const byId = new Map<string, TeamUsage["refused"][number]>();
  for (const row of rows) {
    let entry = byId.get(row.id);
    if (!entry) {
      entry = {
        id: row.id,
        name: row.name,
        counts: Object.fromEntries(refusedOutcomes.map((o) => [o, 0])) as RefusedCounts,
        total: 0,
      };
      byId.set(row.id, entry);
    }
    entry.counts[row.outcome as keyof RefusedCounts] += row.count;
    entry.total += row.count;
  }
  return [...byId.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name)).slice(0, 20);
}
