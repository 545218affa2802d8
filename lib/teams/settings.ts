// A team's settings, team-wide (both environments): for now what happens when one of its tokens is
// found in public (lib/credentials/leaks.ts reads it with the report's credentials). Every member may see it;
// Owners and Admins change it, with their password confirmed recently (sudo mode).
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { teams } from "@/db/schema";
import { notFound } from "@/lib/platform";
import { requirePermission, type TeamAccess } from "./access";
import { requirePasswordConfirmationFor } from "@/lib/auth";
import type { LeakResponse } from "@/lib/platform/shared";

export async function getLeakResponse(access: TeamAccess): Promise<LeakResponse> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const [team] = await db.select({ leakResponse: teams.leakResponse }).from(teams).where(eq(teams.id, access.team.id));
  if (!team) throw notFound("Team not found.");
  return team.leakResponse;
}

/**
 * "Revoke it and notify" (revoke) or "Only notify" (notify), for the caller's team only. A change of it
 * needs the session's recent password confirmation (lib/auth/sudo.ts), decided on the stored value
 * read under the row's lock; saving the value it already has changes nothing and asks nothing.
 */
export async function setLeakResponse(access: TeamAccess, leakResponse: LeakResponse): Promise<LeakResponse> {
  requirePermission(access, "settings:manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [team] = await tx
      .select({ leakResponse: teams.leakResponse })
      .from(teams)
      .where(eq(teams.id, access.team.id))
      .for("update");
    if (!team) throw notFound("Team not found.");
    requirePasswordConfirmationFor(access.session, {
      row: "team.leak_response",
      from: team.leakResponse,
      to: leakResponse,
    });
    if (team.leakResponse === leakResponse) return leakResponse;
    await tx.update(teams).set({ leakResponse }).where(eq(teams.id, access.team.id));
    return leakResponse;
  });
}
