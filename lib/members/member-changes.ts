// How every change to a team's members and invitations runs (./members.ts, ./invitations.ts): the
// caller's permission is checked against its resolved TeamAccess, then the roles the change decides
// on are re-read with the memberships locked (the one second read: it guards against a concurrent
// change), the Owner rules of lib/teams/shared/permissions.ts apply, and the change's member event is
// written in the same transaction. Internal to lib/members: not on its face.
import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { memberActions, memberEvents, memberships, users } from "@/db/schema";
import { AppError, forbidden, notFound } from "@/lib/platform";
import { can, type Permission, type Refusal } from "@/lib/teams/shared";
import { requirePermission, type TeamAccess, type TeamSummary } from "@/lib/teams";
import type { Role } from "@/lib/platform/shared";

type MemberAction = (typeof memberActions)[number];

/** Throws the refusal of an Owner rule, if any. */
export function enforce(refusal: Refusal): void {
  if (refusal) throw new AppError(refusal.code, refusal.message);
}

type LockedMember = { userId: string; role: Role; name: string; email: string };
type Locked = {
  team: TeamSummary;
  me: LockedMember;
  owners: number;
  member: (userId: string) => LockedMember | undefined;
};

/**
 * Runs a members change in one transaction, with the team's Owner memberships and those of the
 * given users locked (in one order, so concurrent changes queue rather than deadlock). The Owner
 * count and the actor's role are read under that lock: two concurrent demotions cannot both see
 * "another Owner is left", and an actor demoted a moment ago no longer passes.
 */
export async function withLockedMembers<T>(
  access: TeamAccess,
  permission: Permission,
  userIds: string[],
  work: (tx: Tx, locked: Locked) => Promise<T>,
) {
  requirePermission(access, permission);
  const { team, userId: actorUserId } = access;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ userId: memberships.userId, role: memberships.role, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.teamId, team.id),
          or(eq(memberships.role, "owner"), inArray(memberships.userId, [actorUserId, ...userIds])),
        ),
      )
      .orderBy(asc(memberships.userId))
      .for("update", { of: memberships });
    // The caller's role as of now, under the lock: a demotion a moment ago holds.
    const me = rows.find((r) => r.userId === actorUserId);
    if (!me) throw notFound("Team not found.");
    if (!can(me.role, permission)) throw forbidden();
    return work(tx, {
      team,
      me,
      owners: rows.filter((r) => r.role === "owner").length,
      member: (userId) => rows.find((r) => r.userId === userId),
    });
  });
}

export async function recordMemberEvent(
  tx: Tx,
  event: {
    teamId: string;
    actorUserId: string;
    action: MemberAction;
    subject: { userId?: string; email: string; name?: string };
    details?: Record<string, unknown>;
  },
) {
  await tx.insert(memberEvents).values({
    teamId: event.teamId,
    actorUserId: event.actorUserId,
    subjectUserId: event.subject.userId ?? null,
    subjectEmail: event.subject.email,
    subjectName: event.subject.name ?? null,
    action: event.action,
    details: event.details ?? {},
  });
}
