// A team's members: who is in it, and each change to a membership (a new role, a removal, leaving).
// Each function takes the caller's resolved TeamAccess and checks its permission against it; each
// change runs under ./member-changes.ts (memberships locked, Owner rules, its member event written in
// the same transaction); a new role or a removal then needs the session's recent password confirmation
// where lib/auth/sudo.ts's table says, decided on the roles read under the lock. Invitations: ./invitations.ts.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, users } from "@/db/schema";
import { notFound } from "@/lib/platform";
import { leaveRefusal, removalRefusal, roleChangeRefusal } from "@/lib/teams/shared";
import { requirePermission, type TeamAccess } from "@/lib/teams";
import { requirePasswordConfirmationFor } from "@/lib/auth";
import type { Role } from "@/lib/platform/shared";
import type { MemberDto } from "./shared/dto";
import { enforce, recordMemberEvent, withLockedMembers } from "./member-changes";

export async function listMembers(access: TeamAccess): Promise<MemberDto[]> {
  requirePermission(access, "members:view");
  const { team } = access;
  const db = await getDb();
  // The role enum is declared owner → read-only, so this lists Owners first.
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, team.id))
    .orderBy(asc(memberships.role), asc(users.name), asc(users.email));
  return rows.map((r) => ({ ...r, since: r.since.toISOString() }));
}

const memberOf = (teamId: string, userId: string) =>
  and(eq(memberships.teamId, teamId), eq(memberships.userId, userId));

export async function changeRole(
  access: TeamAccess,
  input: { userId: string; role: Role },
): Promise<{ userId: string; role: Role }> {
  return withLockedMembers(access, "members:manage", [input.userId], async (tx, { team, me, owners, member }) => {
    const target = member(input.userId);
    if (!target) throw notFound("This person is no longer a member of the team.");
    enforce(roleChangeRefusal(me, target, input.role, owners));
    requirePasswordConfirmationFor(access.session, { row: "member.role", from: target.role, to: input.role });
    if (target.role === input.role) return { userId: target.userId, role: target.role };
    await tx.update(memberships).set({ role: input.role }).where(memberOf(team.id, target.userId));
    await recordMemberEvent(tx, {
      teamId: team.id,
      actorUserId: me.userId,
      action: "role_changed",
      subject: target,
      details: { from: target.role, to: input.role },
    });
    return { userId: target.userId, role: input.role };
  });
}

export async function removeMember(access: TeamAccess, input: { userId: string }): Promise<{ userId: string }> {
  return withLockedMembers(access, "members:manage", [input.userId], async (tx, { team, me, owners, member }) => {
    const target = member(input.userId);
    if (!target) throw notFound("This person is no longer a member of the team.");
    enforce(removalRefusal(me, target, owners));
    requirePasswordConfirmationFor(access.session, { row: "member.remove", role: target.role });
    await tx.delete(memberships).where(memberOf(team.id, target.userId));
    await recordMemberEvent(tx, {
      teamId: team.id,
      actorUserId: me.userId,
      action: "removed",
      subject: target,
      details: { role: target.role },
    });
    return { userId: target.userId };
  });
}

/** Any member may leave, except the last Owner. */
export async function leaveTeam(access: TeamAccess): Promise<{ userId: string }> {
  return withLockedMembers(access, "members:view", [], async (tx, { team, me, owners }) => {
    enforce(leaveRefusal(me.role, owners));
    await tx.delete(memberships).where(memberOf(team.id, me.userId));
    await recordMemberEvent(tx, {
      teamId: team.id,
      actorUserId: me.userId,
      action: "left",
      subject: me,
      details: { role: me.role },
    });
    return { userId: me.userId };
  });
}
