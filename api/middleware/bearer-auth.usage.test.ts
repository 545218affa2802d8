// Usage per credential over real HTTP: a scripted mix of requests is counted exactly, by outcome,
// in the hourly and daily buckets; refusals are counted for the credential the token belongs to
// (and throttled ones too); unknown tokens for none; a failed flush loses nothing; reads are scoped
// to the caller's team and environment.
import { randomInt } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialUsage, credentialUsageDaily } from "@/db/schema";
import {
  changeExpiry,
  createCredential,
  deleteCredential,
  listCredentials,
  revokeCredential,
  setAllowedAddresses,
} from "@/lib/credentials";
import type { TeamAccess } from "@/lib/teams/access";
import { seededTeams } from "@/lib/testing";
import { generateToken } from "@/lib/credentials/tokens";
import { getCredentialUsage, getTeamUsage } from "@/lib/usage/queries";
import { UsageCounter } from "@/lib/usage/counter";
import { flushUsage, pruneUsage, writeUsage } from "@/lib/usage/recording";
import { CredentialFilters } from "@/lib/credentials/shared/schemas";
import type { ApiEnv } from "../context";
import { apiFetch, freshAddress, startApi, type RunningApi } from "../testing";
import { bearerAuth } from "./bearer-auth";

let api: RunningApi;
let owner: TeamAccess;
let globexOwner: TeamAccess;
let ownerLive: TeamAccess;

beforeAll(async () => {
  ({ owner, ownerLive, globexOwner } = await seededTeams());
  api = await startApi();
});
afterAll(() => api.close());

async function credential(name: string, access = owner) {
  const { credential: made, token } = await createCredential(access, { name });
  return { id: made.id, token };
}

const call = (token: string, path = "/v1/me", address = freshAddress()) => apiFetch(api, path, { token, address });
const times = (n: number, request: () => Promise<Response>) => Promise.all(Array.from({ length: n }, request));
const totals = async (id: string, access = owner) => (await getCredentialUsage(access, id))["24h"].totals;

describe("usage per credential", () => {
  it("a scripted mix of requests is counted exactly, by outcome, in the hour's and the day's buckets", async () => {
    const erp = await credential("Usage ERP");
    const address = freshAddress();
    await times(3, () => call(erp.token, "/v1/me", address)); // 200
    await times(2, () => call(erp.token, "/v1/no-such-endpoint", address)); // 404
    expect((await call(erp.token, "/v1/shipments?limit=0", address)).status).toBe(400);
    expect((await apiFetch(api, "/v1/me", { method: "POST", token: erp.token, address })).status).toBe(405);

    const revoked = await credential("Usage revoked");
    await revokeCredential(owner, { id: revoked.id });
    await times(2, () => call(revoked.token));

    const expired = await credential("Usage expired");
    await changeExpiry(owner, { id: expired.id, expiry: { choice: "now" } });
    expect((await call(expired.token)).status).toBe(401);

    const office = await credential("Usage office only");
    await setAllowedAddresses(owner, { id: office.id, cidrs: ["10.0.0.0/8"] });
    expect((await call(office.token, "/v1/me", "198.18.0.1")).status).toBe(403);
    expect((await call(office.token, "/v1/me", "10.1.2.3")).status).toBe(200);

    expect(await flushUsage()).toBe(true);
    const none = {
      success: 0,
      client_error: 0,
      server_error: 0,
      revoked: 0,
      expired: 0,
      ip_not_allowed: 0,
      rate_limited: 0,
      wrong_environment: 0,
    };
    const usage = await getCredentialUsage(owner, erp.id);
    expect(usage["24h"].totals).toEqual({ ...none, success: 3, client_error: 4 });
    expect(usage["30d"].totals).toEqual(usage["24h"].totals);
    expect(usage["7d"].totals).toEqual(usage["24h"].totals);
    // All in this hour's bucket and today's.
    expect(usage["24h"].buckets).toHaveLength(24);
    expect(usage["24h"].buckets.at(-1)!.counts).toEqual(usage["24h"].totals);
    expect(usage["30d"].buckets).toHaveLength(30);
    expect(usage["30d"].buckets.at(-1)!.counts).toEqual(usage["24h"].totals);
    expect(await totals(revoked.id)).toEqual({ ...none, revoked: 2 });
    expect(await totals(expired.id)).toEqual({ ...none, expired: 1 });
    expect(await totals(office.id)).toEqual({ ...none, ip_not_allowed: 1, success: 1 });

    // The list's column: every outcome of the last 24 hours.
    const page = await listCredentials(owner, CredentialFilters.parse({ name: "Usage ERP" }));
    expect(page.credentials.map((c) => [c.name, c.requests24h])).toEqual([["Usage ERP", 7]]);
  });

  it("after an address is throttled, a refused credential's further requests are counted as rate_limited", async () => {
    const old = await credential("Usage retried after revoke");
    await revokeCredential(owner, { id: old.id });
    const address = `100.64.${randomInt(256)}.${randomInt(256)}`;
    const statuses: number[] = [];
    for (let i = 0; i < 34; i++) statuses.push((await call(old.token, "/v1/me", address)).status);
    const refused = statuses.filter((s) => s === 401).length;
    const throttled = statuses.filter((s) => s === 429).length;
    expect(refused + throttled).toBe(34);
    expect(throttled).toBeGreaterThan(0);
    await flushUsage();
    expect(await totals(old.id)).toMatchObject({ revoked: refused, rate_limited: throttled, success: 0 });
  });

  it("a token whose row is in another environment than its prefix says is counted as wrong_environment", async () => {
    const moved = await credential("Usage moved to live");
    const db = await getDb();
    await db.update(apiCredentials).set({ environment: "live" }).where(eq(apiCredentials.id, moved.id));
    const res = await call(moved.token);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe("invalid_credentials"); // the caller learns nothing more
    await flushUsage();
    expect(await totals(moved.id, ownerLive)).toMatchObject({ wrong_environment: 1, success: 0 });
  });

  it("unknown and malformed tokens are counted for no credential", async () => {
    await flushUsage();
    const db = await getDb();
    const before = await db
      .select({ n: sql<number>`coalesce(sum(${credentialUsage.count}), 0)`.mapWith(Number) })
      .from(credentialUsage);
    await call(generateToken("test"));
    await call("pk_test_not-a-token");
    await apiFetch(api, "/v1/me", { address: freshAddress() });
    await flushUsage();
    const after = await db
      .select({ n: sql<number>`coalesce(sum(${credentialUsage.count}), 0)`.mapWith(Number) })
      .from(credentialUsage);
    expect(after[0].n).toBe(before[0].n);
  });

  it("a handler that fails is counted as a server_error", async () => {
    const key = await credential("Usage handler fails");
    const app = new Hono<ApiEnv>()
      .use(bearerAuth)
      .get("/boom", () => {
        throw new Error("the handler broke");
      })
      .onError((_, c) =>
        c.json({ error: { code: "internal_error", message: "Something went wrong on our side." } }, 500),
      );
    const res = await app.request("/boom", { headers: { authorization: `Bearer ${key.token}` } });
    expect(res.status).toBe(500);
    await flushUsage();
    expect(await totals(key.id)).toMatchObject({ server_error: 1, success: 0 });
  });

  it("another team's or environment's credential id shows nothing (not found), and the team page lists only its own", async () => {
    const acmeKey = await credential("Usage Acme only");
    await times(2, () => call(acmeKey.token));
    await flushUsage();
    for (const access of [globexOwner, ownerLive]) {
      await expect(getCredentialUsage(access, acmeKey.id)).rejects.toMatchObject({ code: "not_found" });
      const team = await getTeamUsage(access);
      expect(team.top.map((t) => t.id)).not.toContain(acmeKey.id);
      expect(team.refused.map((t) => t.id)).not.toContain(acmeKey.id);
    }
    const acme = await getTeamUsage(owner);
    expect(acme.top.map((t) => t.name)).toContain("Usage Acme only");
    const globexKey = await credential("Usage Globex key", globexOwner);
    await call(globexKey.token);
    await flushUsage();
    const globex = await getTeamUsage(globexOwner);
    expect(globex.top.map((t) => t.name)).toEqual([
      "Usage Globex key",
      ...globex.top.map((t) => t.name).filter((n) => n !== "Usage Globex key"),
    ]);
    expect(globex.top.map((t) => t.name)).not.toContain("Usage Acme only");
  });

  it("the team page: requests per day, the most used credentials, and those refused in the last 24 hours", async () => {
    const busy = await credential("Usage busiest");
    await times(40, () => call(busy.token));
    const stale = await credential("Usage still called after revoke");
    await revokeCredential(owner, { id: stale.id });
    await times(3, () => call(stale.token));
    await flushUsage();
    const team = await getTeamUsage(owner);
    expect(team.top[0]).toMatchObject({ name: "Usage busiest", requests: 40, refused: 0 });
    expect(team.refused.find((r) => r.id === stale.id)).toMatchObject({
      name: "Usage still called after revoke",
      total: 3,
      counts: { revoked: 3 },
    });
    expect(team.days.buckets).toHaveLength(30);
    expect(team.days.totals.success).toBeGreaterThanOrEqual(40);
    expect(team.days.buckets.at(-1)!.counts.revoked).toBeGreaterThanOrEqual(3);
  });

  it("a failed flush loses nothing: its counts go out with the next one", async () => {
    const key = await credential("Usage flush fails once");
    let attempts = 0;
    const counter = new UsageCounter({
      write: (rows) => (++attempts === 1 ? Promise.reject(new Error("connection refused")) : writeUsage(rows)),
      maxEntries: 100,
      log: () => {},
    });
    const now = Date.now();
    counter.count(key.id, "success", now);
    counter.count(key.id, "success", now);
    expect(await counter.flush()).toBe(false);
    counter.count(key.id, "client_error", now);
    expect(await counter.flush()).toBe(true);
    expect(await totals(key.id)).toMatchObject({ success: 2, client_error: 1 });
  });

  it("a credential deleted before the flush takes its counts with it; the others in the same flush are written", async () => {
    const gone = await credential("Usage deleted before flush");
    const kept = await credential("Usage kept in that flush");
    await call(gone.token);
    await call(kept.token);
    await deleteCredential(owner, { id: gone.id });
    expect(await flushUsage()).toBe(true);
    expect(await totals(kept.id)).toMatchObject({ success: 1 });
    const db = await getDb();
    expect(await db.select().from(credentialUsage).where(eq(credentialUsage.credentialId, gone.id))).toEqual([]);
  });

  it("pruning deletes the buckets older than 90 days, and only those", async () => {
    const key = await credential("Usage ninety days");
    const db = await getDb();
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const hour = (daysAgo: number) => new Date(`${day(daysAgo)}T05:00:00.000Z`);
    await db.insert(credentialUsage).values([
      { credentialId: key.id, hour: hour(91), outcome: "success", count: 5 },
      { credentialId: key.id, hour: hour(89), outcome: "success", count: 7 },
    ]);
    await db.insert(credentialUsageDaily).values([
      { credentialId: key.id, day: day(92), outcome: "success", count: 5 },
      { credentialId: key.id, day: day(89), outcome: "success", count: 7 },
    ]);
    expect(await pruneUsage()).toBeGreaterThanOrEqual(2);
    const hours = await db
      .select({ count: credentialUsage.count })
      .from(credentialUsage)
      .where(eq(credentialUsage.credentialId, key.id));
    const days = await db
      .select({ count: credentialUsageDaily.count })
      .from(credentialUsageDaily)
      .where(eq(credentialUsageDaily.credentialId, key.id));
    expect(hours).toEqual([{ count: 7 }]);
    expect(days).toEqual([{ count: 7 }]);
  });
});
