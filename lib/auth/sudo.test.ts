// Sudo mode for Live credentials, through the actions a browser posts: creating, enabling, deleting,
// rolling or giving a new expiry to a Live credential needs the member's password confirmed in this session within 15 minutes. Real session
// rows and the real per-request user read; Auth.js's auth() is stood in for by what it returns for a cookie.
// Members, the leak response and a wider allowlist: ./sudo-team.test.ts; the table itself: ./sudo-rules.test.ts.
import { asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents, sessions } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { changeExpiry, createCredential, revokeCredential } from "@/lib/credentials";
import { confirmedMinutesAgo, seededTeams, type SeededTeams } from "@/lib/testing";
import { confirmPasswordAction } from "@/app/(dashboard)/dashboard/actions";
import {
  changeExpiryAction,
  createCredentialAction,
  deleteCredentialAction,
  enableCredentialAction,
  renameCredentialAction,
  revokeCredentialAction,
  rollCredentialAction,
  setAllowedAddressesAction,
} from "@/app/(dashboard)/dashboard/[team]/[env]/developers/api-credentials/actions";
import { startSession } from "./sessions";
import { SIGN_IN_FAILURES_PER_DEVICE } from "./sign-in-throttle";

const browser = vi.hoisted(() => ({
  cookie: null as { user: { id: string }; sessionId: string } | null,
  address: "10.20.0.1",
}));
vi.mock("@/lib/dashboard/auth-js", () => ({ auth: async () => browser.cookie }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": browser.address }) }));

const live = { team: "acme", environment: "live" } as const;
const test = { team: "acme", environment: "test" } as const;
const ids = new Map<string, string>();
let accessOf: SeededTeams["accessOf"];

beforeAll(async () => {
  const seeded = await seededTeams();
  for (const u of Object.values(seeded.users)) ids.set(u.email, u.id);
  accessOf = seeded.accessOf;
});

/** Signs in afresh (a new session row) and makes it the cookie the next calls carry; returns the session id. */
async function signInAs(email: string): Promise<string> {
  const userId = ids.get(email)!;
  const sessionId = await startSession(userId);
  browser.cookie = { user: { id: userId }, sessionId };
  return sessionId;
}

async function snapshot() {
  const db = await getDb();
  return {
    credentials: await db.select().from(apiCredentials).orderBy(asc(apiCredentials.id)),
    events: await db.select().from(credentialEvents).orderBy(asc(credentialEvents.id)),
  };
}

/** A credential to change, made directly in lib: `revoked` for one to enable, `ended` for one to extend. */
async function fixture(environment: "live" | "test", state?: "revoked" | "ended"): Promise<string> {
  const owner = await accessOf("owner", "acme", environment);
  const { credential } = await createCredential(owner, { name: "Fixture" });
  if (state === "revoked") await revokeCredential(owner, { id: credential.id });
  if (state === "ended") await changeExpiry(owner, { id: credential.id, expiry: { choice: "now" } });
  return credential.id;
}

/** The state a change's fixture starts in: Enable needs a revoked credential, a new expiry an ended one. */
const startState = (change: string) => (change === "enable" ? "revoked" : change === "extend" ? "ended" : undefined);

const sensitive = {
  create: async (scope: object) => createCredentialAction({ ...scope, name: "Shop checkout" }),
  enable: async (scope: object, id?: string) =>
    enableCredentialAction({ ...scope, id: id ?? (await fixture("live", "revoked")) }),
  delete: async (scope: object, id?: string) => deleteCredentialAction({ ...scope, id: id ?? (await fixture("live")) }),
  roll: async (scope: object, id?: string) =>
    rollCredentialAction({ ...scope, id: id ?? (await fixture("live")), grace: "1h" }),
  // A later expiry brings an expired token back, as Enable does a revoked one.
  extend: async (scope: object, id?: string) =>
    changeExpiryAction({ ...scope, id: id ?? (await fixture("live", "ended")), expiry: { choice: "30d" } }),
};

beforeEach(() => {
  browser.address = `10.20.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

describe("Live create, enable, delete, roll and a new expiry need the password confirmed in this session within 15 minutes", () => {
  for (const [name, change] of Object.entries(sensitive)) {
    it(`${name}: refused ("confirm your password") without a confirmation, leaving the database as it was`, async () => {
      await signInAs("developer@example.com");
      // The fixture is made first, so the snapshot holds it.
      const id = name === "create" ? undefined : await fixture("live", startState(name));
      const before = await snapshot();
      await expect(change(live, id)).resolves.toEqual({
        ok: false,
        code: "password_confirmation_required",
        message: "Confirm your password to continue.",
      });
      expect(await snapshot()).toEqual(before);
    });

    it(`${name}: allowed right after "Confirm your password", and 14 minutes later`, async () => {
      const sid = await signInAs("developer@example.com");
      await expect(confirmPasswordAction({ password: DEMO_PASSWORD })).resolves.toEqual({ ok: true, data: undefined });
      await expect(change(live)).resolves.toMatchObject({ ok: true });
      await confirmedMinutesAgo(sid, 14);
      await expect(change(live)).resolves.toMatchObject({ ok: true });
    });

    it(`${name}: refused again once the confirmation is over 15 minutes old (a replayed call included)`, async () => {
      const sid = await signInAs("developer@example.com");
      await confirmedMinutesAgo(sid, 16);
      const id = name === "create" ? undefined : await fixture("live", startState(name));
      const before = await snapshot();
      await expect(change(live, id)).resolves.toMatchObject({ ok: false, code: "password_confirmation_required" });
      expect(await snapshot()).toEqual(before);
    });

    it(`${name}: in Test needs no confirmation`, async () => {
      await signInAs("developer@example.com");
      const id = name === "create" ? undefined : await fixture("test", startState(name));
      await expect(change(test, id)).resolves.toMatchObject({ ok: true });
    });
  }

  it("rename, revoke, End now and limiting the allowed addresses in Live need no confirmation", async () => {
    await signInAs("developer@example.com");
    const id = await fixture("live");
    await expect(renameCredentialAction({ ...live, id, name: "Renamed" })).resolves.toMatchObject({ ok: true });
    await expect(setAllowedAddressesAction({ ...live, id, addresses: "10.0.0.0/8" })).resolves.toMatchObject({
      ok: true,
    });
    await expect(setAllowedAddressesAction({ ...live, id, addresses: "10.1.0.0/16" })).resolves.toMatchObject({
      ok: true,
    });
    await expect(revokeCredentialAction({ ...live, id })).resolves.toMatchObject({ ok: true });
    await expect(changeExpiryAction({ ...live, id, expiry: { choice: "now" } })).resolves.toMatchObject({ ok: true });
  });

  it("a confirmation holds for the session it was made in, not for the member's other sessions", async () => {
    await signInAs("admin@example.com");
    await expect(confirmPasswordAction({ password: DEMO_PASSWORD })).resolves.toMatchObject({ ok: true });
    await signInAs("admin@example.com");
    await expect(sensitive.create(live)).resolves.toMatchObject({ ok: false, code: "password_confirmation_required" });
  });

  it("a read-only member is refused for their role, never asked for a password", async () => {
    await signInAs("viewer@example.com");
    for (const change of Object.values(sensitive))
      await expect(change(live)).resolves.toMatchObject({ ok: false, code: "forbidden" });
  });
});

describe("Confirm your password", () => {
  it("refuses a wrong password with a field error and confirms nothing", async () => {
    const sid = await signInAs("owner@example.com");
    await expect(confirmPasswordAction({ password: "not-the-password" })).resolves.toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { password: ["Wrong password."] },
    });
    const [row] = await (await getDb()).select().from(sessions).where(eq(sessions.id, sid));
    expect(row.passwordConfirmedAt).toBeNull();
    await expect(sensitive.create(live)).resolves.toMatchObject({ ok: false, code: "password_confirmation_required" });
  });

  it("is throttled per session: after its own failure budget even the right password is refused", async () => {
    const sid = await signInAs("admin@example.com");
    for (let i = 0; i < SIGN_IN_FAILURES_PER_DEVICE; i++) {
      browser.address = `10.30.0.${i}`;
      await expect(confirmPasswordAction({ password: `guess-${i}` })).resolves.toMatchObject({
        ok: false,
        code: "invalid_input",
      });
    }
    browser.address = "10.30.1.1";
    await expect(confirmPasswordAction({ password: DEMO_PASSWORD })).resolves.toEqual({
      ok: false,
      code: "throttled",
      message: "Too many wrong passwords. Wait 15 minutes, then try again.",
      fieldErrors: undefined,
    });
    const [row] = await (await getDb()).select().from(sessions).where(eq(sessions.id, sid));
    expect(row.passwordConfirmedAt).toBeNull();
  });

  it("is refused for a signed-out caller, and for a session that has ended", async () => {
    browser.cookie = null;
    await expect(confirmPasswordAction({ password: DEMO_PASSWORD })).resolves.toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    const sid = await signInAs("owner@example.com");
    await (await getDb()).delete(sessions).where(eq(sessions.id, sid));
    await expect(confirmPasswordAction({ password: DEMO_PASSWORD })).resolves.toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
  });
});
