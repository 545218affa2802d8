// Usage counts across instances: two API processes (api/standalone.ts) on one scratch PostgreSQL
// database add into the same buckets. One flushes every 200 ms; the other never on its own (an
// hour), so its counts reach the database only because SIGTERM flushes them before it exits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { displayToken, generateToken, hashToken } from "@/lib/credentials/tokens";
import { scratchDatabase, startStandaloneApi } from "@/e2e/instances";

let often: Awaited<ReturnType<typeof startStandaloneApi>>;
let never: Awaited<ReturnType<typeof startStandaloneApi>>;
let drop: () => Promise<void>;
let db: pg.Client;
let token: string;
let credentialId: string;

beforeAll(async () => {
  const database = await scratchDatabase();
  drop = database.drop;
  often = await startStandaloneApi(database.url, { USAGE_FLUSH_INTERVAL_MS: "200" }); // migrates the scratch database
  never = await startStandaloneApi(database.url, { USAGE_FLUSH_INTERVAL_MS: "3600000" });
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const team = await db.query<{ id: string }>(
    "insert into teams (slug, name) values ('usage-instances', 'Usage Instances Co') returning id",
  );
  token = generateToken("test");
  const row = await db.query<{ id: string }>(
    "insert into api_credentials (team_id, environment, name, token_hash, token_display) values ($1, 'test', 'ERP', $2, $3) returning id",
    [team.rows[0].id, hashToken(token), displayToken(token)],
  );
  credentialId = row.rows[0].id;
}, 120_000);

afterAll(async () => {
  await db?.end();
  await Promise.all([often?.stop(), never?.stop()]);
  await drop?.();
});

const call = (instance: { url: string }, path = "/v1/me") =>
  fetch(`${instance.url}${path}`, {
    headers: { authorization: `Bearer ${token}`, "x-forwarded-for": "203.0.113.7" },
  }).then((res) => res.status);

async function counts(): Promise<{ hourly: Record<string, number>; daily: Record<string, number>; rows: number }> {
  const hourly = await db.query<{ outcome: string; count: string }>(
    "select outcome, count from credential_usage where credential_id = $1",
    [credentialId],
  );
  const daily = await db.query<{ outcome: string; count: string }>(
    "select outcome, count from credential_usage_daily where credential_id = $1",
    [credentialId],
  );
  const byOutcome = (rows: { outcome: string; count: string }[]) =>
    Object.fromEntries(rows.map((r) => [r.outcome, Number(r.count)]));
  return { hourly: byOutcome(hourly.rows), daily: byOutcome(daily.rows), rows: hourly.rowCount ?? 0 };
}

describe("usage counts across two instances on one PostgreSQL", () => {
  it("both add into the same buckets; the one that never flushed on its own writes its counts on SIGTERM", async () => {
    const statuses = await Promise.all([
      ...Array.from({ length: 7 }, () => call(often)),
      ...Array.from({ length: 5 }, () => call(never)),
      call(never, "/v1/no-such-endpoint"),
      call(never, "/v1/no-such-endpoint"),
    ]);
    expect(statuses).toEqual([...Array(12).fill(200), 404, 404]);

    // The frequent flusher's 7 arrive within moments; the other's are still in its memory.
    await expect.poll(async () => (await counts()).hourly, { timeout: 10_000 }).toEqual({ success: 7 });

    await never.stop();
    expect(never.exitCode()).toBe(0);
    // The same hour's bucket, added to: one row per outcome, not one per instance (unless the hour turned meanwhile).
    const after = await counts();
    expect(after.daily).toEqual({ success: 12, client_error: 2 });
    expect(Object.values(after.hourly).reduce((a, b) => a + b, 0)).toBe(14);
    expect(after.rows).toBeLessThanOrEqual(4);
  }, 60_000);
});
