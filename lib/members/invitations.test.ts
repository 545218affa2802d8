// Accepting invitations: once, within 7 days, unless revoked; by the invited email only, verified. (A new
// person's way in, through a mailed link, is lib/accounts/sign-up.test.ts.)
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { invitations, memberEvents, memberships, users } from "@/db/schema";
import {
  acceptInvitation,
  EMAIL_NOT_VERIFIED,
  findPendingInvitation,
  generateInvitationToken,
  INVITATION_INVALID,
  inviteMember,
  revokeInvitation,
} from "./invitations";
import { listTeamsOfUser } from "@/lib/teams/access";
import { createAccount } from "@/lib/teams";
import type { Role } from "@/lib/platform/shared/terms";
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

/** An account with `email`, its address verified (as sign-up's link leaves it) unless said otherwise. */
async function accountOf(email: string, { verified = true } = {}) {
  const { user } = await createAccount({ name: "Nora Newcomer", email, password: "a-long-enough-password" });
  if (verified) await (await getDb()).update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id));
  return user;
}

beforeAll(async () => {
  seeded = await seededTeams();
  ownerId = seeded.users.owner.id;
});

describe("accepting an invitation", () => {
  it("as the signed-in user with the invited email adds the membership", async () => {
    const globex = seeded.users.globex;
    const { token } = await invite("globex@example.com", "read_only");
    expect(await findPendingInvitation(token)).toMatchObject({ accountExists: true });
    expect(await acceptInvitation({ userId: globex.id }, token)).toMatchObject({ slug: "acme" });
    expect((await listTeamsOfUser(globex.id)).map((m) => [m.team.slug, m.role])).toContainEqual(["acme", "read_only"]);
  });

  it("as the signed-in user with the invited email adds the membership and a joined event", async () => {
    const nora = await accountOf("nora@example.com");
    const { token } = await invite("nora@example.com", "developer");
    expect(await findPendingInvitation(token)).toMatchObject({
      email: "nora@example.com",
      role: "developer",
      team: { slug: "acme" },
      accountExists: true,
    });
    await acceptInvitation({ userId: nora.id }, token);
    expect((await listTeamsOfUser(nora.id)).map((m) => [m.team.slug, m.role])).toContainEqual(["acme", "developer"]);
    const db = await getDb();
    const [row] = await db.select().from(invitations).where(eq(invitations.email, "nora@example.com"));
    expect(row.acceptedAt).toBeInstanceOf(Date);
    const [joined] = await db
      .select()
      .from(memberEvents)
      .where(and(eq(memberEvents.action, "joined"), eq(memberEvents.subjectEmail, "nora@example.com")));
    expect(joined).toMatchObject({
      actorUserId: nora.id,
      subjectUserId: nora.id,
      subjectEmail: "nora@example.com",
      details: { role: "developer" },
    });
  });

  it("is refused to the invited email's account while its address is not verified, and changes nothing", async () => {
    const squat = await accountOf("squatted@example.com", { verified: false });
    const { token } = await invite("squatted@example.com", "admin");
    const before = await snapshot();
    await expect(acceptInvitation({ userId: squat.id }, token)).rejects.toMatchObject({
      code: "forbidden",
      message: EMAIL_NOT_VERIFIED,
    });
    expect(await snapshot()).toEqual(before);
    expect(await findPendingInvitation(token)).not.toBeNull();
  });

  it("is refused to a signed-in user with another email", async () => {
    const { token } = await invite("someone-else@example.com");
    const before = await snapshot();
    await expect(acceptInvitation({ userId: ownerId }, token)).rejects.toMatchObject({ code: "forbidden" });
    expect(await snapshot()).toEqual(before);
    expect(await findPendingInvitation(token)).not.toBeNull();
  });

  it("works once: a reused link is refused", async () => {
    const once = await accountOf("once@example.com");
    const { token } = await invite("once@example.com");
    await acceptInvitation({ userId: once.id }, token);
    expect(await findPendingInvitation(token)).toBeNull();
    await expectInvalid(() => acceptInvitation({ userId: once.id }, token));
  });

  it("is refused after 7 days", async () => {
    const late = await accountOf("late@example.com");
    const { token, invitation } = await invite("late@example.com");
    const db = await getDb();
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(invitations.id, invitation.id));
    expect(await findPendingInvitation(token)).toBeNull();
    await expectInvalid(() => acceptInvitation({ userId: late.id }, token));
  });

  it("is refused once revoked", async () => {
    const revoked = await accountOf("revoked@example.com");
    const { token, invitation } = await invite("revoked@example.com");
    await revokeInvitation(await accessFor({ userId: ownerId }, "acme"), { id: invitation.id });
    expect(await findPendingInvitation(token)).toBeNull();
    await expectInvalid(() => acceptInvitation({ userId: revoked.id }, token));
  });

  it("is refused for an unknown token", async () => {
    expect(await findPendingInvitation(generateInvitationToken())).toBeNull();
    await expectInvalid(() => acceptInvitation({ userId: ownerId }, generateInvitationToken()));
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

  it("one link accepted twice at once makes one membership", async () => {
    const twice = await accountOf("twice@example.com");
    const { token } = await invite("twice@example.com");
    const results = await Promise.allSettled([
      acceptInvitation({ userId: twice.id }, token),
      acceptInvitation({ userId: twice.id }, token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const db = await getDb();
    expect(await db.select().from(memberships).where(eq(memberships.userId, twice.id))).toHaveLength(2); // its own team and acme
  });
});
