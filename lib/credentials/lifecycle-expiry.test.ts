// Expiry as the dashboard sees it: a credential's page (getCredential, scoped), the status filter's
// "expired" and "expiring soon" and the banner's count — with expiries set in the database just
// before and just after now, so the database's clock decides as it does for /v1.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { createCredential, getCredential, listCredentials, revokeCredential, rollCredential, setExpiry } from ".";
import type { TeamAccess } from "@/lib/teams";
import { seededTeams, type SeededTeams } from "@/lib/testing";

let seeded: SeededTeams;

beforeAll(async () => {
  seeded = await seededTeams();
});

/** A new credential (by default acme's, Test) whose expires_at is set in SQL (null: never). */
async function credentialExpiring(name: string, expiresAt: string | null, access: TeamAccess = seeded.owner) {
  const { credential } = await createCredential(access, { name });
  await setExpiry(await getDb(), eq(apiCredentials.id, credential.id), expiresAt === null ? null : sql.raw(expiresAt));
  return credential.id;
}

describe("getCredential", () => {
  it("shows a credential of the team in this environment, with its lifecycle fields", async () => {
    const id = await credentialExpiring("Page", "now() + interval '3 days'");
    const dto = await getCredential(seeded.viewer, id);
    expect(dto).toEqual({
      id,
      name: "Page",
      tokenDisplay: expect.stringMatching(/^pk_test_/),
      status: "active",
      createdBy: "Olivia Owner",
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      rolledAt: null,
      replacedBy: null,
      replaces: null,
      lastUsedAddress: null,
      allowedAddresses: [],
      revokedReason: null,
      leak: null,
      requests24h: 0,
    });
    const days = (Date.parse(dto.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.9);
    expect(days).toBeLessThan(3.1);
  });

  it("another team's, another environment's or an unknown id is not found", async () => {
    const id = await credentialExpiring("Scoped", null);
    const { credential: globex } = await createCredential(seeded.globexOwner, { name: "Globex" });
    await expect(getCredential(seeded.ownerLive, id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getCredential(seeded.owner, globex.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getCredential(seeded.owner, crypto.randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(getCredential(seeded.owner, "not-a-uuid")).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the status filter and the expiring-soon count", () => {
  it("sorts credentials by expiry as the database's clock sees it", async () => {
    // A fresh environment of its own (Live), so counts are exact.
    const access = seeded.ownerLive;
    const make = (name: string, expiresAt: string | null) => credentialExpiring(name, expiresAt, access);
    const never = await make("Never", null);
    const justExpired = await make("Just expired", "now() - interval '1 millisecond'");
    const endsNow = await make("Ends now", "now()");
    const inAMinute = await make("In a minute", "now() + interval '1 minute'");
    const inSixDays = await make("In six days", "now() + interval '6 days 23 hours'");
    const inEightDays = await make("In eight days", "now() + interval '8 days'");
    const revokedSoon = await make("Revoked, soon", "now() + interval '1 day'");
    await revokeCredential(access, { id: revokedSoon });
    const revokedExpired = await make("Revoked and expired", "now() - interval '1 day'");
    await revokeCredential(access, { id: revokedExpired });
    // Rolled with a day's grace: ending on purpose, so not "expiring soon"; its replacement never expires.
    const rolledAway = await make("Rolled away", null);
    const { credential: replacement } = await rollCredential(access, { id: rolledAway, grace: "24h" });

    const ids = async (status: "all" | "active" | "revoked" | "expired" | "expiring_soon") => {
      const page = await listCredentials(access, { name: "", status, page: 1 });
      return { ids: new Set(page.credentials.map((c) => c.id)), total: page.total, expiringSoon: page.expiringSoon };
    };
    expect(await ids("active")).toMatchObject({
      ids: new Set([never, inAMinute, inSixDays, inEightDays, rolledAway, replacement.id]),
      total: 6,
    });
    expect(await ids("expired")).toMatchObject({ ids: new Set([justExpired, endsNow, revokedExpired]), total: 3 });
    expect(await ids("revoked")).toMatchObject({ ids: new Set([revokedSoon, revokedExpired]) });
    expect(await ids("expiring_soon")).toMatchObject({ ids: new Set([inAMinute, inSixDays]), total: 2 });
    // The banner's count is the same whatever the filter.
    expect((await ids("all")).expiringSoon).toBe(2);
    expect((await ids("revoked")).expiringSoon).toBe(2);
  });
});
