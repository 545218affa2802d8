// Every team action names its team (by slug) and environment; the action wrapper resolves the
// caller's membership from them. Validation is a leaf: zod and the schema's enums only.
import { z } from "zod";
import { environments } from "@/db/schema";

/** A team's URL slug, as lib/teams/teams.ts makes them; anything else names no team and never reaches a query. */
export const TeamSlug = z.string().regex(/^[a-z0-9-]{1,64}$/, "Unknown team.");

export const TeamScope = z.object({
  team: TeamSlug,
  environment: z.enum(environments),
});
export type TeamScope = z.infer<typeof TeamScope>;
