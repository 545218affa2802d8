// The /v1 lookup's packed column, both ways: the decoder on its own, and rows of the database through
// the SQL encoder (the prepared text production sends) and back through the decoder, to the facts
// each credential's state should give.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import {
  changeExpiry,
  createCredential,
  hashToken,
  revokeCredential,
  rollCredential,
  setAllowedAddresses,
  setExpiry,
} from "@/lib/credentials";
import { seededTeams, type SeededTeams } from "@/lib/testing";
import { findCredentialByTokenHash, LOOKUP_SQL, readChecks } from "./lookup";
import { touchLastUsed } from "./verify";

describe("readChecks: the lookup's packed column", () => {
  it("reads an active test credential with no expiry and any address", () => {
    expect(readChecks("art|")).toEqual({
      state: "active",
      lastUse: "recent",
      environment: "test",
      expiresAt: null,
      allowedCidrs: null,
    });
  });

  it("reads a revoked live credential that expires and has an allowlist", () => {
    expect(readChecks("rdl2027-01-02T03:04:05.678Z|{10.0.0.0/8,2001:db8::/32}")).toEqual({
      state: "revoked",
      lastUse: "due",
      environment: "live",
      expiresAt: "2027-01-02T03:04:05.678Z",
      allowedCidrs: "{10.0.0.0/8,2001:db8::/32}",
    });
  });

  it("reads an expired credential first used since its roll", () => {
    expect(readChecks("xot2026-12-01T00:00:00.000Z|")).toMatchObject({
      state: "expired",
      lastUse: "roll",
      expiresAt: "2026-12-01T00:00:00.000Z",
      allowedCidrs: null,
    });
  });
});

describe("the lookup, from the database to the facts", () => {
  let seeded: SeededTeams;
  beforeAll(async () => {
    seeded = await seededTeams();
  });

  /** Expiries on a whole second, so the expected ISO text is exact (the column keeps microseconds). */
  const setExpiresAt = async (id: string, value: string) =>
    setExpiry(await getDb(), eq(apiCredentials.id, id), sql.raw(`date_trunc('second', ${value})`));
  const storedExpiry = async (id: string) => {
    const db = await getDb();
    const [row] = await db
      .select({ at: apiCredentials.expiresAt })
      .from(apiCredentials)
      .where(eq(apiCredentials.id, id));
    return row.at!.toISOString();
  };
  const lookUp = async (token: string) => {
    const row = await findCredentialByTokenHash(hashToken(token));
    return row && { ...row, checks: readChecks(row.checks) };
  };

  it("is one statement with one parameter, the token's hash, and the database's clock", () => {
    expect(LOOKUP_SQL.match(/\$\d+/g)).toEqual(["$1"]);
    expect(LOOKUP_SQL).toMatch(/where c\.token_hash = \$1 limit 1$/);
    expect(LOOKUP_SQL).toContain("c.expires_at <= now()");
    expect(LOOKUP_SQL).not.toContain(";");
  });

  it("an active Test credential, never used, no expiry, any address: its ids and names, and nothing else to check", async () => {
    const { credential, token } = await createCredential(seeded.owner, { name: "Plain" });
    expect(await lookUp(token)).toEqual({
      id: credential.id,
      name: "Plain",
      team_id: seeded.teams.acme,
      team_name: "Acme Logistics",
      checks: { state: "active", lastUse: "due", environment: "test", expiresAt: null, allowedCidrs: null },
    });
  });

  it("a revoked Live credential with an expiry and allowed addresses", async () => {
    const { credential, token } = await createCredential(seeded.ownerLive, { name: "Live ERP" });
    await setAllowedAddresses(seeded.ownerLive, { id: credential.id, cidrs: ["10.0.0.0/8", "2001:db8::/32"] });
    await setExpiresAt(credential.id, "now() + interval '30 days'");
    await revokeCredential(seeded.ownerLive, { id: credential.id });
    expect(await lookUp(token)).toMatchObject({
      id: credential.id,
      name: "Live ERP",
      team_id: seeded.teams.acme,
      checks: {
        state: "revoked",
        lastUse: "due",
        environment: "live",
        expiresAt: await storedExpiry(credential.id),
        allowedCidrs: "{10.0.0.0/8,2001:db8::/32}",
      },
    });
  });

  it("expired from its expiry on; revoked is read first, whatever the expiry", async () => {
    const { credential, token } = await createCredential(seeded.owner, { name: "Ends" });
    await setExpiresAt(credential.id, "now() - interval '1 second'");
    expect((await lookUp(token))?.checks).toMatchObject({
      state: "expired",
      expiresAt: await storedExpiry(credential.id),
    });
    await revokeCredential(seeded.owner, { id: credential.id });
    expect((await lookUp(token))?.checks.state).toBe("revoked");
    await changeExpiry(seeded.owner, { id: credential.id, expiry: { choice: "never" } });
    expect((await lookUp(token))?.checks).toMatchObject({ state: "revoked", expiresAt: null });
  });

  it("last use: due, recent within the minute, due again after it, and at once for the first use since a roll", async () => {
    const { credential, token } = await createCredential(seeded.owner, { name: "Used" });
    expect((await lookUp(token))?.checks.lastUse).toBe("due");
    await touchLastUsed(credential.id, "203.0.113.9");
    expect((await lookUp(token))?.checks.lastUse).toBe("recent");
    const db = await getDb();
    await db
      .update(apiCredentials)
      .set({ lastUsedAt: sql`now() - interval '61 seconds'` })
      .where(eq(apiCredentials.id, credential.id));
    expect((await lookUp(token))?.checks.lastUse).toBe("due");

    await rollCredential(seeded.owner, { id: credential.id, grace: "1h" });
    expect((await lookUp(token))?.checks).toMatchObject({ state: "active", lastUse: "roll" });
    await touchLastUsed(credential.id);
    expect((await lookUp(token))?.checks.lastUse).toBe("recent");
  });

  it("an unknown hash finds nothing", async () => {
    expect(await findCredentialByTokenHash(hashToken("pk_test_unknown"))).toBeUndefined();
  });
});
