// A team's settings, team-wide (both environments): for now what happens when one of its tokens is
// found in public (lib/credentials/leaks.ts reads it with the report's credentials). Every member may see it;
// Owners and Admins change it.
import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { teams } from "@/db/schema";
import { notFound } from "@/lib/platform";
import { requirePermission, type TeamAccess } from "./access";
import type { LeakResponse } from "@/lib/platform/shared";

export async function getLeakResponse(access: TeamAccess): Promise<LeakResponse> {
  requirePermission(access, "credentials:view");
  const db = await getDb();
  const [team] = await db.select({ leakResponse: teams.leakResponse }).from(teams).where(eq(teams.id, access.team.id));
  if (!team) throw notFound("Team not found.");
  return team.leakResponse;
}

/** "Revoke it and notify" (revoke) or "Only notify" (notify), for the caller's team only. */
export async function setLeakResponse(access: TeamAccess, leakResponse: LeakResponse): Promise<LeakResponse> {
  requirePermission(access, "settings:manage");
  const db = await getDb();
  const [team] = await db
    .update(teams)
    .set({ leakResponse })
    .where(eq(teams.id, access.team.id))
    .returning({ leakResponse: teams.leakResponse });
  if (!team) throw notFound("Team not found.");
  return team.leakResponse;
}
