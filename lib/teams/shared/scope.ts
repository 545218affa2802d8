// Every team action names its team (by slug) and environment; the action wrapper resolves the
// caller's membership from them. Validation is a leaf: zod and the schema's enums only.
import { z } from "zod";
import { environments } from "@/db/schema";

/** A team's URL slug, as lib/teams/teams.ts makes them; anything else names no team and never reaches a query. */
export const TeamSlug = z.string().regex(/^[a-z0-9-]{1,64}$/, "Unknown team.");

/**
 * A team and environment as URLs and action inputs name them: the team by its slug. The one type for
 * that kind of scope: every team action's input extends it, and the dashboard's components take it
 * to build paths and query keys. (Queries filter by the team's id instead, from the TeamAccess the
 * slug resolves to: lib/teams/access.ts.)
 */
export const TeamScope = z.object({
  team: TeamSlug,
  environment: z.enum(environments),
});
export type TeamScope = z.infer<typeof TeamScope>;
