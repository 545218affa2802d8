// Every members action by each role of Acme, by a non-member and signed out: allowed ones change the
// database, refused ones answer forbidden / not_found / conflict and leave it exactly as it was.
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { invitations, memberEvents, memberships } from "@/db/schema";
import { demoUsers } from "@/db/seed";
import { accessFor, authorizedAccess, justConfirmedSession, seededTeams } from "@/lib/testing";
import type { Role } from "@/lib/platform/shared/terms";
import type { UserSummary } from "@/lib/auth/users";
import type { SignedInUser } from "@/lib/auth/sessions";
import {
  changeRoleAction,
  inviteMemberAction,
  leaveTeamAction,
  removeMemberAction,
  revokeInvitationAction,
} from "./actions";

const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => session.user }));

const scope = { team: "acme", environment: "test" as const };
const byEmail = new Map<string, UserSummary>();
let acmeId = "";

const owner = "owner@example.com";
const admin = "admin@example.com";
const developer = "developer@example.com";
const viewer = "viewer@example.com";
const outsider = "globex@example.com"; // a member of Globex only

/** Signed in with a session that has just confirmed the password: sudo mode is lib/auth/sudo-team.test.ts's. */
function signInAs(email: string | null) {
  session.user = email ? { ...byEmail.get(email)!, session: justConfirmedSession(), emailVerified: true } : null;
}
const idOf = (email: string) => byEmail.get(email)!.id;

/** Everything a members action may change. */
async function snapshot() {
  const db = await getDb();
  return {
    memberships: await db.select().from(memberships).orderBy(asc(memberships.teamId), asc(memberships.userId)),
    invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
    events: await db.select().from(memberEvents).orderBy(asc(memberEvents.id)),
  };
}

async function roleOf(email: string): Promise<Role | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.teamId, acmeId), eq(memberships.userId, idOf(email))));
  return row?.role;
}

async function eventsOf(action: string) {
  const db = await getDb();
  return (await db.select().from(memberEvents).where(eq(memberEvents.teamId, acmeId))).filter(
    (e) => e.action === action,
  );
}

/** Calls an action as someone and asserts it was refused with `code` and changed nothing. */
async function expectRefused(email: string | null, call: () => Promise<{ ok: boolean; code?: string }>, code: string) {
  const before = await snapshot();
  signInAs(email);
  const result = await call();
  expect(result).toMatchObject({ ok: false, code });
  expect(await snapshot()).toEqual(before);
  return result;
}

beforeAll(async () => {
  const seeded = await seededTeams();
  for (const u of Object.values(seeded.users)) byEmail.set(u.email, u);
  acmeId = seeded.teams.acme;
});

// Each test starts from the seeded Acme roles, with no invitations and no events.
beforeEach(async () => {
  const db = await getDb();
  await db.delete(memberEvents);
  await db.delete(invitations);
  await db.delete(memberships).where(eq(memberships.teamId, acmeId));
  await db
    .insert(memberships)
    .values(
      demoUsers
        .filter((u) => u.roles.acme)
        .map((u) => ({ teamId: acmeId, userId: idOf(u.email), role: u.roles.acme! })),
    );
  signInAs(null);
});

describe("invite a member", () => {
  const invite = (email: string, role: Role) => inviteMemberAction({ ...scope, email, role });

  it("Owner may invite with any role, Admin with any but Owner", async () => {
    signInAs(owner);
    const asOwner = await invite("New.Owner@Example.com ", "owner");
    expect(asOwner).toMatchObject({
      ok: true,
      data: { invitation: { email: "new.owner@example.com", role: "owner" } },
    });
    signInAs(admin);
    expect(await invite("dev@example.com", "developer")).toMatchObject({ ok: true });
    expect((await eventsOf("invited")).map((e) => [e.subjectEmail, e.details, e.actorUserId])).toEqual(
      expect.arrayContaining([
        ["new.owner@example.com", { role: "owner" }, idOf(owner)],
        ["dev@example.com", { role: "developer" }, idOf(admin)],
      ]),
    );
  });

  it("stores only the token's hash; the plain token is in no table", async () => {
    signInAs(owner);
    const result = await invite("hash@example.com", "developer");
    if (!result.ok) throw new Error(result.message);
    const { token } = result.data;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const [row] = await db.select().from(invitations).where(eq(invitations.email, "hash@example.com"));
    const { createHash } = await import("node:crypto");
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 3600 * 1000);
    expect(JSON.stringify(await snapshot())).not.toContain(token);
  });

  it("is refused to Admin for an Owner, to Developer and Read-only, to a non-member and when signed out", async () => {
    await expectRefused(admin, () => invite("x@example.com", "owner"), "forbidden");
    await expectRefused(developer, () => invite("x@example.com", "read_only"), "forbidden");
    await expectRefused(viewer, () => invite("x@example.com", "read_only"), "forbidden");
    await expectRefused(outsider, () => invite("x@example.com", "read_only"), "not_found");
    await expectRefused(null, () => invite("x@example.com", "read_only"), "unauthenticated");
  });

  it("refuses a bad email, an existing member and a second pending invitation, with field errors", async () => {
    const bad = await expectRefused(owner, () => invite("not-an-email", "developer"), "invalid_input");
    expect(bad).toMatchObject({ fieldErrors: { email: ["Enter a valid email address."] } });
    await expectRefused(owner, () => invite("VIEWER@example.com", "developer"), "conflict");
    signInAs(owner);
    await invite("twice@example.com", "developer");
    await expectRefused(owner, () => invite("twice@example.com", "admin"), "conflict");
  });
});

describe("revoke an invitation", () => {
  async function invited(role: Role) {
    signInAs(owner);
    const result = await inviteMemberAction({ ...scope, email: `${role}-${Math.random()}@example.com`, role });
    if (!result.ok) throw new Error(result.message);
    return result.data.invitation.id;
  }
  const revoke = (id: string) => revokeInvitationAction({ ...scope, id });

  it("Owner and Admin may revoke a pending invitation, once", async () => {
    const a = await invited("developer");
    const b = await invited("admin");
    signInAs(owner);
    expect(await revoke(a)).toMatchObject({ ok: true });
    signInAs(admin);
    expect(await revoke(b)).toMatchObject({ ok: true });
    expect(await eventsOf("invitation_revoked")).toHaveLength(2);
    await expectRefused(owner, () => revoke(a), "not_found");
  });

  it("is refused to Admin for an Owner invitation, to Developer, Read-only, a non-member and when signed out", async () => {
    const ownerInvite = await invited("owner");
    const devInvite = await invited("developer");
    await expectRefused(admin, () => revoke(ownerInvite), "forbidden");
    await expectRefused(developer, () => revoke(devInvite), "forbidden");
    await expectRefused(viewer, () => revoke(devInvite), "forbidden");
    await expectRefused(outsider, () => revoke(devInvite), "not_found");
    await expectRefused(null, () => revoke(devInvite), "unauthenticated");
  });

  it("cannot reach another team's invitation", async () => {
    const id = await invited("developer");
    await expectRefused(
      outsider,
      () => revokeInvitationAction({ team: "globex", environment: "test", id }),
      "not_found",
    );
  });
});

describe("change a member's role", () => {
  const change = (email: string, role: Role) => changeRoleAction({ ...scope, userId: idOf(email), role });

  it("Owner may change anyone's role; the member's very next request sees it", async () => {
    signInAs(owner);
    expect(await change(developer, "read_only")).toMatchObject({ ok: true, data: { role: "read_only" } });
    await expect(authorizedAccess({ userId: idOf(developer) }, "acme", "credentials:manage")).rejects.toMatchObject({
      code: "forbidden",
    });
    expect(await change(admin, "owner")).toMatchObject({ ok: true });
    expect(await roleOf(admin)).toBe("owner");
    const [event] = (await eventsOf("role_changed")).filter((e) => e.subjectUserId === idOf(developer));
    expect(event).toMatchObject({
      actorUserId: idOf(owner),
      subjectEmail: developer,
      subjectName: "Dana Developer",
      details: { from: "developer", to: "read_only" },
    });
  });

  it("Admin may change non-Owners, but cannot make, change or demote an Owner", async () => {
    signInAs(admin);
    expect(await change(viewer, "developer")).toMatchObject({ ok: true });
    expect(await roleOf(viewer)).toBe("developer");
    await expectRefused(admin, () => change(developer, "owner"), "forbidden");
    await expectRefused(admin, () => change(owner, "admin"), "forbidden");
    await expectRefused(admin, () => change(owner, "read_only"), "forbidden");
  });

  it("nobody raises their own role", async () => {
    const result = await expectRefused(admin, () => change(admin, "owner"), "forbidden");
    expect(result).toMatchObject({ message: "You cannot raise your own role." });
    await expectRefused(developer, () => change(developer, "admin"), "forbidden");
    await expectRefused(viewer, () => change(viewer, "developer"), "forbidden");
  });

  it("the last Owner cannot be demoted; with two, one may step down", async () => {
    const result = await expectRefused(owner, () => change(owner, "admin"), "conflict");
    expect(result).toMatchObject({ message: expect.stringContaining("at least one Owner") });
    signInAs(owner);
    await change(admin, "owner");
    expect(await change(owner, "admin")).toMatchObject({ ok: true });
    // Adam is the last Owner now; Olivia, an Admin, cannot take it back herself.
    await expectRefused(admin, () => change(admin, "developer"), "conflict");
    await expectRefused(owner, () => change(owner, "owner"), "forbidden");
  });

  it("two Owners demoting each other at once leave one Owner", async () => {
    signInAs(owner);
    await change(admin, "owner");
    const db = await getDb();
    const { changeRole } = await import("@/lib/members/members");
    // Both resolve their access (both Owners) before either change runs, as two requests at once would.
    const [ownerAccess, adminAccess] = await Promise.all([
      accessFor({ userId: idOf(owner) }, "acme"),
      accessFor({ userId: idOf(admin) }, "acme"),
    ]);
    const results = await Promise.allSettled([
      changeRole(ownerAccess, { userId: idOf(admin), role: "admin" }),
      changeRole(adminAccess, { userId: idOf(owner), role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const owners = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.teamId, acmeId), eq(memberships.role, "owner")));
    expect(owners).toHaveLength(1);
  });

  it("is refused to Developer, Read-only, a non-member and when signed out", async () => {
    await expectRefused(developer, () => change(viewer, "developer"), "forbidden");
    await expectRefused(viewer, () => change(developer, "read_only"), "forbidden");
    await expectRefused(outsider, () => change(developer, "read_only"), "not_found");
    await expectRefused(null, () => change(developer, "read_only"), "unauthenticated");
  });

  it("refuses someone who is not a member of the team, and an unknown role", async () => {
    await expectRefused(owner, () => change(outsider, "developer"), "not_found");
    await expectRefused(
      owner,
      () => changeRoleAction({ ...scope, userId: idOf(developer), role: "superuser" }),
      "invalid_input",
    );
  });
});

describe("remove a member", () => {
  const remove = (email: string) => removeMemberAction({ ...scope, userId: idOf(email) });

  it("Owner may remove anyone else, Admin anyone but an Owner; the removed member loses access at once", async () => {
    signInAs(admin);
    expect(await remove(viewer)).toMatchObject({ ok: true });
    await expect(authorizedAccess({ userId: idOf(viewer) }, "acme", "credentials:view")).rejects.toMatchObject({
      code: "not_found",
    });
    signInAs(owner);
    expect(await remove(admin)).toMatchObject({ ok: true });
    expect(await roleOf(admin)).toBeUndefined();
    expect((await eventsOf("removed")).map((e) => [e.subjectEmail, e.actorUserId, e.details])).toEqual(
      expect.arrayContaining([
        [viewer, idOf(admin), { role: "read_only" }],
        [admin, idOf(owner), { role: "admin" }],
      ]),
    );
  });

  it("is refused to Admin for an Owner, to Developer, Read-only, a non-member and when signed out", async () => {
    await expectRefused(admin, () => remove(owner), "forbidden");
    await expectRefused(developer, () => remove(viewer), "forbidden");
    await expectRefused(viewer, () => remove(developer), "forbidden");
    await expectRefused(outsider, () => remove(viewer), "not_found");
    await expectRefused(null, () => remove(viewer), "unauthenticated");
  });

  it("removing yourself is leaving, not removing", async () => {
    await expectRefused(owner, () => remove(owner), "invalid_input");
    await expectRefused(admin, () => remove(admin), "invalid_input");
  });
});

describe("leave a team", () => {
  const leave = () => leaveTeamAction(scope);

  it("any member may leave, whatever their role", async () => {
    for (const email of [viewer, developer, admin]) {
      signInAs(email);
      expect(await leave(), email).toMatchObject({ ok: true });
      expect(await roleOf(email)).toBeUndefined();
    }
    expect((await eventsOf("left")).map((e) => e.actorUserId).sort()).toEqual(
      [admin, developer, viewer].map(idOf).sort(),
    );
  });

  it("the last Owner cannot leave; with two, one may", async () => {
    const result = await expectRefused(owner, leave, "conflict");
    expect(result).toMatchObject({ message: "You are the only Owner. Make another member an Owner before leaving." });
    signInAs(owner);
    await changeRoleAction({ ...scope, userId: idOf(admin), role: "owner" });
    expect(await leave()).toMatchObject({ ok: true });
  });

  it("is refused to a non-member and when signed out", async () => {
    await expectRefused(outsider, leave, "not_found");
    await expectRefused(null, leave, "unauthenticated");
  });
});
