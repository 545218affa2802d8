// For dashboard pages and layouts: the signed-in user's access to the team and environment named by
// the URL, or Next's 404 (not a member, unknown team, unknown environment) — never the team's data.
// Resolved once per request (React cache: the layout and the page share it) and handed to lib's
// functions. A signed-out visitor is sent to sign in and back to the path they asked for (proxy.ts
// passes it on as x-return-to).
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { requireUser } from "./current-user";
import { orOutagePage } from "./outage";
import { findTeamAccess, type TeamAccess } from "@/lib/teams";
import { isEnvironment } from "@/lib/platform/shared";
import type { SignedInUser } from "@/lib/auth";

export type TeamPageContext = { access: TeamAccess; user: SignedInUser };

export const requireTeamPage = cache(async (teamSlug: string, env: string): Promise<TeamPageContext> => {
  const user = await requireUser((await headers()).get("x-return-to") ?? undefined);
  if (!isEnvironment(env)) notFound();
  const access = await orOutagePage(() => findTeamAccess(user.id, teamSlug, env, user.session));
  if (!access) notFound();
  return { access, user };
});
