// The one wrapper every mutating server action goes through: session → zod input →
// membership from the database → permission table → handler. Errors become one result shape.
import "server-only";
import { z } from "zod";
import { environments } from "@/db/schema";
import { AppError, unauthenticated, type AppErrorCode } from "./errors";
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

export function withTeamAction<Schema extends z.ZodObject<typeof TeamScope.shape>, T>(
  schema: Schema,
  permission: Permission,
  handler: (input: z.infer<Schema>, ctx: TeamActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return (input) =>
    run(schema, input, async (data, user) => {
      const actor = { userId: user.id };
      const membership = await authorize(actor, data.team, permission);
      return handler(data, { actor, user, membership });
    });
}

/**
 * For the few actions that act on no existing team (creating one): session → zod input → handler.
 * Anything that touches a team's data uses withTeamAction instead.
 */
export function withUserAction<Schema extends z.ZodType, T>(
  schema: Schema,
  handler: (input: z.infer<Schema>, ctx: { actor: Actor; user: UserSummary }) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return (input) => run(schema, input, (data, user) => handler(data, { actor: { userId: user.id }, user }));
}

async function run<Schema extends z.ZodType, T>(
  schema: Schema,
  input: unknown,
  body: (data: z.infer<Schema>, user: UserSummary) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    const user = await getCurrentUser();
    if (!user) throw unauthenticated();
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
      throw new AppError("invalid_input", "Check the highlighted fields.", fieldErrors);
    }
    return { ok: true, data: await body(parsed.data, user) };
  } catch (err) {
    return toActionError(err);
  }
}

export function toActionError(err: unknown): ActionResult<never> {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  console.error(`[action] ${(err as Error)?.name}: ${(err as Error)?.message}`);
  return { ok: false, code: "internal", message: "Something went wrong on our side. Try again." };
}
