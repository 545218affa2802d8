// npm run bench:usage — usage at scale, on a scratch PostgreSQL database (docs/architecture.md, "Usage"):
// - the flush: 1,000 credentials each used every minute, so one 5 s flush carries about 83 of them,
//   and a worst case where all 1,000 are in one flush; the time per flush and the rows a day;
// - the reads, with 90 days of buckets for 1,000 credentials of one team (seeded here, not in the demo):
//   one credential's chart (getCredentialUsage), the team's Usage page (getTeamUsage), and the list's
//   first page with its "Requests (24 h)" column (listCredentials); then the same three pages as a
//   signed-in browser gets them from dist/server.js (the whole server-rendered HTML). Target: each under 200 ms.
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { request } from "@playwright/test";
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import { closeDatabase, getDb } from "@/db";
import { memberships, users } from "@/db/schema";
import { createScratchPostgres } from "@/db/testing";
import { createTeam } from "@/api/testing";
import { listCredentials } from "@/lib/credentials";
import { accessFor } from "@/lib/testing";
import { getCredentialUsage, getTeamUsage } from "@/lib/usage/queries";
import { HOUR_MS, UsageCounter } from "@/lib/usage/counter";
import { writeUsage } from "@/lib/usage/recording";
import { CredentialFilters } from "@/lib/credentials/shared/schemas";

const CREDENTIALS = 1_000;
const DAYS = 90;
const RUNS = 20;
const TARGET_MS = 200;
const PORT = 3512;
const PASSWORD = "bench-password";

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function timed(runs: number, work: () => Promise<unknown>): Promise<{ median: number; worst: number }> {
  await work(); // warm: plans prepared, pages cached
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return { median: median(times), worst: Math.max(...times) };
}

async function main() {
  const scratch = await createScratchPostgres(
    process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  );
  process.env.DATABASE_URL = scratch.url;
  try {
    const db = await getDb();
    const team = await createTeam("Usage Bench Co");
    const [user] = await db
      .insert(users)
      .values({ email: "bench@example.com", name: "Bench Owner", passwordHash: await bcrypt.hash(PASSWORD, 10) })
      .returning({ id: users.id });
    await db.insert(memberships).values({ teamId: team.id, userId: user.id, role: "owner" });
    await db.execute(sql`
      insert into api_credentials (team_id, environment, name, token_hash, token_display)
      select ${team.id}, 'test', 'Integration ' || n, md5(n::text) || md5((n * 7)::text), 'pk_test_bnch…' || lpad(n::text, 4, '0')
      from generate_series(1, ${CREDENTIALS}) n`);
    const ids = (
      await db.execute<{ id: string }>(sql`select id from api_credentials where team_id = ${team.id} order by name`)
    ).rows.map((r) => r.id);
    const access = await accessFor({ userId: user.id }, team.slug, "test");

    // ---- The flush.
    console.log(`Flush: ${CREDENTIALS} credentials each used every minute (PostgreSQL ${new URL(scratch.url).host})`);
    const now = Date.now();
    for (const [label, perFlush] of [
      ["a 5 s flush (~83 credentials)", Math.round(CREDENTIALS / 12)],
      ["all 1,000 in one flush", CREDENTIALS],
    ] as const) {
      const counter = new UsageCounter({ write: writeUsage, maxEntries: 100_000, log: (m) => console.error(m) });
      let offset = 0;
      const flush = async () => {
        for (let i = 0; i < perFlush; i++) counter.count(ids[(offset + i) % ids.length], "success", now);
        offset += perFlush;
        const cpu = process.cpuUsage();
        if (!(await counter.flush())) throw new Error("flush failed");
        return process.cpuUsage(cpu);
      };
      const cpu: number[] = [];
      const time = await timed(RUNS, async () => {
        const used = await flush();
        cpu.push((used.user + used.system) / 1000);
      });
      console.log(
        `  ${label}: ${ms(time.median)} per flush (worst ${ms(time.worst)}), this process's CPU ${ms(median(cpu))}`,
      );
    }
    console.log(
      `  rows a day: ${(CREDENTIALS * 24).toLocaleString("en-US")} hourly + ${CREDENTIALS.toLocaleString("en-US")} daily per outcome seen; one statement per flush, 17,280 flushes a day per instance`,
    );

    // ---- 90 days of buckets for every credential: success every hour, and a few refusals.
    await db.execute(sql`truncate credential_usage, credential_usage_daily`);
    const hour = now - (now % HOUR_MS);
    const seeded = performance.now();
    await db.execute(sql`
      insert into credential_usage (credential_id, hour, outcome, count)
      select c.id, to_timestamp(${hour / 1000}) - make_interval(hours => h), 'success', 40 + (h % 30)
      from api_credentials c, generate_series(0, ${DAYS * 24 - 1}) h where c.team_id = ${team.id}`);
    await db.execute(sql`
      insert into credential_usage (credential_id, hour, outcome, count)
      select c.id, to_timestamp(${hour / 1000}) - make_interval(hours => h), 'revoked', 3
      from (select id from api_credentials where team_id = ${team.id} order by name limit 50) c, generate_series(0, ${DAYS * 24 - 1}, 5) h`);
    await db.execute(sql`
      insert into credential_usage_daily (credential_id, day, outcome, count)
      select credential_id, (hour at time zone 'UTC')::date, outcome, sum(count) from credential_usage group by 1, 2, 3`);
    // As autovacuum would after such a load: the planner needs to know the team has 1,000 credentials.
    await db.execute(sql`analyze api_credentials; analyze credential_usage; analyze credential_usage_daily`);
    const [{ hourly, daily }] = (
      await db.execute<{ hourly: string; daily: string }>(
        sql`select (select count(*) from credential_usage) as hourly, (select count(*) from credential_usage_daily) as daily`,
      )
    ).rows;
    console.log(
      `\nReads: ${DAYS} days of buckets for ${CREDENTIALS} credentials (${Number(hourly).toLocaleString("en-US")} hourly rows, ${Number(daily).toLocaleString("en-US")} daily; seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s), median of ${RUNS}`,
    );
    const results = [
      ["one credential's Requests (24 h, 7 d, 30 d)", await timed(RUNS, () => getCredentialUsage(access, ids[0]))],
      ["the team's Usage page", await timed(RUNS, () => getTeamUsage(access))],
      [
        "the list's first page of 50, with Requests (24 h)",
        await timed(RUNS, () => listCredentials(access, CredentialFilters.parse({}))),
      ],
    ] as const;
    for (const [label, time] of results) console.log(`  ${label}: ${ms(time.median)} (worst ${ms(time.worst)})`);
    const pages = await pageLoads(scratch.url, team.slug, ids[0]);
    console.log(`\nPages from dist/server.js, signed in (the whole HTML), median of ${RUNS}`);
    for (const [label, time] of pages) console.log(`  ${label}: ${ms(time.median)} (worst ${ms(time.worst)})`);
    const met = [...results, ...pages].every(([, time]) => time.median < TARGET_MS);
    console.log(met ? `targets met (each under ${TARGET_MS} ms)` : "TARGETS MISSED");
    if (!met) process.exitCode = 1;
  } finally {
    await closeDatabase();
    await scratch.drop();
  }
}

/** Starts dist/server.js on the scratch database, signs in through Auth.js, and times three pages. */
async function pageLoads(databaseUrl: string, team: string, credentialId: string) {
  const server = spawn(process.execPath, ["dist/server.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      PORT: String(PORT),
      AUTH_SECRET: "bench-only-secret",
    },
    stdio: "ignore",
  });
  const origin = `http://127.0.0.1:${PORT}`;
  const browser = await request.newContext({ baseURL: origin });
  try {
    for (
      let waited = 0;
      !(await fetch(`${origin}/v1/health`).then(
        (r) => r.ok,
        () => false,
      ));
      waited += 250
    ) {
      if (waited > 60_000 || server.exitCode !== null)
        throw new Error("dist/server.js did not start (npm run build first)");
      await new Promise((r) => setTimeout(r, 250));
    }
    const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
    await browser.post("/api/auth/callback/credentials", {
      form: { email: "bench@example.com", password: PASSWORD, csrfToken },
      maxRedirects: 0,
    });
    const page = async (path: string) => {
      const res = await browser.get(path, { maxRedirects: 0 });
      if (res.status() !== 200) throw new Error(`${path} answered ${res.status()}`);
      await res.body();
    };
    const base = `/dashboard/${team}/test/developers`;
    return [
      [
        "a credential's page, with its Requests",
        await timed(RUNS, () => page(`${base}/api-credentials/${credentialId}`)),
      ],
      ["Developers → Usage", await timed(RUNS, () => page(`${base}/usage`))],
      ["API Credentials (the list's first page)", await timed(RUNS, () => page(`${base}/api-credentials`))],
    ] as const;
  } finally {
    await browser.dispose();
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
}

main().catch((err) => {
  console.error(`bench:usage failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
