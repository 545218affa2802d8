// Test-only helpers for lib's integration tests.
import type { Permission } from "./permissions";
import { requirePermission, resolveTeamAccess, type TeamAccess } from "./team-access";
import type { Environment } from "./terms";

/** The TeamAccess a member gets from the action wrapper or a page: their membership, read from the database. */
export function accessFor(actor: { userId: string }, teamSlug: string, environment: Environment = "test"): Promise<TeamAccess> {
  return resolveTeamAccess(actor.userId, teamSlug, environment);
}

/** Resolves the access and checks one permission, as a domain function would: the member's access, or the refusal. */
export async function authorizedAccess(actor: { userId: string }, teamSlug: string, permission: Permission, environment: Environment = "test"): Promise<TeamAccess> {
  const access = await accessFor(actor, teamSlug, environment);
  requirePermission(access, permission);
  return access;
}
