// Calls the page's server actions directly, as a browser or a script could post them: as each
// role, as a non-member, signed out, and with credential ids of another team or environment.
// Every refused call must return the right code and leave the database exactly as it was.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents } from "@/db/schema";
import { CREDENTIAL_GONE, createCredential, revokeCredential } from "@/lib/credentials";
import type { UserSummary } from "@/lib/auth/users";
import { TOKEN_PATTERN } from "@/lib/credentials/tokens";
import * as actions from "./actions";
import {
  changeExpiryAction,
  createCredentialAction,
  deleteCredentialAction,
  enableCredentialAction,
  listCredentialsAction,
  renameCredentialAction,
  revokeCredentialAction,
  rollCredentialAction,
  setAllowedAddressesAction,
} from "./actions";
import type { SignedInUser } from "@/lib/auth/sessions";
import { justConfirmedSession, seededTeams } from "@/lib/testing";

const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => session.user }));

const usersByEmail = new Map<string, UserSummary>();
/** Signed in, with the password just confirmed (sudo mode has its own tests: lib/auth/sudo.test.ts). */
function signInAs(email: string | null) {
  session.user = email ? { ...usersByEmail.get(email)!, emailVerified: true, session: justConfirmedSession() } : null;
}

const acmeTest = { team: "acme", environment: "test" } as const;
let fixtures: { active: string; revoked: string; acmeLive: string; globexTest: string };

async function snapshot() {
  const db = await getDb();
  return {
    credentials: await db.select().from(apiCredentials).orderBy(asc(apiCredentials.id)),
    events: await db.select().from(credentialEvents).orderBy(asc(credentialEvents.id)),
  };
}

beforeAll(async () => {
  const { users, owner, ownerLive, globexOwner } = await seededTeams();
  for (const u of Object.values(users)) usersByEmail.set(u.email, u);
  const active = await createCredential(owner, { name: "ERP production" });
  const revoked = await createCredential(owner, { name: "Old shop" });
  await revokeCredential(owner, { id: revoked.credential.id });
  const acmeLive = await createCredential(ownerLive, { name: "Live ERP" });
  const globexTest = await createCredential(globexOwner, { name: "Globex shop" });
  fixtures = {
    active: active.credential.id,
    revoked: revoked.credential.id,
    acmeLive: acmeLive.credential.id,
    globexTest: globexTest.credential.id,
  };
});

/** Each mutation, aimed at the credential it could change (enable needs a revoked one). */
const mutations = {
  create: (scope: object) => createCredentialAction({ ...scope, name: "Sneaky" }),
  rename: (scope: object, id = fixtures.active) => renameCredentialAction({ ...scope, id, name: "Sneaky" }),
  revoke: (scope: object, id = fixtures.active) => revokeCredentialAction({ ...scope, id }),
  enable: (scope: object, id = fixtures.revoked) => enableCredentialAction({ ...scope, id }),
  delete: (scope: object, id = fixtures.active) => deleteCredentialAction({ ...scope, id }),
  roll: (scope: object, id = fixtures.active) => rollCredentialAction({ ...scope, id, grace: "24h" }),
  "change expiry": (scope: object, id = fixtures.active) =>
    changeExpiryAction({ ...scope, id, expiry: { choice: "now" } }),
  "set allowed addresses": (scope: object, id = fixtures.active) =>
    setAllowedAddressesAction({ ...scope, id, addresses: "10.0.0.0/8" }),
};

async function expectRefusedWithoutChange(call: () => Promise<{ ok: boolean; code?: string }>, code: string) {
  const before = await snapshot();
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot()).toEqual(before);
}

describe("credential actions refuse callers who may not manage the team's credentials", () => {
  const refused: [who: string, email: string | null, team: string, code: string][] = [
    ["a read-only member", "viewer@example.com", "acme", "forbidden"],
    ["a member who is read-only in that team (developer in globex)", "developer@example.com", "globex", "forbidden"],
    ["a non-member", "globex@example.com", "acme", "not_found"],
    ["a signed-out caller", null, "acme", "unauthenticated"],
  ];
  for (const [who, email, team, code] of refused) {
    for (const [name, mutate] of Object.entries(mutations)) {
      it(`${name}: ${who} is refused (${code}) and nothing changes`, async () => {
        signInAs(email);
        const id = team === "globex" ? fixtures.globexTest : undefined;
        await expectRefusedWithoutChange(() => mutate({ team, environment: "test" }, id), code);
      });
    }
  }

  it("listing: a non-member gets not found and a signed-out caller is asked to sign in", async () => {
    signInAs("globex@example.com");
    expect(await listCredentialsAction({ ...acmeTest })).toMatchObject({ ok: false, code: "not_found" });
    signInAs(null);
    expect(await listCredentialsAction({ ...acmeTest })).toMatchObject({ ok: false, code: "unauthenticated" });
  });
});

describe("a credential of another team or environment is not found, and nothing changes", () => {
  const byId = Object.entries(mutations).filter(([name]) => name !== "create");
  for (const [name, mutate] of byId) {
    it(`${name}: another team's credential id`, async () => {
      signInAs("owner@example.com");
      await expectRefusedWithoutChange(() => mutate(acmeTest, fixtures.globexTest), "not_found");
    });
    it(`${name}: the same team's Live credential id, posted for Test`, async () => {
      signInAs("owner@example.com");
      await expectRefusedWithoutChange(() => mutate(acmeTest, fixtures.acmeLive), "not_found");
    });
    it(`${name}: a Test credential id, posted for Live`, async () => {
      signInAs("admin@example.com");
      const id = name === "enable" ? fixtures.revoked : fixtures.active;
      await expectRefusedWithoutChange(() => mutate({ team: "acme", environment: "live" }, id), "not_found");
    });
  }

  it("says in plain words that the credential is gone", async () => {
    signInAs("owner@example.com");
    expect(await deleteCredentialAction({ ...acmeTest, id: fixtures.globexTest })).toEqual({
      ok: false,
      code: "not_found",
      message: CREDENTIAL_GONE,
    });
  });
});

describe("owners, admins and developers manage credentials", () => {
  for (const email of ["owner@example.com", "admin@example.com", "developer@example.com"]) {
    it(`${email} creates, renames, revokes, enables and deletes, each with its audit event`, async () => {
      signInAs(email);
      const db = await getDb();
      const created = await createCredentialAction({ ...acmeTest, name: "  Shop backend  " });
      if (!created.ok) throw new Error(created.message);
      const { credential, token } = created.data;
      expect(token).toMatch(TOKEN_PATTERN);
      expect(token.startsWith("pk_test_")).toBe(true);
      expect(credential).toMatchObject({
        name: "Shop backend",
        status: "active",
        tokenDisplay: `${token.slice(0, 12)}…${token.slice(-4)}`,
      });
      expect(credential).not.toHaveProperty("tokenHash");

      expect(await renameCredentialAction({ ...acmeTest, id: credential.id, name: "Shop v2" })).toMatchObject({
        ok: true,
        data: { name: "Shop v2" },
      });
      expect(await revokeCredentialAction({ ...acmeTest, id: credential.id })).toMatchObject({
        ok: true,
        data: { status: "revoked" },
      });
      expect(await enableCredentialAction({ ...acmeTest, id: credential.id })).toMatchObject({
        ok: true,
        data: { status: "active", revokedAt: null },
      });
      expect(await deleteCredentialAction({ ...acmeTest, id: credential.id })).toMatchObject({
        ok: true,
        data: { id: credential.id },
      });

      expect(await db.select().from(apiCredentials).where(eq(apiCredentials.id, credential.id))).toEqual([]);
      const events = await db
        .select()
        .from(credentialEvents)
        .where(eq(credentialEvents.credentialId, credential.id))
        .orderBy(asc(credentialEvents.createdAt));
      expect(events.map((e) => e.action)).toEqual(["created", "renamed", "revoked", "enabled", "deleted"]);
      expect(new Set(events.map((e) => e.actorUserId))).toEqual(new Set([usersByEmail.get(email)!.id]));
      expect(events[1].details).toEqual({ from: "Shop backend", to: "Shop v2", tokenDisplay: credential.tokenDisplay });
      // Every event keeps the masked token, so the activity log can name a deleted credential.
      expect(events.map((e) => e.details.tokenDisplay)).toEqual(Array(5).fill(credential.tokenDisplay));
    });
  }

  it("a Live credential carries pk_live_ and is not listed in Test", async () => {
    signInAs("developer@example.com");
    const created = await createCredentialAction({ team: "acme", environment: "live", name: "Live shop" });
    if (!created.ok) throw new Error(created.message);
    expect(created.data.token.startsWith("pk_live_")).toBe(true);
    const test = await listCredentialsAction({ ...acmeTest });
    const live = await listCredentialsAction({ team: "acme", environment: "live" });
    if (!test.ok || !live.ok) throw new Error("listing failed");
    expect(test.data.credentials.map((c) => c.id)).not.toContain(created.data.credential.id);
    expect(live.data.credentials.map((c) => c.id)).toContain(created.data.credential.id);
  });

  it("a read-only member can list", async () => {
    signInAs("viewer@example.com");
    const result = await listCredentialsAction({ ...acmeTest });
    expect(result.ok && result.data.credentials.map((c) => c.name)).toContain("ERP production");
  });

  it("revoking twice records one event", async () => {
    signInAs("owner@example.com");
    const created = await createCredentialAction({ ...acmeTest, name: "Twice" });
    if (!created.ok) throw new Error(created.message);
    const id = created.data.credential.id;
    await Promise.all([revokeCredentialAction({ ...acmeTest, id }), revokeCredentialAction({ ...acmeTest, id })]);
    const db = await getDb();
    const events = await db.select().from(credentialEvents).where(eq(credentialEvents.credentialId, id));
    expect(events.filter((e) => e.action === "revoked")).toHaveLength(1);
  });
});

describe("credential names", () => {
  const invalid: [string, unknown][] = [
    ["empty", ""],
    ["only spaces", "   "],
    ["65 characters", "x".repeat(65)],
    ["a tab inside", "ERP\tproduction"],
    ["a line break inside", "ERP\nproduction"],
    ["not a string", 42],
    // Issue 26: names that show as nothing, and text that is not text.
    ["only a zero-width space", "\u200b"],
    ["only Hangul fillers", "\u3164\u3164"],
    ["only a soft hyphen", "\u00ad"],
    ["only direction marks", "\u200e\u200f"],
    ["a lone surrogate inside", "A\ud800Z"],
  ];
  for (const [what, name] of invalid) {
    it(`refuses a name that is ${what}, with a message for the Name field`, async () => {
      signInAs("owner@example.com");
      const before = await snapshot();
      const result = await createCredentialAction({ ...acmeTest, name });
      expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { name: [expect.any(String)] } });
      const renamed = await renameCredentialAction({ ...acmeTest, id: fixtures.active, name });
      expect(renamed).toMatchObject({ ok: false, code: "invalid_input" });
      expect(await snapshot()).toEqual(before);
    });
  }

  it("accepts 64 characters, counted as characters, and does not require unique names", async () => {
    signInAs("owner@example.com");
    const name = "🚚".repeat(64);
    const first = await createCredentialAction({ ...acmeTest, name });
    const second = await createCredentialAction({ ...acmeTest, name });
    expect(first).toMatchObject({ ok: true, data: { credential: { name } } });
    expect(second).toMatchObject({ ok: true, data: { credential: { name } } });
  });

  it("renaming to the name it already has writes nothing: no update, no activity entry", async () => {
    signInAs("owner@example.com");
    const created = await createCredentialAction({ ...acmeTest, name: "Same name" });
    if (!created.ok) throw new Error(created.message);
    const before = await snapshot();
    // Typed with spaces around it, as a person might: the name is trimmed first, so it is the same.
    expect(await renameCredentialAction({ ...acmeTest, id: created.data.credential.id, name: " Same name " })).toEqual({
      ok: true,
      data: created.data.credential,
    });
    expect(await snapshot()).toEqual(before);
    // A change of case is a real rename.
    expect(
      await renameCredentialAction({ ...acmeTest, id: created.data.credential.id, name: "Same Name" }),
    ).toMatchObject({ ok: true, data: { name: "Same Name" } });
    const db = await getDb();
    const events = await db
      .select()
      .from(credentialEvents)
      .where(eq(credentialEvents.credentialId, created.data.credential.id));
    expect(events.map((e) => [e.action, e.details.from, e.details.to])).toEqual([
      ["created", undefined, undefined],
      ["renamed", "Same name", "Same Name"],
    ]);
  });

  it("refuses an id that is not a credential id", async () => {
    signInAs("owner@example.com");
    await expectRefusedWithoutChange(
      () => revokeCredentialAction({ ...acmeTest, id: "1; drop table api_credentials" }),
      "invalid_input",
    );
  });
});

describe("another credential with the same name", () => {
  const inUse = (input: object) => actions.credentialNameInUseAction({ ...acmeTest, ...input });

  it("is found in this team and environment, ignoring case and the spaces around it, and said with its own spelling", async () => {
    signInAs("developer@example.com");
    expect(await inUse({ name: "  erp PRODUCTION " })).toEqual({ ok: true, data: "ERP production" });
    expect(await inUse({ name: "ERP" })).toEqual({ ok: true, data: null });
    // A name with LIKE wildcards is compared as it is.
    expect(await inUse({ name: "ERP%" })).toEqual({ ok: true, data: null });
  });

  it("is not the credential being renamed", async () => {
    signInAs("owner@example.com");
    expect(await inUse({ name: "ERP production", exceptId: fixtures.active })).toEqual({ ok: true, data: null });
    expect(await inUse({ name: "ERP production", exceptId: fixtures.revoked })).toEqual({
      ok: true,
      data: "ERP production",
    });
  });

  it("is never one of another environment or team", async () => {
    signInAs("owner@example.com");
    expect(await inUse({ name: "Live ERP" })).toEqual({ ok: true, data: null });
    expect(await inUse({ name: "Globex shop" })).toEqual({ ok: true, data: null });
    expect(await actions.credentialNameInUseAction({ team: "acme", environment: "live", name: "live erp" })).toEqual({
      ok: true,
      data: "Live ERP",
    });
  });

  it("is asked by members only, with a valid name", async () => {
    signInAs("viewer@example.com");
    expect(await inUse({ name: "ERP production" })).toEqual({ ok: true, data: "ERP production" });
    signInAs("globex@example.com");
    expect(await inUse({ name: "ERP production" })).toMatchObject({ ok: false, code: "not_found" });
    signInAs(null);
    expect(await inUse({ name: "ERP production" })).toMatchObject({ ok: false, code: "unauthenticated" });
    signInAs("owner@example.com");
    expect(await inUse({ name: "x".repeat(65) })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: [expect.any(String)] },
    });
    expect(await inUse({ name: "ERP production", exceptId: "not an id" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });
});

describe("a credential whose token was found in public", () => {
  it("is in the list's leak notices after any refetch, and Enable passes on acknowledgeLeak", async () => {
    signInAs("developer@example.com");
    const created = await createCredentialAction({ ...acmeTest, name: "Leaked via action" });
    if (!created.ok) throw new Error(created.message);
    const { id } = created.data.credential;
    const db = await getDb();
    const at = new Date();
    await db
      .update(apiCredentials)
      .set({
        status: "revoked",
        revokedReason: "leaked",
        leakedAt: at,
        leakUrl: "https://gist.github.com/x/1",
        leakSource: "gist",
      })
      .where(eq(apiCredentials.id, id));

    // What the list's React Query fetches (filters or not) carries the notices for the banner.
    for (const filters of [{}, { name: "nothing like it", status: "active" as const, page: 1 }]) {
      const listed = await listCredentialsAction({ ...acmeTest, ...filters });
      expect(listed.ok && listed.data.leaks).toContainEqual({
        id,
        name: "Leaked via action",
        url: "https://gist.github.com/x/1",
        at: at.toISOString(),
        revoked: true,
      });
    }

    await expectRefusedWithoutChange(() => enableCredentialAction({ ...acmeTest, id }), "conflict");
    expect(await enableCredentialAction({ ...acmeTest, id, acknowledgeLeak: "yes" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
    expect(await enableCredentialAction({ ...acmeTest, id, acknowledgeLeak: true })).toMatchObject({
      ok: true,
      data: { status: "active", leak: { source: "gist" } },
    });
  });
});

describe("actions.ts", () => {
  it("exports only actions that go through withTeamAction: each asks a signed-out caller to sign in", async () => {
    signInAs(null);
    const exported = Object.entries(actions);
    expect(exported.length).toBe(10);
    for (const [name, action] of exported) {
      expect(typeof action, name).toBe("function");
      expect(await (action as (input: unknown) => Promise<unknown>)(undefined), name).toMatchObject({
        ok: false,
        code: "unauthenticated",
      });
    }
  });
});

describe("roll, expiry and allowed addresses", () => {
  it("a developer rolls, changes the expiry and the allowed addresses, each with its audit event and no token in it", async () => {
    signInAs("developer@example.com");
    const created = await createCredentialAction({ ...acmeTest, name: "Lifecycle", expiry: { choice: "30d" } });
    if (!created.ok) throw new Error(created.message);
    const { id } = created.data.credential;
    expect(Date.parse(created.data.credential.expiresAt!) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    const rolled = await rollCredentialAction({ ...acmeTest, id, grace: "1h" });
    if (!rolled.ok) throw new Error(rolled.message);
    const { credential, previous, token } = rolled.data;
    expect(token).toMatch(TOKEN_PATTERN);
    expect(credential).toMatchObject({
      name: "Lifecycle",
      replaces: { id, name: "Lifecycle" },
      replacedBy: null,
      status: "active",
    });
    expect(previous).toMatchObject({
      id,
      replacedBy: { id: credential.id, name: "Lifecycle" },
      rolledAt: expect.any(String),
    });

    expect(await changeExpiryAction({ ...acmeTest, id: credential.id, expiry: { choice: "never" } })).toMatchObject({
      ok: true,
      data: { expiresAt: null },
    });
    expect(
      await setAllowedAddressesAction({ ...acmeTest, id: credential.id, addresses: "203.0.113.9\n\n2001:db8::/32\n" }),
    ).toMatchObject({
      ok: true,
      data: { allowedAddresses: ["203.0.113.9/32", "2001:db8::/32"] },
    });

    const db = await getDb();
    const events = await db
      .select()
      .from(credentialEvents)
      .where(eq(credentialEvents.actorUserId, usersByEmail.get("developer@example.com")!.id))
      .orderBy(asc(credentialEvents.createdAt));
    const mine = events.filter((e) => [id, credential.id].includes(e.credentialId));
    expect(mine.map((e) => [e.action, e.credentialId])).toEqual([
      ["created", id],
      ["rolled", id],
      ["expiry_changed", credential.id],
      ["allowed_addresses_changed", credential.id],
    ]);
    expect(mine[1].details).toEqual({
      tokenDisplay: previous.tokenDisplay,
      replacedBy: { id: credential.id, tokenDisplay: credential.tokenDisplay },
      grace: "1h",
      expiresAt: previous.expiresAt,
    });
    expect(mine[2].details).toMatchObject({ from: expect.any(String), to: null });
    expect(mine[3].details).toMatchObject({ from: [], to: ["203.0.113.9/32", "2001:db8::/32"] });
    expect(JSON.stringify(mine)).not.toContain(token.slice(8, -4));
    expect(JSON.stringify(mine)).not.toContain(created.data.token.slice(8, -4));
  });

  it("a bad line of addresses is a field error naming the line, and nothing changes", async () => {
    signInAs("owner@example.com");
    await expectRefusedWithoutChange(async () => {
      const result = await setAllowedAddressesAction({
        ...acmeTest,
        id: fixtures.active,
        addresses: "10.0.0.0/8\n\n10.0.0.300",
      });
      expect(result).toMatchObject({
        fieldErrors: { addresses: ["Line 3: “10.0.0.300” is not an IP address or CIDR range."] },
      });
      return result;
    }, "invalid_input");
    const many = Array.from({ length: 101 }, (_, i) => `10.1.${i}.0/24`).join("\n");
    expect(await setAllowedAddressesAction({ ...acmeTest, id: fixtures.active, addresses: many })).toMatchObject({
      ok: false,
      fieldErrors: { addresses: ["Enter at most 100 addresses."] },
    });
  });

  it("refuses End now when creating, and a past date with a field error on date", async () => {
    signInAs("owner@example.com");
    await expectRefusedWithoutChange(
      () => createCredentialAction({ ...acmeTest, name: "Now?", expiry: { choice: "now" } }),
      "invalid_input",
    );
    const result = await changeExpiryAction({
      ...acmeTest,
      id: fixtures.active,
      expiry: { choice: "date", date: "2020-01-01" },
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { date: ["Choose a date in the future."] },
    });
    expect(await rollCredentialAction({ ...acmeTest, id: fixtures.active, grace: "2h" })).toMatchObject({
      ok: false,
      code: "invalid_input",
    });
  });
});
