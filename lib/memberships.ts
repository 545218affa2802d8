// Membership and role, read from the database on every call: never from the session or client,
// so a role change or a removal takes effect on the caller's next request.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, teams } from "@/db/schema";
import { forbidden, notFound } from "./errors";
import { can, type Permission, type Role } from "./permissions";

export type Actor = { userId: string };
export type TeamSummary = { id: string; slug: string; name: string };
export type TeamMembership = { team: TeamSummary; role: Role };

export async function findMembership(userId: string, teamSlug: string): Promise<TeamMembership | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, userId), eq(teams.slug, teamSlug)))
    .limit(1);
  return row ? { team: { id: row.id, slug: row.slug, name: row.name }, role: row.role } : null;
}

/** The teams a user belongs to, in the order they joined them. */
export async function listTeamsOfUser(userId: string): Promise<TeamMembership[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(teams.name));
  return rows.map((r) => ({ team: { id: r.id, slug: r.slug, name: r.name }, role: r.role }));
}

/**
 * The actor's membership in the team, if it grants the permission. A non-member gets "not found"
 * (the team's existence is not revealed); a member without the permission gets "forbidden".
 */
export async function authorize(actor: Actor, teamSlug: string, permission: Permission): Promise<TeamMembership> {
  const membership = await findMembership(actor.userId, teamSlug);
  if (!membership) throw notFound("Team not found.");
  if (!can(membership.role, permission)) throw forbidden();
  return membership;
}
