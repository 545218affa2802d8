// A team's invitations: inviting someone by email with a role, the pending list, revoking, and
// accepting a link: once, within 7 days, unless revoked, by the invited email only, and only by an
// account whose address is verified. A new person does not get an account from the link itself: they
// ask for one (lib/accounts), which mails a link to the invited address, and opening that link makes the
// account and joins (docs/decisions/016). The Owner and Admin side takes the caller's resolved
// TeamAccess and runs under ./member-changes.ts, as member changes do; accepting is authorized by the
// token itself.
import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { invitations, memberships, teams, users } from "@/db/schema";
import { AppError, forbidden, notFound } from "@/lib/platform";
import { invitationRefusal } from "@/lib/teams/shared";
import { requirePermission, type TeamAccess, type TeamSummary } from "@/lib/teams";
import type { Role } from "@/lib/platform/shared";
import type { InvitationDto } from "./shared/dto";
import { hashToken } from "@/lib/credentials";
import { requirePasswordConfirmationFor, type UserSummary } from "@/lib/auth";
import { enforce, recordMemberEvent, withLockedMembers } from "./member-changes";

export const INVITATION_TTL_MS = 7 * 24 * 3600 * 1000;

export const INVITATION_INVALID = "This invitation is no longer valid. Ask the team's Owner or Admin for a new one.";
const invitationInvalid = () => notFound(INVITATION_INVALID);

/** Invitations that can still be accepted. */
const pending = (now: Date) =>
  and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt), gt(invitations.expiresAt, now));

export async function listInvitations(access: TeamAccess): Promise<InvitationDto[]> {
  requirePermission(access, "members:view");
  const { team } = access;
  const db = await getDb();
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      invitedBy: users.name,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.teamId, team.id), pending(new Date())))
    .orderBy(desc(invitations.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() }));
}

/** 32 random bytes as base64url: the link's secret. Only its SHA-256 hash is stored. */
export const generateInvitationToken = () => randomBytes(32).toString("base64url");

/** Creates an invitation and returns its plain token: the only time it exists outside the invitee's link. */
export async function inviteMember(access: TeamAccess, input: { email: string; role: Role }) {
  const token = generateInvitationToken();
  const email = input.email.trim().toLowerCase();
  const invitation = await withLockedMembers(access, "members:manage", [], async (tx, { team, me }) => {
    enforce(invitationRefusal(me.role, input.role));
    requirePasswordConfirmationFor(access.session, { row: "member.invite", role: input.role });
    const [member] = await tx
      .select({ userId: users.id })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.teamId, team.id), eq(users.email, email)));
    if (member)
      throw new AppError("conflict", `${email} is already a member of this team.`, { email: ["Already a member."] });
    const now = new Date();
    const [open] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.teamId, team.id), eq(invitations.email, email), pending(now)));
    if (open)
      throw new AppError("conflict", `${email} already has a pending invitation. Revoke it to create a new link.`, {
        email: ["Already invited."],
      });
    const [row] = await tx
      .insert(invitations)
      .values({
        teamId: team.id,
        email,
        role: input.role,
        tokenHash: hashToken(token),
        invitedBy: me.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
      })
      .returning({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
      });
    await recordMemberEvent(tx, {
      teamId: team.id,
      actorUserId: me.userId,
      action: "invited",
      subject: { email },
      details: { role: input.role },
    });
    return { ...row, createdAt: row.createdAt.toISOString(), expiresAt: row.expiresAt.toISOString() };
  });
  return { invitation, token };
}

export async function revokeInvitation(access: TeamAccess, input: { id: string }): Promise<{ id: string }> {
  return withLockedMembers(access, "members:manage", [], async (tx, { team, me }) => {
    const [row] = await tx
      .select({ id: invitations.id, email: invitations.email, role: invitations.role })
      .from(invitations)
      .where(and(eq(invitations.id, input.id), eq(invitations.teamId, team.id), pending(new Date())))
      .for("update");
    if (!row) throw notFound("This invitation was already accepted, revoked or has expired.");
    enforce(invitationRefusal(me.role, row.role));
    await tx.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, row.id));
    await recordMemberEvent(tx, {
      teamId: team.id,
      actorUserId: me.userId,
      action: "invitation_revoked",
      subject: { email: row.email },
      details: { role: row.role },
    });
    return { id: row.id };
  });
}

export type InvitationView = { email: string; role: Role; team: TeamSummary; accountExists: boolean };

/** What the accept page may show about a link: null when it is unknown, used, revoked or expired. */
export async function findPendingInvitation(token: string): Promise<InvitationView | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      email: invitations.email,
      role: invitations.role,
      team: { id: teams.id, slug: teams.slug, name: teams.name },
    })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), pending(new Date())));
  if (!row) return null;
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.email));
  return { ...row, accountExists: !!account };
}

/** Locks a pending invitation (by its link's token, or by id), or null: a link works once, within 7 days, unless revoked. */
async function lockPendingInvitation(tx: Tx, which: { token: string } | { id: string }) {
  const [row] = await tx
    .select({ id: invitations.id, teamId: invitations.teamId, email: invitations.email, role: invitations.role })
    .from(invitations)
    .where(
      and(
        "token" in which ? eq(invitations.tokenHash, hashToken(which.token)) : eq(invitations.id, which.id),
        pending(new Date()),
      ),
    )
    .for("update");
  if (!row) return null;
  const [team] = await tx
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(teams)
    .where(eq(teams.id, row.teamId));
  return { ...row, team };
}

async function join(
  tx: Tx,
  invitation: NonNullable<Awaited<ReturnType<typeof lockPendingInvitation>>>,
  user: UserSummary,
) {
  const joined = await tx
    .insert(memberships)
    .values({ teamId: invitation.teamId, userId: user.id, role: invitation.role })
    .onConflictDoNothing()
    .returning({ userId: memberships.userId });
  await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
  // Someone who is already a member keeps their role; the link is used up all the same.
  if (joined.length) {
    await recordMemberEvent(tx, {
      teamId: invitation.teamId,
      actorUserId: user.id,
      action: "joined",
      subject: { userId: user.id, email: user.email, name: user.name },
      details: { role: invitation.role },
    });
  }
  return invitation.team;
}

export const EMAIL_NOT_VERIFIED =
  "Verify your email address first: use “Send verification link”, then open the link we mail you.";

/**
 * A signed-in user accepts an invitation addressed to their own email — once that address is verified:
 * otherwise anyone could have made the account (before sign-up needed a link) and would join here.
 */
export async function acceptInvitation(actor: { userId: string }, token: string): Promise<TeamSummary> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const invitation = await lockPendingInvitation(tx, { token });
    if (!invitation) throw invitationInvalid();
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name, emailVerifiedAt: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, actor.userId));
    if (!user || user.email !== invitation.email)
      throw forbidden(`This invitation is for ${invitation.email}. Sign out, then open the link again.`);
    if (!user.emailVerifiedAt) throw forbidden(EMAIL_NOT_VERIFIED);
    return join(tx, invitation, user);
  });
}

/**
 * The pending invitation behind a link, for someone who asks to join as a new person (lib/accounts
 * mails the invited address a link that makes the account). Refused like any invalid link.
 */
export async function invitationForSignUp(token: string): Promise<{ id: string; email: string; team: TeamSummary }> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      team: { id: teams.id, slug: teams.slug, name: teams.name },
    })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), pending(new Date())));
  if (!row) throw invitationInvalid();
  return row;
}

/**
 * Joins `user`, whose address has just been proved, to the invitation `invitationId` in the caller's
 * transaction (lib/accounts, when a mailed link is used). Null when the invitation is no longer
 * pending or is for another address.
 */
export async function joinInvitationAsVerified(
  tx: Tx,
  invitationId: string,
  user: UserSummary,
): Promise<TeamSummary | null> {
  const invitation = await lockPendingInvitation(tx, { id: invitationId });
  if (!invitation || invitation.email !== user.email) return null;
  return join(tx, invitation, user);
}

/** The team of a still-pending invitation, by id; null once it is used, revoked or expired. */
export async function pendingInvitationTeam(invitationId: string): Promise<TeamSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: teams.id, slug: teams.slug, name: teams.name })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(and(eq(invitations.id, invitationId), pending(new Date())));
  return row ?? null;
}
