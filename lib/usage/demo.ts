// The demo's credentials and a week of their plausible usage (server.ts --demo, right after the demo
// users are seeded), so the Usage page and the charts are not empty on first look. Acme Logistics,
// Test: two busy integrations and an old key that was revoked two days ago and is still being called.
// Their tokens were never shown to anyone: these credentials are for looking at, not for calling.
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { apiCredentials, credentialUsage, credentialUsageDaily, teams, users } from "@/db/schema";
import { audit, insertCredential, revoke } from "@/lib/credentials";
import type { UsageOutcome } from "@/lib/platform/shared";
import { displayToken, generateToken, hashToken } from "@/lib/credentials";
import { HOUR_MS } from "./counter";

type Profile = { name: string; perHour: number; mix: Partial<Record<UsageOutcome, number>>; revokedHoursAgo?: number };

const profiles: Profile[] = [
  { name: "Warehouse sync", perHour: 220, mix: { success: 0.97, client_error: 0.03 } },
  { name: "Checkout service", perHour: 80, mix: { success: 0.93, client_error: 0.06, server_error: 0.01 } },
  { name: "Old ERP key", perHour: 12, mix: { success: 0.98, client_error: 0.02 }, revokedHoursAgo: 48 },
];

const DAYS = 7;

/** A repeatable pseudo-random sequence (mulberry32): the same demo on every fresh database. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Busier in the working day (UTC), quieter at night and at weekends. */
function load(hourStart: number): number {
  const date = new Date(hourStart);
  const hour = date.getUTCHours();
  const daytime = 0.35 + 0.65 * Math.max(0, Math.sin(((hour - 5) / 16) * Math.PI));
  const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6 ? 0.45 : 1;
  return daytime * weekend;
}

export async function seedDemoUsage(db: Db, now = Date.now()): Promise<void> {
  await db.transaction(async (tx) => {
    const [team] = await tx.select({ id: teams.id }).from(teams).where(eq(teams.slug, "acme"));
    const [owner] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "owner@example.com"));
    if (!team || !owner) return;
    const scope = { teamId: team.id, environment: "test" as const, actorUserId: owner.id };
    const next = random(42);
    const currentHour = now - (now % HOUR_MS);
    for (const profile of profiles) {
      const token = generateToken("test");
      const createdAt = new Date(currentHour - DAYS * 24 * HOUR_MS - HOUR_MS);
      const revokedAt = profile.revokedHoursAgo === undefined ? null : currentHour - profile.revokedHoursAgo * HOUR_MS;
      // A refused call is not a use: the revoked key was last used just before its revoke.
      const lastUsedAt = new Date(revokedAt === null ? now - 90_000 : revokedAt - 60_000);
      const [row] = await insertCredential(tx, {
        teamId: scope.teamId,
        environment: scope.environment,
        name: profile.name,
        tokenHash: hashToken(token),
        tokenDisplay: displayToken(token),
        createdBy: owner.id,
        createdAt,
        lastUsedAt,
        lastUsedAddress: "203.0.113.24",
      }).returning({ id: apiCredentials.id, name: apiCredentials.name, tokenDisplay: apiCredentials.tokenDisplay });
      await audit(tx, scope, row, "created");
      if (revokedAt !== null) {
        // Made-up history: revoked at the hour the usage below starts being refused, not now().
        const at = sql`${new Date(revokedAt).toISOString()}::timestamptz`;
        await revoke(tx, eq(apiCredentials.id, row.id), "manual", at);
        await audit(tx, scope, row, "revoked", { reason: "manual" });
      }

      const hourly: (typeof credentialUsage.$inferInsert)[] = [];
      const daily = new Map<string, number>();
      for (let h = DAYS * 24 - 1; h >= 0; h--) {
        const hour = currentHour - h * HOUR_MS;
        const requests = Math.round(profile.perHour * load(hour) * (0.8 + 0.4 * next()));
        // Once revoked, the old key's calls are refused: the first few per hour as revoked, the rest throttled.
        const mix: Partial<Record<UsageOutcome, number>> =
          revokedAt !== null && hour >= revokedAt ? { revoked: 0.3, rate_limited: 0.7 } : profile.mix;
        for (const [outcome, share] of Object.entries(mix) as [UsageOutcome, number][]) {
          const count = Math.round(requests * share);
          if (count === 0) continue;
          hourly.push({ credentialId: row.id, hour: new Date(hour), outcome, count });
          const key = `${new Date(hour).toISOString().slice(0, 10)} ${outcome}`;
          daily.set(key, (daily.get(key) ?? 0) + count);
        }
      }
      await tx.insert(credentialUsage).values(hourly);
      await tx.insert(credentialUsageDaily).values(
        [...daily].map(([key, count]) => {
          const [day, outcome] = key.split(" ") as [string, UsageOutcome];
          return { credentialId: row.id, day, outcome, count };
        }),
      );
    }
  });
}
