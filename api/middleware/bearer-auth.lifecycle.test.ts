// /v1 and the credential lifecycle over real HTTP: expiry (set in the database just before and just
// after now, so the database's clock decides), the expiry header, allowed IP addresses (checked after
// the token, so a guesser learns nothing), and a roll's grace period with "still in use".
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import {
  changeExpiry,
  createCredential,
  revokeCredential,
  rollCredential,
  setAllowedAddresses,
} from "@/lib/credentials";
import type { TeamAccess } from "@/lib/teams/access";
import { seededTeams } from "@/lib/testing";
import { generateToken } from "@/lib/credentials/tokens";
import { apiFetch, freshAddress, startApi, type RunningApi } from "../testing";

let api: RunningApi;
let access: TeamAccess;

beforeAll(async () => {
  ({ owner: access } = await seededTeams());
  api = await startApi();
});
afterAll(() => api.close());

async function credential(name: string) {
  const { credential: made, token } = await createCredential(access, { name });
  return { id: made.id, token };
}

async function setExpiresAt(id: string, value: string) {
  const db = await getDb();
  await db
    .update(apiCredentials)
    .set({ expiresAt: sql.raw(value) })
    .where(eq(apiCredentials.id, id));
}

async function storedExpiresAt(id: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ at: apiCredentials.expiresAt }).from(apiCredentials).where(eq(apiCredentials.id, id));
  return row.at?.toISOString() ?? null;
}

async function lastUse(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      at: apiCredentials.lastUsedAt,
      address: apiCredentials.lastUsedAddress,
      rolledAt: apiCredentials.rolledAt,
    })
    .from(apiCredentials)
    .where(eq(apiCredentials.id, id));
  return row;
}

/** last_used_at is written after the response: wait until it satisfies `done`. */
async function waitForLastUse(id: string, done: (row: Awaited<ReturnType<typeof lastUse>>) => boolean) {
  for (let i = 0; i < 200; i++) {
    const row = await lastUse(id);
    if (done(row)) return row;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the use was never recorded");
}

const me = (token: string, address?: string) => apiFetch(api, "/v1/me", { token, address: address ?? freshAddress() });

describe("expiry", () => {
  it("a credential that expired a moment ago is refused with 401 expired_credential and its expiry time", async () => {
    const key = await credential("Expired a moment ago");
    await setExpiresAt(key.id, "now() - interval '1 millisecond'");
    const res = await me(key.token);
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="eCourier API"');
    expect(res.headers.get("ecourier-credential-expires-at")).toBeNull();
    const expiredAt = await storedExpiresAt(key.id);
    expect(await res.json()).toEqual({
      error: { code: "expired_credential", message: `This credential expired at ${expiredAt}.` },
    });
  });

  it("one that expires in a minute works, and every answer to it carries ECourier-Credential-Expires-At", async () => {
    const key = await credential("Expires in a minute");
    await setExpiresAt(key.id, "now() + interval '1 minute'");
    const expiresAt = await storedExpiresAt(key.id);
    const ok = await me(key.token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("ecourier-credential-expires-at")).toBe(expiresAt);
    expect(expiresAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const notFound = await apiFetch(api, "/v1/nowhere", { token: key.token });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("ecourier-credential-expires-at")).toBe(expiresAt);
  });

  it("a credential without an expiry has no header, and neither has a request without a credential", async () => {
    const key = await credential("Never expires");
    expect((await me(key.token)).headers.get("ecourier-credential-expires-at")).toBeNull();
    expect(
      (await apiFetch(api, "/v1/me", { address: freshAddress() })).headers.get("ecourier-credential-expires-at"),
    ).toBeNull();
  });

  it("End now holds on the next request, and extending the expiry brings it back", async () => {
    const key = await credential("Ended");
    expect((await me(key.token)).status).toBe(200);
    await changeExpiry(access, { id: key.id, expiry: { choice: "now" } });
    expect(await (await me(key.token)).json()).toMatchObject({ error: { code: "expired_credential" } });
    await changeExpiry(access, { id: key.id, expiry: { choice: "7d" } });
    expect((await me(key.token)).status).toBe(200);
  });

  it("revoked and expired: revoked is said first; enable alone does not bring it back", async () => {
    const key = await credential("Revoked and expired");
    await setExpiresAt(key.id, "now() - interval '1 day'");
    await revokeCredential(access, { id: key.id });
    expect(await (await me(key.token)).json()).toMatchObject({ error: { code: "revoked_credential" } });
    const db = await getDb();
    await db.update(apiCredentials).set({ status: "active", revokedAt: null }).where(eq(apiCredentials.id, key.id));
    expect(await (await me(key.token)).json()).toMatchObject({ error: { code: "expired_credential" } });
  });
});

describe("allowed IP addresses", () => {
  it("refuses another address with 403 ip_not_allowed, and lets the listed ones through", async () => {
    const key = await credential("Office only");
    await setAllowedAddresses(access, { id: key.id, cidrs: ["10.0.0.0/8", "2001:db8::/32", "203.0.113.9/32"] });
    const refused = await me(key.token, "198.51.100.200");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toBeNull();
    expect(await refused.json()).toEqual({
      error: { code: "ip_not_allowed", message: "Requests from 198.51.100.200 are not allowed for this credential." },
    });
    for (const address of ["10.200.3.4", "203.0.113.9", "2001:db8:ffff::1", "::ffff:10.1.2.3"]) {
      expect((await me(key.token, address)).status, address).toBe(200);
    }
    expect((await me(key.token, "203.0.113.10")).status).toBe(403);
    expect((await me(key.token, "2001:db9::1")).status).toBe(403);
  });

  it("is checked after the token: a wrong token from anywhere is invalid, a revoked or expired one says so first", async () => {
    const key = await credential("Checked last");
    await setAllowedAddresses(access, { id: key.id, cidrs: ["10.0.0.0/8"] });
    expect(await (await me(generateToken("test"), "198.51.100.201")).json()).toMatchObject({
      error: { code: "invalid_credentials" },
    });
    await changeExpiry(access, { id: key.id, expiry: { choice: "now" } });
    expect(await (await me(key.token, "198.51.100.201")).json()).toMatchObject({
      error: { code: "expired_credential" },
    });
    await revokeCredential(access, { id: key.id });
    expect(await (await me(key.token, "198.51.100.201")).json()).toMatchObject({
      error: { code: "revoked_credential" },
    });
  });

  it("a refused address is not a guess: it does not use up the address's failure budget", async () => {
    const key = await credential("Wrong place");
    await setAllowedAddresses(access, { id: key.id, cidrs: ["10.0.0.0/8"] });
    const address = freshAddress();
    for (let i = 0; i < 35; i++) expect((await me(key.token, address)).status).toBe(403);
    const other = await credential("Same address, no list");
    expect((await me(other.token, address)).status).toBe(200);
  });

  it("a new list holds on the next request; clearing it lets any address in again", async () => {
    const key = await credential("Changing list");
    const address = freshAddress();
    expect((await me(key.token, address)).status).toBe(200);
    await setAllowedAddresses(access, { id: key.id, cidrs: ["10.0.0.0/8"] });
    expect((await me(key.token, address)).status).toBe(403);
    await setAllowedAddresses(access, { id: key.id, cidrs: [`${address}/32`] });
    expect((await me(key.token, address)).status).toBe(200);
    await setAllowedAddresses(access, { id: key.id, cidrs: [] });
    expect((await me(key.token, "198.51.100.250")).status).toBe(200);
  });
});

describe("roll", () => {
  it("both tokens work during the grace period; a use of the old one after the roll is recorded at once, with its address", async () => {
    const old = await credential("Rolled with grace");
    expect((await me(old.token, "203.0.113.50")).status).toBe(200);
    await waitForLastUse(old.id, (row) => row.at !== null);
    const { credential: fresh, token } = await rollCredential(access, { id: old.id, grace: "1h" });
    // Within the minute of the last write: recorded anyway, as the first use since the roll.
    expect((await me(old.token, "203.0.113.51")).status).toBe(200);
    const used = await waitForLastUse(old.id, (row) => row.address === "203.0.113.51");
    expect(used.at!.getTime()).toBeGreaterThanOrEqual(used.rolledAt!.getTime());
    const res = await me(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ credential: { id: fresh.id, name: "Rolled with grace" } });
    expect(res.headers.get("ecourier-credential-expires-at")).toBeNull();
    expect((await me(old.token)).headers.get("ecourier-credential-expires-at")).toBe(await storedExpiresAt(old.id));
  });

  it('"Now" refuses the old token at once with expired_credential; the new one works', async () => {
    const old = await credential("Rolled now");
    expect((await me(old.token)).status).toBe(200);
    const { token } = await rollCredential(access, { id: old.id, grace: "now" });
    expect(await (await me(old.token)).json()).toMatchObject({ error: { code: "expired_credential" } });
    expect((await me(token)).status).toBe(200);
  });

  it("the new credential keeps the allowed addresses", async () => {
    const old = await credential("Rolled with a list");
    await setAllowedAddresses(access, { id: old.id, cidrs: ["10.0.0.0/8"] });
    const { token } = await rollCredential(access, { id: old.id, grace: "1h" });
    expect((await me(token, "198.51.100.202")).status).toBe(403);
    expect((await me(token, "10.9.9.9")).status).toBe(200);
  });
});
