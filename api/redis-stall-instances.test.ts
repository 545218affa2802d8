// A stalled Redis must not hold refused /v1 requests: an API process (api/standalone.ts) with REDIS_URL
// on a redis-server of this test's own, stalled by CLIENT PAUSE for 20 s. Each refusal is counted in the
// process instead, so it is answered at once and the address is still blocked after 30. Before the fix
// every refused request waited out the stall (the fetches' own timeouts make that a failure).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { generateToken } from "@/lib/credentials/tokens";
import { insertTeamWithCredential } from "./scratch-fixtures";
import { scratchDatabase, startStandaloneApi, type StandaloneApi } from "@/e2e/instances";
import { startOwnRedis, type OwnRedis } from "@/e2e/redis-server";

let api: StandaloneApi, redis: OwnRedis, drop: () => Promise<void>;
let token: string;

beforeAll(async () => {
  redis = await startOwnRedis();
  const database = await scratchDatabase();
  drop = database.drop;
  api = await startStandaloneApi(database.url, { REDIS_URL: redis.url });
  const db = new pg.Client({ connectionString: database.url });
  await db.connect();
  try {
    ({ token } = await insertTeamWithCredential(db, "redis-stall", "Redis Stall Co"));
  } finally {
    await db.end();
  }
}, 60_000);

afterAll(async () => {
  await api?.stop();
  await redis?.stop();
  await drop?.();
});

/** A well-formed token nobody holds (its checksum is valid): it reaches the database and is refused there. */
const guess = () => generateToken("test");

async function me(bearer: string) {
  const started = performance.now();
  const res = await fetch(`${api.url}/v1/me`, {
    headers: { authorization: `Bearer ${bearer}`, "x-forwarded-for": "198.51.100.200" },
    signal: AbortSignal.timeout(5_000),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), ms: performance.now() - started };
}

describe("/v1 with its throttle store (Redis) stalled", () => {
  it("refusals are answered at once and still block the address at 30; a good token is unaffected", async () => {
    expect((await me(token)).status).toBe(200);
    expect((await me(guess())).status).toBe(401); // counted in Redis, which answers
    await redis.pause(20_000);

    const first = await me(guess());
    expect(first.status).toBe(401);
    expect(first.ms).toBeLessThan(3_000);

    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await me(guess()));
    expect(answers.every((a) => a.ms < 3_000)).toBe(true);
    // The in-process count starts with the stall: 29 more refusals, then the address is blocked.
    expect(answers.slice(0, 29).map((a) => a.status)).toEqual(Array(29).fill(401));
    expect(answers[29].status).toBe(429);
    expect(Number(answers[29].retryAfter)).toBeGreaterThan(0);

    expect((await me(token)).status).toBe(200);
    expect(api.output().match(/is not answering/g)).toHaveLength(1);
  }, 15_000);
});
