// Who may act in a team: the caller's membership and role, read from the database on every request
// (never from the session or the client), so a role change or a removal holds on the next request.
//
// A request resolves its TeamAccess once (lib/dashboard/action-guard.ts for server actions,
// lib/dashboard/page-guard.ts for pages) and hands it down; each domain function then checks the
// permission it needs against it with `requirePermission`, without reading the membership again.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { memberships, teams } from "@/db/schema";
import { forbidden, notFound } from "@/lib/platform";
import { can, type Permission } from "./shared/permissions";
import type { SessionSummary } from "@/lib/auth";
import type { Environment, Role } from "@/lib/platform/shared";
import type { TeamSummary } from "./shared/dto";
import { TeamSlug } from "./shared/scope";

export type TeamMembership = { team: TeamSummary; role: Role };

declare const resolved: unique symbol;

/**
 * The caller's membership in one team, for one environment, as read from the database. Only this
 * module makes one (the brand), so a domain function taking a TeamAccess cannot be handed a team id
 * or role that came from the client. `session` is the caller's sign-in session as read for this request
 * (null outside a request, e.g. a script): some changes need its recent password confirmation.
 */
export type TeamAccess = TeamMembership & {
  readonly userId: string;
  readonly environment: Environment;
  readonly session: SessionSummary | null;
  readonly [resolved]: true;
};

async function findMembership(userId: string, teamSlug: string): Promise<TeamMembership | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: teams.id, slug: teams.slug, name: teams.name, role: memberships.role })
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, userId), eq(teams.slug, teamSlug)))
    .limit(1);
  return row ? { team: { id: row.id, slug: row.slug, name: row.name }, role: row.role } : null;
}

/** The caller's access to a team, or null when they are not a member (or there is no such team). */
export async function findTeamAccess(
  userId: string,
  teamSlug: string,
  environment: Environment,
  session: SessionSummary | null = null,
): Promise<TeamAccess | null> {
  if (!TeamSlug.safeParse(teamSlug).success) return null; // a URL segment with a NUL must not reach the query
  const membership = await findMembership(userId, teamSlug);
  return membership ? ({ ...membership, userId, environment, session } as TeamAccess) : null;
}

/** As findTeamAccess, but a non-member gets "not found": the team's existence is not revealed. */
export async function resolveTeamAccess(
  userId: string,
  teamSlug: string,
  environment: Environment,
  session: SessionSummary | null = null,
): Promise<TeamAccess> {
  const access = await findTeamAccess(userId, teamSlug, environment, session);
  if (!access) throw notFound("Team not found.");
  return access;
}

/** Refuses ("forbidden") a member whose role lacks the permission. Pure: no database. */
export function requirePermission(access: TeamAccess, permission: Permission): void {
  if (!can(access.role, permission)) throw forbidden();
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
