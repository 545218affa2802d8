// lib/ is loaded more than once in one process (Next's bundles and server.ts's copy). Each test
// loads a second, fresh copy of the modules (vi.resetModules) and checks that state counted
// through one copy is seen through the other, as it must be between the Auth.js route, the
// sign-in server action and the API.
import { describe, expect, it, vi } from "vitest";

async function freshCopy<T>(path: string): Promise<T> {
  vi.resetModules();
  return (await import(path)) as T;
}

type Throttle = typeof import("@/lib/auth/sign-in-throttle");
type ApiAuth = typeof import("@/lib/api-access/verify");
type Database = typeof import("@/db");

describe("process state is one per process, however often lib/ is loaded", () => {
  it("sign-in failures counted through one copy block sign-in through another", async () => {
    const first = await freshCopy<Throttle>("@/lib/auth/sign-in-throttle");
    const second = await freshCopy<Throttle>("@/lib/auth/sign-in-throttle");
    expect(first.signInBlockedFor).not.toBe(second.signInBlockedFor); // two copies indeed
    const email = "copies@example.com";
    const address = "192.0.2.10";
    for (let i = 0; i < first.SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS; i++)
      await first.recordSignInFailure(email, address);
    expect(await second.signInBlockedFor(email, address)).toBeGreaterThan(0);
    await second.recordSignInSuccess(email, address);
    expect(await first.signInBlockedFor(email, address)).toBe(0);
  });

  it("/v1 failures counted through one copy throttle the address in another", async () => {
    const first = await freshCopy<ApiAuth>("@/lib/api-access/verify");
    const second = await freshCopy<ApiAuth>("@/lib/api-access/verify");
    const address = "192.0.2.20";
    for (let i = 0; i < first.API_AUTH_FAILURE_LIMIT; i++) {
      expect((await first.authenticateApiRequest("Bearer not-a-token", address)).ok).toBe(false);
    }
    expect(await second.authenticateApiRequest("Bearer not-a-token", address)).toMatchObject({
      ok: false,
      reason: "invalid_credentials",
    });
    const wellFormed = (await import("@/lib/credentials/tokens")).generateToken("test");
    expect(await second.authenticateApiRequest(`Bearer ${wellFormed}`, address)).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
  });

  it("both copies use one database client", async () => {
    const first = await freshCopy<Database>("@/db");
    const second = await freshCopy<Database>("@/db");
    expect(await first.getDatabaseClient()).toBe(await second.getDatabaseClient());
  });
});
