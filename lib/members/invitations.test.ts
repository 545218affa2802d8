// Accepting invitations: once, within 7 days, unless revoked; by the invited email only.
import { asc, eq } from "drizzle-orm";
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { invitations, memberEvents, memberships, users } from "@/db/schema";
import {
  acceptInvitation,
  acceptInvitationAsNewUser,
  findPendingInvitation,
  generateInvitationToken,
  INVITATION_INVALID,
  inviteMember,
  revokeInvitation,
} from "./invitations";
import { listTeamsOfUser } from "@/lib/teams/access";
import type { Role } from "@/lib/platform/shared/terms";
import { verifyPassword } from "@/lib/auth/users";
import { accessFor, seededTeams, type SeededTeams } from "@/lib/testing";

let seeded: SeededTeams;
let ownerId = "";

async function invite(email: string, role: Role = "developer") {
  return inviteMember(await accessFor({ userId: ownerId }, "acme"), { email, role });
}

async function snapshot() {
  const db = await getDb();
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.teamId), asc(memberships.userId)),
    invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
    events: await db.select().from(memberEvents).orderBy(asc(memberEvents.id)),
  };
}

async function expectInvalid(accept: () => Promise<unknown>) {
  const before = await snapshot();
  await expect(accept()).rejects.toMatchObject({ code: "not_found", message: INVITATION_INVALID });
  expect(await snapshot()).toEqual(before);
}

const newcomer = { name: "Nora Newcomer", password: "a-long-enough-password" };

beforeAll(async () => {
  seeded = await seededTeams();
  ownerId = seeded.users.owner.id;
});

describe("accepting an invitation", () => {
  it("as a new person creates the account, with no team of its own, and the membership with the invited role", async () => {
    const { token } = await invite("nora@example.com", "developer");
    expect(await findPendingInvitation(token)).toMatchObject({
      email: "nora@example.com",
      role: "developer",
      team: { slug: "acme" },
      accountExists: false,
    });

    const { team, email } = await acceptInvitationAsNewUser(token, newcomer);
    expect([team.slug, email]).toEqual(["acme", "nora@example.com"]);
    const user = await verifyPassword("nora@example.com", newcomer.password);
    expect(user).toMatchObject({ name: "Nora Newcomer" });
    expect((await listTeamsOfUser(user!.id)).map((m) => [m.team.slug, m.role])).toEqual([["acme", "developer"]]);

    const db = await getDb();
    const [row] = await db.select().from(invitations).where(eq(invitations.email, "nora@example.com"));
    expect(row.acceptedAt).toBeInstanceOf(Date);
    const [joined] = await db.select().from(memberEvents).where(eq(memberEvents.action, "joined"));
    expect(joined).toMatchObject({
      actorUserId: user!.id,
      subjectUserId: user!.id,
      subjectEmail: "nora@example.com",
      details: { role: "developer" },
    });
  });

  it("as the signed-in user with the invited email adds the membership", async () => {
    const globex = seeded.users.globex;
    const { token } = await invite("globex@example.com", "read_only");
    expect(await findPendingInvitation(token)).toMatchObject({ accountExists: true });
    expect(await acceptInvitation({ userId: globex.id }, token)).toMatchObject({ slug: "acme" });
    expect((await listTeamsOfUser(globex.id)).map((m) => [m.team.slug, m.role])).toContainEqual(["acme", "read_only"]);
  });

  it("is refused to a signed-in user with another email", async () => {
    const { token } = await invite("someone-else@example.com");
    const before = await snapshot();
    await expect(acceptInvitation({ userId: ownerId }, token)).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshot()).toEqual(before);
    expect(await findPendingInvitation(token)).not.toBeNull();
  });

  it("works once: a reused link is refused", async () => {
    const { token } = await invite("once@example.com");
    await acceptInvitationAsNewUser(token, newcomer);
    expect(await findPendingInvitation(token)).toBeNull();
    await expectInvalid(() => acceptInvitationAsNewUser(token, newcomer));
    const db = await getDb();
    const [once] = await db.select().from(users).where(eq(users.email, "once@example.com"));
    await expectInvalid(() => acceptInvitation({ userId: once.id }, token));
  });

  it("is refused after 7 days", async () => {
    const { token, invitation } = await invite("late@example.com");
    const db = await getDb();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invitation.id));
    expect(await findPendingInvitation(token)).toBeNull();
    await expectInvalid(() => acceptInvitationAsNewUser(token, newcomer));
  });

  it("is refused once revoked", async () => {
    const { token, invitation } = await invite("revoked@example.com");
    await revokeInvitation(await accessFor({ userId: ownerId }, "acme"), { id: invitation.id });
    expect(await findPendingInvitation(token)).toBeNull();
    await expectInvalid(() => acceptInvitationAsNewUser(token, newcomer));
  });

  it("is refused for an unknown token, before any password is hashed", async () => {
    expect(await findPendingInvitation(generateInvitationToken())).toBeNull();
    const hash = vi.spyOn(bcrypt, "hash");
    try {
      await expectInvalid(() => acceptInvitationAsNewUser(generateInvitationToken(), newcomer));
      expect(hash).not.toHaveBeenCalled(); // an unknown link costs a lookup, not ~100 ms of bcrypt
    } finally {
      hash.mockRestore();
    }
  });

  it("as a new person is refused when that email already has an account, and the link stays usable", async () => {
    const { token } = await invite("viewer-2@example.com");
    const db = await getDb();
    await db.insert(users).values({ email: "viewer-2@example.com", name: "V2", passwordHash: "x" });
    await expect(acceptInvitationAsNewUser(token, newcomer)).rejects.toMatchObject({ code: "conflict" });
    expect(await findPendingInvitation(token)).not.toBeNull();
  });
});

describe("at the same moment", () => {
  it("two invitations of one email, by the Owner and an Admin, make one pending invitation; the other is refused", async () => {
    const db = await getDb();
    const admin = seeded.users.admin;
    const results = await Promise.allSettled([
      inviteMember(await accessFor({ userId: ownerId }, "acme"), { email: "racing@example.com", role: "developer" }),
      inviteMember(await accessFor({ userId: admin.id }, "acme"), { email: "racing@example.com", role: "read_only" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "conflict" } });
    expect(await db.select().from(invitations).where(eq(invitations.email, "racing@example.com"))).toHaveLength(1);
  });

  it("one link accepted twice at once makes one account and one membership", async () => {
    const { token } = await invite("twice@example.com");
    const results = await Promise.allSettled([
      acceptInvitationAsNewUser(token, newcomer),
      acceptInvitationAsNewUser(token, newcomer),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const db = await getDb();
    const accounts = await db.select().from(users).where(eq(users.email, "twice@example.com"));
    expect(accounts).toHaveLength(1);
    expect(await db.select().from(memberships).where(eq(memberships.userId, accounts[0].id))).toHaveLength(1);
  });
});
