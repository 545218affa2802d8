// The one wrapper every mutating server action goes through: session → zod input →
// membership from the database → permission table → handler. Errors become one result shape.
import "server-only";
import { z } from "zod";
import { environments } from "@/db/schema";
import { AppError, type AppErrorCode } from "./errors";
import { authorize, type Actor, type TeamMembership } from "./memberships";
import type { Permission } from "./permissions";
import { getCurrentUser } from "./session";
import type { UserSummary } from "./users";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "internal"; message: string; fieldErrors?: Record<string, string[]> };

/** Every team action names its team (by slug) and environment; the wrapper checks both. */
export const TeamScope = z.object({
  team: z.string().min(1).max(64),
  environment: z.enum(environments),
});

export type TeamActionContext = { actor: Actor; user: UserSummary; membership: TeamMembership };

export function teamAction<Schema extends z.ZodObject<typeof TeamScope.shape>, T>(
  schema: Schema,
  permission: Permission,
  handler: (input: z.infer<Schema>, ctx: TeamActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return async (input) => {
    try {
      const user = await getCurrentUser();
      if (!user) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
        throw new AppError("invalid_input", "Check the highlighted fields.", fieldErrors);
      }
      const actor = { userId: user.id };
      const membership = await authorize(actor, parsed.data.team, permission);
      return { ok: true, data: await handler(parsed.data, { actor, user, membership }) };
    } catch (err) {
      return toActionError(err);
    }
  };
}

export function toActionError(err: unknown): ActionResult<never> {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  console.error(`[action] ${(err as Error)?.name}: ${(err as Error)?.message}`);
  return { ok: false, code: "internal", message: "Something went wrong on our side. Try again." };
}
