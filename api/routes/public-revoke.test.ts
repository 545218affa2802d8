// The revoke anyone holding a token may call (POST /v1/credentials/revoke), over real HTTP: the same
// answer whatever the token, only an active credential revoked, throttled per client address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateToken } from "@/lib/credentials/tokens";
import {
  apiFetch,
  createTeam,
  credentialEventsOf,
  deleteCredential,
  errorCodeOf,
  freshAddress,
  insertCredentialRow,
  postWithUnfinishedBody,
  setCredentialStatus,
  startApi,
  storedCredential,
  type RunningApi,
} from "../testing";

let api: RunningApi;

beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const me = (token: string) => apiFetch(api, "/v1/me", { token, address: freshAddress() });

describe("POST /v1/credentials/revoke (anyone holding a token)", () => {
  const publicRevoke = (body: unknown, address = freshAddress()) =>
    apiFetch(api, "/v1/credentials/revoke", { method: "POST", body: JSON.stringify(body), address });

  it("answers the same for an active, a revoked, a deleted and a malformed token, and revokes only the active one", async () => {
    const team = await createTeam("Found Tokens");
    const active = await insertCredentialRow(team.id, "live");
    const revoked = await insertCredentialRow(team.id, "live");
    await setCredentialStatus(revoked.id, "revoked");
    const deleted = await insertCredentialRow(team.id, "test");
    await deleteCredential(deleted.id);

    for (const token of [active.token, revoked.token, deleted.token, "pk_live_malformed", generateToken("test")]) {
      const res = await publicRevoke({ token });
      expect(res.status).toBe(202);
      expect(await res.json()).toEqual({ status: "received" });
    }
    expect(await storedCredential(active.id)).toMatchObject({ status: "revoked", reason: "public_report" });
    expect(await errorCodeOf(await me(active.token))).toBe("revoked_credential");
    expect(await credentialEventsOf(active.id)).toEqual([
      { action: "revoked", actor: null, details: expect.objectContaining({ reason: "public_report" }) },
    ]);
    expect(await credentialEventsOf(revoked.id)).toEqual([]);
    expect(await storedCredential(revoked.id)).toMatchObject({ status: "revoked", reason: "manual" });
  });

  it("refuses a body without a token with 400", async () => {
    const res = await publicRevoke({ key: "pk_test_x" });
    expect(res.status).toBe(400);
    expect(await errorCodeOf(res)).toBe("invalid_request");
  });

  it("is throttled per client address like failed credentials", async () => {
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 32; i++) statuses.push((await publicRevoke({ token: generateToken("test") }, address)).status);
    expect(statuses.slice(0, 30).every((s) => s === 202)).toBe(true);
    const limited = await publicRevoke({ token: generateToken("test") }, address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await publicRevoke({ token: generateToken("test") })).status).toBe(202);
    // The budget is checked before the body is read: a refused request's body is never waited for.
    const unread = await postWithUnfinishedBody(api, "/v1/credentials/revoke", { address, length: 500_000 });
    expect(unread.status).toBe(429);
  });
});
