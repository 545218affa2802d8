// Verification from an address blocked for refused credentials (issue 25): a working credential still
// gets in — one this process has never accepted, or one issued during the block — because its token is
// looked up; every other answer is 429 with the block's wait, and is not counted again.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { createTeam, insertCredentialRow, setCredentialStatus } from "@/api/testing";
import { generateToken } from "@/lib/credentials";
import { API_AUTH_FAILURE_LIMIT, authenticateApiRequest } from "./verify";

const ADDRESS = "192.0.2.150";
let teamId: string;

/** The address's shared count of refused credentials (the rate_limits row). */
async function refusalsCounted(address: string): Promise<number> {
  const db = await getDb();
  const rows = await db.execute<{ points: number }>(
    sql`select points from rate_limits where key like ${"%:" + address}`,
  );
  return Number(rows.rows[0]?.points ?? 0);
}

const verify = (token: string) => authenticateApiRequest(`Bearer ${token}`, ADDRESS);

beforeAll(async () => {
  teamId = (await createTeam("Shared NAT")).id;
  for (let i = 0; i < API_AUTH_FAILURE_LIMIT; i++)
    expect(await verify(generateToken("test"))).toMatchObject({ reason: "invalid_credentials" });
  expect(await verify(generateToken("test"))).toMatchObject({ ok: false, reason: "rate_limited" });
});

describe("authenticating from a blocked address", () => {
  it("accepts a working credential it has never seen, issued during the block", async () => {
    const fresh = await insertCredentialRow(teamId, "test", "Issued during the block");
    expect(await verify(fresh.token)).toMatchObject({ ok: true, principal: { credential: { id: fresh.id } } });
  });

  it("answers 429 with the block's wait to a guess and to revoked, expired and wrong-environment credentials", async () => {
    const db = await getDb();
    const revoked = await insertCredentialRow(teamId, "test", "Revoked");
    await setCredentialStatus(revoked.id, "revoked");
    const expired = await insertCredentialRow(teamId, "test", "Expired");
    await db
      .update(apiCredentials)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(apiCredentials.id, expired.id));
    const moved = await insertCredentialRow(teamId, "live", "Moved to test");
    await db.update(apiCredentials).set({ environment: "test" }).where(eq(apiCredentials.id, moved.id));

    const before = await refusalsCounted(ADDRESS);
    expect(before).toBeGreaterThanOrEqual(API_AUTH_FAILURE_LIMIT);
    for (const token of [generateToken("test"), revoked.token, expired.token, moved.token]) {
      const answer = await verify(token);
      expect(answer).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(answer.ok === false && answer.reason === "rate_limited" && answer.retryAfterMs).toBeGreaterThan(0);
    }
    // Malformed tokens are refused before the database (401), and no longer counted either.
    expect(await authenticateApiRequest("Bearer not-a-token", ADDRESS)).toMatchObject({
      reason: "invalid_credentials",
    });
    expect(await refusalsCounted(ADDRESS)).toBe(before);
  });
});
