// For dashboard pages and layouts: the signed-in user's membership in the team named by the URL,
// or Next's 404 (not a member, unknown team, unknown environment) — never the team's data.
import "server-only";
import { cache } from "react";
import { notFound } from "next/navigation";
import { environments } from "@/db/schema";
import { findMembership, type TeamMembership } from "./memberships";
import { requireUser } from "./session";
import type { Environment } from "./tokens";
import type { UserSummary } from "./users";

export type TeamPageContext = TeamMembership & { user: UserSummary; environment: Environment };

export function isEnvironment(value: string): value is Environment {
  return (environments as readonly string[]).includes(value);
}

export const requireTeamPage = cache(async (teamSlug: string, env: string, returnTo?: string): Promise<TeamPageContext> => {
  const user = await requireUser(returnTo);
  if (!isEnvironment(env)) notFound();
  const membership = await findMembership(user.id, teamSlug);
  if (!membership) notFound();
  return { ...membership, user, environment: env };
});
