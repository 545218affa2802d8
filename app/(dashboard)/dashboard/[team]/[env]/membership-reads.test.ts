// Each action resolves the caller's membership once (lib/dashboard/action-guard.ts) and hands it down: a credential
// action reads the memberships table exactly once; a members change reads it once more, under a row
// lock inside its transaction, because that second read guards against a concurrent change.
// Every query is counted through drizzle's logger, transactions included.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createCredential } from "@/lib/credentials";
import { justConfirmedSession, seededTeams } from "@/lib/testing";
import type { SignedInUser } from "@/lib/auth/sessions";
import * as credentialActions from "./developers/api-credentials/actions";
import * as memberActions from "./settings/members/actions";
import * as securityActions from "./settings/security/actions";

const recorded = vi.hoisted(() => ({ queries: [] as string[] }));
const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/db", async (importOriginal) => {
  const db = await importOriginal<typeof import("@/db")>();
  let logged: import("@/db").Db | undefined;
  return {
    ...db,
    getDb: async () =>
      (logged ??= db.drizzleFor(await db.getDatabaseClient(), { logQuery: (query) => recorded.queries.push(query) })),
  };
});

const scope = { team: "acme", environment: "test" } as const;
let ids: { credential: string; viewer: string; invitee: string };

async function membershipReads(call: () => Promise<{ ok: boolean }>) {
  recorded.queries.length = 0;
  const result = await call();
  expect(result).toMatchObject({ ok: true });
  // A read of someone's membership by user id: the caller's (and, under lock, the members concerned).
  return recorded.queries.filter((q) => /^select\b/i.test(q) && /"memberships"\."user_id" (=|in) /i.test(q)).length;
}

beforeAll(async () => {
  const { users, owner } = await seededTeams();
  // A session that has just confirmed the password: sudo mode is not what is counted here.
  session.user = { ...users.owner, session: justConfirmedSession(), emailVerified: true };
  const { credential } = await createCredential(owner, { name: "Counted" });
  ids = { credential: credential.id, viewer: users.viewer.id, invitee: users.developer.id };
});

describe("an action reads the caller's membership once", () => {
  const credentialCalls: [string, () => Promise<{ ok: boolean }>][] = [
    ["list", () => credentialActions.listCredentialsAction({ ...scope, name: "", status: "all", page: 1 })],
    ["name in use", () => credentialActions.credentialNameInUseAction({ ...scope, name: "Counted" })],
    ["create", () => credentialActions.createCredentialAction({ ...scope, name: "Another" })],
    ["rename", () => credentialActions.renameCredentialAction({ ...scope, id: ids.credential, name: "Renamed" })],
    ["revoke", () => credentialActions.revokeCredentialAction({ ...scope, id: ids.credential })],
    ["enable", () => credentialActions.enableCredentialAction({ ...scope, id: ids.credential })],
    ["delete", () => credentialActions.deleteCredentialAction({ ...scope, id: ids.credential })],
  ];
  for (const [name, call] of credentialCalls) {
    it(`credential ${name}: 1 membership query`, async () => {
      expect(await membershipReads(call)).toBe(1);
    });
  }

  it("the team's leak setting: 1 membership query", async () => {
    expect(
      await membershipReads(() => securityActions.setLeakResponseAction({ ...scope, leakResponse: "revoke" })),
    ).toBe(1);
  });

  it("a members change: 2 (the wrapper's, and the re-read under lock that guards a race)", async () => {
    expect(
      await membershipReads(() => memberActions.changeRoleAction({ ...scope, userId: ids.viewer, role: "developer" })),
    ).toBe(2);
    expect(
      await membershipReads(() =>
        memberActions.inviteMemberAction({ ...scope, email: "new-member@example.com", role: "developer" }),
      ),
    ).toBe(2);
  });
});
