// Held-out replays of issue 26's finding: with an Owner's session that has not confirmed the password
// (a stolen cookie), inviting or promoting someone who would reach Live access, removing a member,
// changing the leak response, and widening or clearing a Live allowlist are refused and change nothing;
// a confirmation over 15 minutes old is no better; a fresh one lets the same call through. Real server
// actions, real session rows and the real per-request user read (Auth.js's auth() stands in for a cookie).
// The credential rows (create, enable, delete, roll, a new expiry) are replayed in ./sudo.test.ts.
import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents, invitations, memberEvents, memberships, teams, users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { createCredential, setAllowedAddresses } from "@/lib/credentials";
import { confirmedMinutesAgo, seededTeams, type SeededTeams } from "@/lib/testing";
import type { ActionResult, Role } from "@/lib/platform/shared";
import { confirmPasswordAction } from "@/app/(dashboard)/dashboard/actions";
import { setAllowedAddressesAction } from "@/app/(dashboard)/dashboard/[team]/[env]/developers/api-credentials/actions";
import {
  changeRoleAction,
  inviteMemberAction,
  removeMemberAction,
} from "@/app/(dashboard)/dashboard/[team]/[env]/settings/members/actions";
import { setLeakResponseAction } from "@/app/(dashboard)/dashboard/[team]/[env]/settings/security/actions";
import { startSession } from "./sessions";

const browser = vi.hoisted(() => ({
  cookie: null as { user: { id: string }; sessionId: string } | null,
  address: "10.40.0.1",
}));
vi.mock("@/lib/dashboard/auth-js", () => ({ auth: async () => browser.cookie }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": browser.address }) }));

// Members and the leak response are team-wide: asked in Test as in Live.
const acmeTest = { team: "acme", environment: "test" } as const;
const acmeLive = { team: "acme", environment: "live" } as const;
const ids = new Map<string, string>();
let seeded: SeededTeams;

beforeAll(async () => {
  seeded = await seededTeams();
  for (const u of Object.values(seeded.users)) ids.set(u.email, u.id);
});

beforeEach(() => {
  browser.address = `10.40.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
});

/** Signs in afresh (a new session row, never confirmed) and makes it the cookie the next calls carry. */
async function signInAs(email: string): Promise<string> {
  const userId = ids.get(email)!;
  const sessionId = await startSession(userId);
  browser.cookie = { user: { id: userId }, sessionId };
  return sessionId;
}

/** Everything these changes could touch. */
async function snapshot() {
  const db = await getDb();
  return {
    memberships: await db.select().from(memberships).orderBy(asc(memberships.teamId), asc(memberships.userId)),
    invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
    memberEvents: await db.select().from(memberEvents).orderBy(asc(memberEvents.id)),
    teams: await db.select().from(teams).orderBy(asc(teams.id)),
    credentials: await db.select().from(apiCredentials).orderBy(asc(apiCredentials.id)),
    credentialEvents: await db.select().from(credentialEvents).orderBy(asc(credentialEvents.id)),
  };
}

const uniqueEmail = (what: string) => `${what}-${randomUUID().slice(0, 8)}@example.com`;

/** A member of Acme with this role, made directly in the database; returns their user id. */
async function memberWithRole(role: Role): Promise<string> {
  const db = await getDb();
  const [user] = await db
    .insert(users)
    .values({ email: uniqueEmail("member"), name: `Sudo ${role}`, passwordHash: "not-a-hash" })
    .returning({ id: users.id });
  await db.insert(memberships).values({ teamId: seeded.teams.acme, userId: user.id, role });
  return user.id;
}

async function roleInAcme(userId: string): Promise<Role | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, seeded.teams.acme), eq(memberships.userId, userId)));
  return row?.role;
}

async function invitationsTo(email: string) {
  return (await getDb()).select().from(invitations).where(eq(invitations.email, email));
}

async function storedLeakResponse() {
  const db = await getDb();
  const [team] = await db.select({ leakResponse: teams.leakResponse }).from(teams).where(eq(teams.slug, "acme"));
  return team.leakResponse;
}

async function setStoredLeakResponse(leakResponse: "revoke" | "notify") {
  await (await getDb()).update(teams).set({ leakResponse }).where(eq(teams.slug, "acme"));
}

/** A Live credential of Acme limited to `cidrs` (set up through lib, by a confirmed Owner). */
async function liveCredentialAllowing(cidrs: string[]): Promise<string> {
  const owner = await seeded.accessOf("owner", "acme", "live");
  const { credential } = await createCredential(owner, { name: `Fenced ${randomUUID().slice(0, 6)}` });
  if (cidrs.length) await setAllowedAddresses(owner, { id: credential.id, cidrs });
  return credential.id;
}

async function allowedAddressesOf(id: string) {
  const [row] = await (
    await getDb()
  )
    .select({ cidrs: apiCredentials.allowedCidrs })
    .from(apiCredentials)
    .where(eq(apiCredentials.id, id));
  return row.cidrs;
}

/**
 * One replayed change: `prepare` makes what it acts on and returns the call (made with the cookie
 * current when it runs) and `done`, whether the change is visible in the database.
 */
type Replay = {
  prepare: () => Promise<{ call: () => Promise<ActionResult<unknown>>; done: () => Promise<boolean> }>;
};

function inviting(role: Role): Replay {
  return {
    prepare: async () => {
      const email = uniqueEmail(`invited-${role}`);
      return {
        call: () => inviteMemberAction({ ...acmeTest, email, role }),
        done: async () => (await invitationsTo(email)).length === 1,
      };
    },
  };
}

function changingRole(from: Role, to: Role): Replay {
  return {
    prepare: async () => {
      const userId = await memberWithRole(from);
      return {
        call: () => changeRoleAction({ ...acmeTest, userId, role: to }),
        done: async () => (await roleInAcme(userId)) === to,
      };
    },
  };
}

function removing(role: Role): Replay {
  return {
    prepare: async () => {
      const userId = await memberWithRole(role);
      return {
        call: () => removeMemberAction({ ...acmeTest, userId }),
        done: async () => (await roleInAcme(userId)) === undefined,
      };
    },
  };
}

function settingLeakResponse(from: "revoke" | "notify", to: "revoke" | "notify"): Replay {
  return {
    prepare: async () => {
      await setStoredLeakResponse(from);
      return {
        call: () => setLeakResponseAction({ ...acmeTest, leakResponse: to }),
        done: async () => (await storedLeakResponse()) === to,
      };
    },
  };
}

function settingAllowedAddresses(before: string[], addresses: string, after: string[]): Replay {
  return {
    prepare: async () => {
      const id = await liveCredentialAllowing(before);
      return {
        call: () => setAllowedAddressesAction({ ...acmeLive, id, addresses }),
        done: async () => JSON.stringify(await allowedAddressesOf(id)) === JSON.stringify(after),
      };
    },
  };
}

const asked: Record<string, Replay> = {
  "inviting someone as Owner (the finding's first path)": inviting("owner"),
  "inviting someone as Admin": inviting("admin"),
  "inviting someone as Developer (who may create Live credentials)": inviting("developer"),
  "promoting a Read-only member to Admin": changingRole("read_only", "admin"),
  "promoting a Read-only member to Developer": changingRole("read_only", "developer"),
  "promoting an Admin to Owner": changingRole("admin", "owner"),
  "demoting an Admin to Read-only": changingRole("admin", "read_only"),
  "removing a Developer": removing("developer"),
  "removing an Owner": removing("owner"),
  "setting the leak response to “Only notify” (the finding's third path)": settingLeakResponse("revoke", "notify"),
  "setting the leak response back to “Revoke it and notify”": settingLeakResponse("notify", "revoke"),
  "clearing a Live credential's allowed addresses (the finding's second path)": settingAllowedAddresses(
    ["10.0.0.1/32"],
    "",
    [],
  ),
  "widening a Live credential's allowed addresses": settingAllowedAddresses(["10.0.0.1/32"], "10.0.0.0/24", [
    "10.0.0.0/24",
  ]),
  "adding an address to a Live credential's list": settingAllowedAddresses(["10.0.0.0/9"], "10.0.0.0/9\n10.128.0.1", [
    "10.0.0.0/9",
    "10.128.0.1/32",
  ]),
};

describe("an Owner's session without a recent password confirmation (a stolen cookie)", () => {
  for (const [name, replay] of Object.entries(asked)) {
    it(`${name}: refused ("confirm your password") when never confirmed, and nothing changes`, async () => {
      await signInAs("owner@example.com");
      const { call, done } = await replay.prepare();
      const before = await snapshot();
      await expect(call()).resolves.toEqual({
        ok: false,
        code: "password_confirmation_required",
        message: "Confirm your password to continue.",
      });
      expect(await done()).toBe(false);
      expect(await snapshot()).toEqual(before);
    });

    it(`${name}: refused when confirmed 16 minutes ago, and nothing changes`, async () => {
      const sid = await signInAs("owner@example.com");
      await confirmedMinutesAgo(sid, 16);
      const { call, done } = await replay.prepare();
      const before = await snapshot();
      await expect(call()).resolves.toMatchObject({ ok: false, code: "password_confirmation_required" });
      expect(await done()).toBe(false);
      expect(await snapshot()).toEqual(before);
    });

    it(`${name}: done right after "Confirm your password", the same call`, async () => {
      await signInAs("owner@example.com");
      const { call, done } = await replay.prepare();
      await expect(call()).resolves.toMatchObject({ ok: false, code: "password_confirmation_required" });
      await expect(confirmPasswordAction({ password: DEMO_PASSWORD })).resolves.toEqual({ ok: true, data: undefined });
      await expect(call()).resolves.toMatchObject({ ok: true });
      expect(await done()).toBe(true);
    });
  }
});

describe("changes that cannot grant, widen or keep Live access are not asked", () => {
  const notAsked: Record<string, Replay> = {
    "inviting someone as Read-only": inviting("read_only"),
    "demoting a Developer to Read-only": changingRole("developer", "read_only"),
    "saving the leak response it already has": settingLeakResponse("revoke", "revoke"),
    "narrowing a Live credential's allowed addresses": settingAllowedAddresses(
      ["10.0.0.0/8", "2001:db8::/32"],
      "10.1.2.3\n2001:db8:1::/48",
      ["10.1.2.3/32", "2001:db8:1::/48"],
    ),
    "limiting a Live credential that had no limit": settingAllowedAddresses([], "10.0.0.0/8", ["10.0.0.0/8"]),
    "a narrowing made of two halves of the old range": settingAllowedAddresses(
      ["10.0.0.0/8"],
      "10.0.0.0/9\n10.128.0.0/9",
      ["10.0.0.0/9", "10.128.0.0/9"],
    ),
  };
  for (const [name, replay] of Object.entries(notAsked)) {
    it(name, async () => {
      await signInAs("owner@example.com");
      const { call, done } = await replay.prepare();
      await expect(call()).resolves.toMatchObject({ ok: true });
      expect(await done()).toBe(true);
    });
  }
});

describe("the permission comes first: a member who may not make the change is refused for that, never asked", () => {
  const refused: [who: string, replay: Replay, message?: string][] = [
    ["developer@example.com", inviting("owner")],
    ["developer@example.com", removing("read_only")],
    ["viewer@example.com", settingLeakResponse("revoke", "notify")],
    ["developer@example.com", settingLeakResponse("revoke", "notify")],
    ["viewer@example.com", settingAllowedAddresses(["10.0.0.1/32"], "", [])],
    // An Admin may manage members, but not make an Owner: the Owner rule answers, not a password prompt.
    ["admin@example.com", inviting("owner"), "Only an Owner can make, change or remove an Owner."],
    ["admin@example.com", changingRole("admin", "owner"), "Only an Owner can make, change or remove an Owner."],
  ];
  for (const [who, replay, message] of refused) {
    it(`${who}: ${message ?? "forbidden"}`, async () => {
      await signInAs(who);
      const { call, done } = await replay.prepare();
      const before = await snapshot();
      const result = await call();
      expect(result).toMatchObject({ ok: false, code: "forbidden", ...(message ? { message } : {}) });
      expect(await done()).toBe(false);
      expect(await snapshot()).toEqual(before);
    });
  }
});
