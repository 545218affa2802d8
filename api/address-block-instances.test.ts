// An address blocked for refused credentials (30 a minute, counted across instances) still gets in with
// a working credential on every instance — one that worked elsewhere, and one issued during the block —
// while guesses from it stay 429 everywhere. Two API processes (api/standalone.ts) on one scratch
// PostgreSQL database, the throttle counted in its rate_limits table, clients behind one trusted proxy.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { displayToken, generateToken, hashToken } from "@/lib/credentials/tokens";
import { scratchDatabase, startStandaloneApi, type Instance } from "@/e2e/instances";

let a: Instance, b: Instance, drop: () => Promise<void>, db: pg.Client;
let teamId: string;
const ADDRESS = "198.51.100.61"; // a company's NAT: a guesser and the integrations share it

beforeAll(async () => {
  const database = await scratchDatabase();
  drop = database.drop;
  // Both at once: one migrates the scratch database under an advisory lock, the other waits for it.
  [a, b] = await Promise.all([startStandaloneApi(database.url), startStandaloneApi(database.url)]);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  const team = await db.query<{ id: string }>(
    "insert into teams (slug, name) values ('shared-nat', 'Shared NAT Co') returning id",
  );
  teamId = team.rows[0].id;
}, 60_000);

afterAll(async () => {
  await db?.end();
  await Promise.all([a?.stop(), b?.stop()]);
  await drop?.();
});

/** A credential row, as the dashboard would create it; its token. */
async function issue(name: string, status: "active" | "revoked" = "active"): Promise<string> {
  const token = generateToken("test");
  await db.query(
    "insert into api_credentials (team_id, environment, name, token_hash, token_display, status) values ($1, 'test', $2, $3, $4, $5)",
    [teamId, name, hashToken(token), displayToken(token), status],
  );
  return token;
}

async function me(instance: Instance, token: string) {
  const res = await fetch(`${instance.url}/v1/me`, {
    headers: { authorization: `Bearer ${token}`, "x-forwarded-for": ADDRESS },
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), body: await res.json() };
}

/** The address's shared count of refused credentials. */
async function refusalsCounted(): Promise<number> {
  const rows = await db.query<{ points: number }>("select points from rate_limits where key like $1", [`%${ADDRESS}`]);
  return rows.rows[0]?.points ?? 0;
}

describe("an address blocked for refused credentials, across two instances", () => {
  it("working credentials are accepted from it on both; guesses and revoked ones are 429 and not counted", async () => {
    const erp = await issue("ERP");
    expect((await me(a, erp)).status).toBe(200);

    // A guesser behind the same address: 30 refusals through A block it there…
    for (let i = 0; i < 30; i++) expect((await me(a, generateToken("test"))).status).toBe(401);
    expect((await me(a, generateToken("test"))).status).toBe(429);
    // …and B learns the block from the shared count at its first refusal.
    expect((await me(b, generateToken("test"))).status).toBe(401);
    expect((await me(b, generateToken("test"))).status).toBe(429);
    const counted = await refusalsCounted();
    expect(counted).toBeGreaterThanOrEqual(30);

    // (i) the credential that worked on A, on B (which has never accepted it)
    expect((await me(b, erp)).status).toBe(200);
    expect((await me(a, erp)).status).toBe(200);
    // (ii) a credential issued during the block, on both
    const fresh = await issue("Warehouse, issued during the block");
    const accepted = await me(a, fresh);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ credential: { name: "Warehouse, issued during the block" } });
    expect((await me(b, fresh)).status).toBe(200);

    // (iii) a guess with a valid checksum, and a revoked credential: 429 with Retry-After on both
    const revoked = await issue("Old ERP", "revoked");
    for (const instance of [a, b]) {
      for (const token of [generateToken("test"), revoked]) {
        const refused = await me(instance, token);
        expect(refused.status).toBe(429);
        expect(refused.body).toEqual({ error: { code: "rate_limited", message: expect.any(String) } });
        expect(Number(refused.retryAfter)).toBeGreaterThan(0);
      }
    }
    // Not counted again: the block ends when it would have.
    expect(await refusalsCounted()).toBe(counted);
  }, 20_000);
});
