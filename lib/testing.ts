// Test-only helpers for lib's integration tests.
import type { Permission } from "@/lib/teams/shared";
import type { SessionSummary } from "@/lib/auth";
import { requirePermission, resolveTeamAccess, type TeamAccess } from "@/lib/teams";
import type { Environment } from "@/lib/platform/shared";

/** A session whose member has just confirmed their password: what tests not about sudo mode act with. */
export const justConfirmedSession = (): SessionSummary => ({ id: "00000000-0000-4000-8000-000000000000", passwordConfirmedAt: new Date() });

/**
 * The TeamAccess a member gets from the action wrapper or a page: their membership, read from the
 * database, with their session (by default one that has just confirmed the password; pass `session`
 * to test sudo mode).
 */
export function accessFor(actor: { userId: string; session?: SessionSummary | null }, teamSlug: string, environment: Environment = "test"): Promise<TeamAccess> {
  return resolveTeamAccess(actor.userId, teamSlug, environment, actor.session === undefined ? justConfirmedSession() : actor.session);
}

/** Resolves the access and checks one permission, as a domain function would: the member's access, or the refusal. */
export async function authorizedAccess(actor: { userId: string; session?: SessionSummary | null }, teamSlug: string, permission: Permission, environment: Environment = "test"): Promise<TeamAccess> {
  const access = await accessFor(actor, teamSlug, environment);
  requirePermission(access, permission);
  return access;
}
