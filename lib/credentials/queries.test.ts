// Listing credentials (queries.ts), in the database: newest first, filtered by name and status, paged,
// and the list's notice of tokens found in public.
import { beforeAll, describe, expect, it } from "vitest";
import { createCredential, listCredentials, recordLeaks, revokeCredential, rollCredential } from ".";
import { seededTeams, type SeededTeams } from "@/lib/testing";

let seeded: SeededTeams;

beforeAll(async () => {
  seeded = await seededTeams();
});

describe("the list of credentials", () => {
  it("lists newest first, filters by name (wildcards literal) and status, and pages by 50", async () => {
    const access = seeded.ownerLive;
    const created: string[] = [];
    for (let i = 1; i <= 53; i++) created.push((await createCredential(access, { name: `Batch ${i}` })).credential.id);
    const special = await createCredential(access, { name: "100%_sure" });
    await revokeCredential(access, { id: created[0] });

    const first = await listCredentials(access, { name: "Batch", status: "all", page: 1 });
    expect(first.total).toBe(53);
    expect(first.credentials).toHaveLength(50);
    expect(first.credentials[0].name).toBe("Batch 53");
    const second = await listCredentials(access, { name: "batch", status: "all", page: 2 });
    expect(second.credentials.map((c) => c.name)).toEqual(["Batch 3", "Batch 2", "Batch 1"]);
    const past = await listCredentials(access, { name: "Batch", status: "all", page: 9 });
    expect(past.page).toBe(2);

    const revoked = await listCredentials(access, { name: "", status: "revoked", page: 1 });
    expect(revoked.credentials.map((c) => c.id)).toEqual([created[0]]);
    const percent = await listCredentials(access, { name: "0%_", status: "all", page: 1 });
    expect(percent.credentials.map((c) => c.id)).toEqual([special.credential.id]);
    expect((await listCredentials(access, { name: "%", status: "all", page: 1 })).total).toBe(1);

    expect(first.credentials[0]).toEqual({
      id: created[52],
      name: "Batch 53",
      tokenDisplay: expect.stringMatching(/^pk_live_.{4}….{4}$/),
      status: "active",
      createdBy: "Olivia Owner",
      createdAt: expect.any(String),
      lastUsedAt: null,
      revokedAt: null,
      expiresAt: null,
      rolledAt: null,
      replacedBy: null,
      replaces: null,
      lastUsedAddress: null,
      allowedAddresses: [],
      revokedReason: null,
      leak: null,
      requests24h: 0,
    });
  });

  it("shows a credential whose token was found in public with its leak and Leaked reason, and in the leak notices until rolled", async () => {
    const url = "https://github.com/acme/erp/blob/main/.env";
    const { credential, token } = await createCredential(seeded.owner, { name: "Leaky ERP" });
    // As a secret-scanning report leaves it (Acme's setting: revoke).
    await recordLeaks([{ token, type: "ecourier_api_token", url, source: "commit" }]);
    const page = await listCredentials(seeded.owner, { name: "Leaky ERP", status: "all", page: 1 });
    const at = page.credentials[0].leak?.at;
    expect(at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(page.credentials[0]).toMatchObject({
      id: credential.id,
      status: "revoked",
      revokedReason: "leaked",
      revokedAt: at,
      leak: { at, url, source: "commit" },
    });
    expect(page.leaks).toContainEqual({ id: credential.id, name: "Leaky ERP", url, at, revoked: true });
    await rollCredential(seeded.owner, { id: credential.id, grace: "now" });
    const rolled = await listCredentials(seeded.owner, { name: "Leaky ERP", status: "all", page: 1 });
    expect(rolled.leaks.map((l) => l.id)).not.toContain(credential.id);
  });
});
