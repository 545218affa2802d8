// Every team action names its team (by slug) and environment; the action wrapper resolves the
// caller's membership from them. Validation is a leaf: zod and the schema's enums only.
import { z } from "zod";
import { environments } from "@/db/schema";

export const TeamScope = z.object({
  team: z.string().min(1).max(64),
  environment: z.enum(environments),
});
export type TeamScope = z.infer<typeof TeamScope>;
