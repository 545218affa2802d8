// npm run bench: GET /v1/me on the real server (dist/server.js, production build, PostgreSQL) against a
// bare node:http + pg server doing the same single indexed lookup — one after the other, same
// run, same scratch database. Prints requests/s, p50, p99 and the ratio ours/bare.
// `npm run bench -- --lifecycle`: the credential expires in 30 days and has a 3-entry allowlist that
// includes the load generator's address (127.0.0.1), so ours also checks both and sends the expiry header.
// `--usage-off`: ours runs with USAGE_COUNTING=off (no usage counted), to measure what counting costs.
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { eq, sql } from "drizzle-orm";
import { closeDatabase, getDb } from "@/db";
import { apiCredentials, credentialUsage } from "@/db/schema";
import { createScratchPostgres } from "@/db/testing";
import { insertCredentialRow, createTeam } from "@/api/testing";

const CONNECTIONS = 50;
const DURATION_S = 10;
const WARMUP_S = 10;
const ROUNDS = 3;
/** Each round's 10 s per server, measured as interleaved slices (ours, bare, bare, ours, …). */
const SLICES = 5;
const SLICE_S = DURATION_S / SLICES;
const OURS_PORT = 3510;
const BARE_PORT = 3511;
const TARGET_RATIO = 0.85;
const TARGET_P99_MS = 30;
const LIFECYCLE = process.argv.includes("--lifecycle");
const USAGE_OFF = process.argv.includes("--usage-off");
const LIFECYCLE_ALLOWLIST = ["10.0.0.0/8", "2001:db8::/32", "127.0.0.1/32"];
let loadBefore = 0;

async function waitForHealth(port: number, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${port} did not become healthy`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

function start(port: number, args: string[], env: Record<string, string>, logFd: number | "ignore") {
  return spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", logFd, "inherit"],
  });
}

/** CPU time (user + system, ms) the process has used so far, from /proc; null where there is none. */
function cpuMs(pid: number | undefined): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return null;
  }
}

/** One server's share of a round: its slices added up. */
type Measured = { requests: number; seconds: number; p50: number; p99: number; cpuMs: number | null };

async function measureSlice(
  name: string,
  port: number,
  token: string,
  pid: number | undefined,
  seconds: number,
): Promise<Result & { cpuMs: number | null }> {
  const options = {
    url: `http://127.0.0.1:${port}/v1/me`,
    connections: CONNECTIONS,
    headers: { authorization: `Bearer ${token}` },
  };
  const cpuBefore = cpuMs(pid);
  const result = await autocannon({ ...options, duration: seconds });
  const cpuAfter = cpuMs(pid);
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  // The server's own CPU: less swayed than req/s by other work on the machine.
  return { ...result, cpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore };
}

type Server = { name: string; port: number; pid: number | undefined };

/**
 * One round: each server gets SLICES slices of SLICE_S seconds, interleaved and in mirrored order
 * (A B B A A …), so a machine that speeds up or slows down within the round (a shared host's other
 * tenants, the database's background work) weighs on both alike.
 */
async function measureRound(round: number, servers: [Server, Server], token: string): Promise<[Measured, Measured]> {
  process.stdout.write(
    `round ${round + 1}: ${SLICES} × ${SLICE_S} s per server, interleaved, at ${CONNECTIONS} connections…\n`,
  );
  const totals = servers.map((): Measured => ({ requests: 0, seconds: 0, p50: 0, p99: 0, cpuMs: 0 })) as [
    Measured,
    Measured,
  ];
  for (let slice = 0; slice < SLICES * 2; slice++) {
    const which = [0, 1, 1, 0][(slice + 2 * round) % 4];
    const server = servers[which];
    const result = await measureSlice(`round ${round + 1}, ${server.name}`, server.port, token, server.pid, SLICE_S);
    const total = totals[which];
    total.requests += result.requests.total;
    total.seconds += SLICE_S;
    total.p50 = Math.max(total.p50, result.latency.p50);
    total.p99 = Math.max(total.p99, result.latency.p99);
    total.cpuMs = total.cpuMs === null || result.cpuMs === null ? null : total.cpuMs + result.cpuMs;
  }
  return totals;
}

async function main() {
  execSync("node scripts/build-if-needed.mjs", { stdio: "inherit" });
  const serverUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const scratch = await createScratchPostgres(serverUrl);
  const logPath = path.join(os.tmpdir(), `ecourier-bench-${process.pid}.log`);
  const logFd = fs.openSync(logPath, "w");
  try {
    // Migrate the scratch database and issue one credential through the usual modules.
    process.env.DATABASE_URL = scratch.url;
    const team = await createTeam("Bench Logistics");
    const { token, id } = await insertCredentialRow(team.id, "test", "bench");
    if (LIFECYCLE) {
      const db = await getDb();
      await db
        .update(apiCredentials)
        .set({ expiresAt: sql`now() + interval '30 days'`, allowedCidrs: LIFECYCLE_ALLOWLIST })
        .where(eq(apiCredentials.id, id));
    }
    await closeDatabase();

    // Both servers up before either is measured; each is idle while the other is under load.
    const servers = [
      start(
        OURS_PORT,
        // BENCH_PROFILE=<dir> writes a V8 CPU profile of our server there (open it in Chrome DevTools).
        [
          ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
          "dist/server.js",
        ],
        {
          NODE_ENV: "production",
          DATABASE_URL: scratch.url,
          AUTH_SECRET: "bench-only-secret",
          ...(USAGE_OFF ? { USAGE_COUNTING: "off" } : {}),
        },
        logFd, // the access log goes to a file, as it would to a log collector
      ),
      start(
        BARE_PORT,
        [
          ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
          "scripts/bench-bare-server.mjs",
        ],
        { DATABASE_URL: scratch.url },
        "ignore",
      ),
    ];
    const ours: Measured[] = [];
    const bare: Measured[] = [];
    try {
      await Promise.all([waitForHealth(OURS_PORT, servers[0]), waitForHealth(BARE_PORT, servers[1])]);
      if (LIFECYCLE) {
        // The mode is really on: ours checked the allowlist (else 403) and sends the expiry.
        const res = await fetch(`http://127.0.0.1:${OURS_PORT}/v1/me`, {
          headers: { authorization: `Bearer ${token}` },
        });
        if (res.status !== 200 || !res.headers.get("ecourier-credential-expires-at"))
          throw new Error(`--lifecycle: expected 200 with the expiry header, got ${res.status}`);
      }
      const measured: [Server, Server] = [
        { name: "ours (server.ts)", port: OURS_PORT, pid: servers[0].pid },
        { name: "bare (node:http + pg)", port: BARE_PORT, pid: servers[1].pid },
      ];
      for (const server of measured) {
        process.stdout.write(`${server.name}: warming up ${WARMUP_S} s…\n`);
        await measureSlice(`warm-up, ${server.name}`, server.port, token, server.pid, WARMUP_S);
      }
      loadBefore = os.loadavg()[0];
      for (let round = 0; round < ROUNDS; round++) {
        const [o, b] = await measureRound(round, measured, token);
        ours.push(o);
        bare.push(b);
      }
    } finally {
      await Promise.all(servers.map(stop));
    }
    const accessLines = fs
      .readFileSync(logPath, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("[api] GET /v1/me 200")).length;
    // What ours counted, flushed on its SIGTERM: every request it answered, warm-up included.
    const db = await getDb();
    const [{ counted }] = await db
      .select({ counted: sql<number>`coalesce(sum(${credentialUsage.count}), 0)`.mapWith(Number) })
      .from(credentialUsage);
    await closeDatabase();
    report(ours, bare, accessLines, counted);
  } finally {
    fs.closeSync(logFd);
    fs.rmSync(logPath, { force: true });
    await scratch.drop();
  }
}

function report(ours: Measured[], bare: Measured[], accessLines: number, counted: number) {
  const total = (runs: Measured[]) => runs.reduce((sum, r) => sum + r.requests, 0);
  const perSecond = (runs: Measured[]) => total(runs) / runs.reduce((sum, r) => sum + r.seconds, 0);
  const cpuPerRequest = (runs: Measured[]) =>
    runs.every((r) => r.cpuMs !== null) ? (runs.reduce((sum, r) => sum + r.cpuMs!, 0) * 1000) / total(runs) : null;
  const worst = (runs: Measured[], pick: (r: Measured) => number) => Math.max(...runs.map(pick));
  const row = (name: string, runs: Measured[]) =>
    `| ${name.padEnd(22)} | ${perSecond(runs).toFixed(0).padStart(7)} | ${worst(runs, (r) => r.p50)
      .toFixed(0)
      .padStart(4)} ms | ${worst(runs, (r) => r.p99)
      .toFixed(0)
      .padStart(4)} ms | ${(cpuPerRequest(runs)?.toFixed(0) ?? "?").padStart(5)} µs |`;
  const ratio = perSecond(ours) / perSecond(bare);
  const oursP99 = worst(ours, (r) => r.p99);
  const cpu = os.cpus();
  const load = `load average ${loadBefore.toFixed(1)} before, ${os.loadavg()[0].toFixed(1)} after (other work on the machine skews both)`;
  const credential = `${LIFECYCLE ? `credential with an expiry and a ${LIFECYCLE_ALLOWLIST.length}-entry allowlist` : "credential without expiry or allowlist"}, usage counting ${USAGE_OFF ? "off" : "on"}`;
  console.log(
    `\nGET /v1/me, ${credential}, ${CONNECTIONS} connections, ${ROUNDS} rounds × ${DURATION_S} s per server (${SLICES} interleaved slices), PostgreSQL ${new URL(process.env.DATABASE_URL!).host}`,
  );
  console.log(`machine: ${cpu.length} × ${cpu[0]?.model.trim()}, Node ${process.version}; ${load}\n`);
  console.log("| server                 |   req/s |     p50 |     p99 | CPU/req  |");
  console.log("|------------------------|---------|---------|---------|----------|");
  console.log(row("ours (server.ts)", ours));
  console.log(row("bare (node:http + pg)", bare));
  const perRound = ours.map((r, i) => r.requests / bare[i].requests);
  const median = [...perRound].sort((a, b) => a - b)[Math.floor(perRound.length / 2)];
  const cpuRatio = (cpuPerRequest(bare) ?? NaN) / (cpuPerRequest(ours) ?? NaN);
  console.log(
    `\nper round, ours/bare: ${perRound.map((r) => r.toFixed(2)).join(", ")} (median ${median.toFixed(2)}, target ≥ ${TARGET_RATIO})`,
  );
  console.log(`all rounds, ours/bare: ${ratio.toFixed(2)}; CPU per request, bare/ours: ${cpuRatio.toFixed(2)}`);
  console.log(`ours p99 ${oursP99} ms, the worst slice (target < ${TARGET_P99_MS} ms)`);
  console.log(
    `access-log lines written by ours for 200s: ${accessLines} (warm-up included; requests measured: ${total(ours)})`,
  );
  console.log(
    `requests in ours's usage buckets after its shutdown flush: ${counted}${USAGE_OFF ? " (counting off)" : ""}`,
  );
  const met = median >= TARGET_RATIO && oursP99 < TARGET_P99_MS;
  console.log(met ? "targets met" : "TARGETS MISSED");
  if (!met) process.exitCode = 1;
}

main().catch((err) => {
  console.error(`bench failed: ${(err as Error).message}`);
  process.exitCode = 1;
});
