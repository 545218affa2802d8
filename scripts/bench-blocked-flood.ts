// What a flood of guesses from a blocked address costs (issue 25, item 8): one API process
// (api/standalone.ts from source, PostgreSQL, behind TRUST_PROXY=1) on a scratch database; for each
// scenario a fresh address is first blocked (31 refused credentials), then autocannon sends
// `--seconds` of requests from it, a new token per request. `--redis`: the throttles on Redis
// (TEST_REDIS_URL, default 127.0.0.1:6379, under a key prefix of this run's own) instead of the database. Prints requests/s, the answers, the
// database's transactions/s and lookups/s (index scans of api_credentials' token hash index) and the
// API's CPU per request. Run it in the tree to measure (it starts that tree's api/standalone.ts):
//   npx tsx --tsconfig tsconfig.dev.json scripts/bench-blocked-flood.ts [--seconds 10] [--connections 50] [--redis]
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import autocannon, { type Options, type Result } from "autocannon";
import pg from "pg";
import { checksum, displayToken, generateToken, hashToken } from "@/lib/credentials/tokens";
import { scratchDatabase, startStandaloneApi } from "@/e2e/instances";

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SECONDS = argument("seconds", 10);
const REDIS: Record<string, string> = process.argv.includes("--redis")
  ? {
      REDIS_URL: process.env.TEST_REDIS_URL || "redis://127.0.0.1:6379",
      REDIS_KEY_PREFIX: `flood-${randomBytes(4).toString("hex")}`,
    }
  : {};
const CONNECTIONS = argument("connections", 50);
/** PostgreSQL writes a backend's statistics at most once a second, and an idle one's after 10 s. */
const STATS_SETTLE_MS = 11_000;

/** A well-formed token whose checksum is valid: it passes every check before the database. */
const validChecksumGuess = () => generateToken("test");
/** A well-formed token with a wrong checksum: refused before the database. */
const invalidChecksumGuess = () => {
  const body = generateToken("test").slice(0, -6);
  const good = checksum(body);
  return body + (good === "000000" ? "000001" : "000000");
};

/** CPU time (user + system, ms) used so far by `pid` and its children (tsx runs the API in a child). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean);
  return own + children.reduce((sum, child) => sum + cpuMs(Number(child)), 0);
}

type Sample = { commits: number; lookups: number; cpu: number };

async function main() {
  const database = await scratchDatabase();
  const api = await startStandaloneApi(database.url, REDIS);
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const name = new URL(database.url).pathname.slice(1);
  try {
    const team = await db.query<{ id: string }>(
      "insert into teams (slug, name) values ('flood', 'Flood') returning id",
    );
    const token = generateToken("test");
    await db.query(
      "insert into api_credentials (team_id, environment, name, token_hash, token_display) values ($1, 'test', 'ERP', $2, $3)",
      [team.rows[0].id, hashToken(token), displayToken(token)],
    );
    const lookupIndex = await db.query<{ name: string }>(
      "select indexrelname as name from pg_stat_user_indexes where relname = 'api_credentials' and indexrelname like '%token_hash%'",
    );
    const sample = async (): Promise<Sample> => {
      const stats = await db.query<{ commits: string; lookups: string }>(
        `select (select xact_commit from pg_stat_database where datname = $1) as commits,
                (select idx_scan from pg_stat_user_indexes where indexrelname = $2) as lookups`,
        [name, lookupIndex.rows[0].name],
      );
      return { commits: Number(stats.rows[0].commits), lookups: Number(stats.rows[0].lookups), cpu: cpuMs(api.pid) };
    };
    const call = (bearer: string, address: string) =>
      fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${bearer}`, "x-forwarded-for": address } });

    let addresses = 0;
    /** A fresh address, blocked; the credential's token was accepted from it first (the exemption, where there is one). */
    async function blockedAddress(): Promise<string> {
      const address = `198.51.100.${++addresses}`;
      if ((await call(token, address)).status !== 200) throw new Error("the credential's token was refused");
      for (let i = 0; i < 31; i++) await call(invalidChecksumGuess(), address);
      const status = (await call(validChecksumGuess(), address)).status;
      if (status !== 429) throw new Error(`${address} is not blocked (${status})`);
      return address;
    }

    const scenarios: { name: string; address: () => Promise<string>; token: () => string }[] = [
      { name: "valid-checksum guesses, blocked address", address: blockedAddress, token: validChecksumGuess },
      { name: "invalid-checksum guesses, blocked address", address: blockedAddress, token: invalidChecksumGuess },
      { name: "the credential's token, blocked address", address: blockedAddress, token: () => token },
      { name: "the credential's token, unblocked address", address: async () => "203.0.113.1", token: () => token },
    ];
    const store = REDIS.REDIS_URL ? "Redis" : "the database";
    console.log(
      `${SECONDS} s each, ${CONNECTIONS} connections, GET /v1/me, a new token per request, throttles on ${store}\n`,
    );
    console.log("scenario | requests/s | answers | db transactions/s | lookups/s | API CPU µs/request");
    console.log("---|---|---|---|---|---");
    for (const scenario of scenarios) {
      const address = await scenario.address();
      await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
      const before = await sample();
      const options = {
        url: `${api.url}/v1/me`,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { "x-forwarded-for": address },
        requests: [
          {
            setupRequest: (request: { headers: Record<string, string> }) => ({
              ...request,
              headers: { ...request.headers, authorization: `Bearer ${scenario.token()}` },
            }),
          },
        ],
      };
      const result = (await autocannon(options as Options)) as Result & {
        statusCodeStats: Record<string, { count: number }>;
      };
      const cpu = cpuMs(api.pid) - before.cpu;
      await new Promise((resolve) => setTimeout(resolve, STATS_SETTLE_MS));
      const after = await sample();
      const seconds = result.duration;
      const answers = Object.entries(result.statusCodeStats)
        .map(([status, { count }]) => `${count} × ${status}`)
        .join(", ");
      console.log(
        [
          scenario.name,
          Math.round(result.requests.total / seconds),
          answers + (result.errors ? `, ${result.errors} errors` : ""),
          Math.round((after.commits - before.commits) / seconds),
          Math.round((after.lookups - before.lookups) / seconds),
          Math.round((cpu * 1000) / result.requests.total),
        ].join(" | "),
      );
    }
    const throttleLines = api
      .output()
      .split("\n")
      .filter((line) => line.includes("[throttle]"));
    if (throttleLines.length) console.log(`\nthe API logged:\n${throttleLines.join("\n")}`);
  } finally {
    await db.end();
    await api.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
