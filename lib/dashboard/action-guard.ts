// The one wrapper every mutating server action goes through: session → zod input → the caller's
// membership from the database (once) → handler. The handler's domain function checks the
// permission it needs against that membership (lib/teams/access.ts). Errors become one result shape.
import "server-only";
import { z } from "zod";
import { AppError, logError, unauthenticated, type ActionRefusal, type ActionResult } from "@/lib/platform";
import { getCurrentUser } from "./current-user";
import { asOutagePage, isDatabaseUnavailableError } from "./outage";
import { resolveTeamAccess, type TeamAccess } from "@/lib/teams";
import type { SignedInUser } from "@/lib/auth";
import type { TeamScope } from "@/lib/teams/shared";

export type TeamActionContext = { access: TeamAccess; user: SignedInUser };

export function withTeamAction<Schema extends z.ZodType<TeamScope>, T>(
  schema: Schema,
  handler: (input: z.infer<Schema>, ctx: TeamActionContext) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return (input) =>
    run(schema, input, async (data, user) => {
      // `?? null`: a test may stand in a user without a session; it then gets no password confirmation.
      const access = await resolveTeamAccess(user.id, data.team, data.environment, user.session ?? null);
      return handler(data, { access, user });
    });
}

/**
 * For the few actions that act on no existing team (creating one): session → zod input → handler.
 * Anything that touches a team's data uses withTeamAction instead.
 */
export function withUserAction<Schema extends z.ZodType, T>(
  schema: Schema,
  handler: (input: z.infer<Schema>, ctx: { user: SignedInUser }) => Promise<T>,
): (input: unknown) => Promise<ActionResult<T>> {
  return (input) => run(schema, input, (data, user) => handler(data, { user }));
}

async function run<Schema extends z.ZodType, T>(
  schema: Schema,
  input: unknown,
  body: (data: z.infer<Schema>, user: SignedInUser) => Promise<T>,
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

/**
 * An AppError as it is; an unreachable database as the outage's sentence (counted in the outage's log
 * lines, lib/platform/outage.ts); anything else logged (redacted) and answered with a message that
 * reveals nothing.
 */
export function toActionError(err: unknown): ActionRefusal {
  if (err instanceof AppError) return { ok: false, code: err.code, message: err.message, fieldErrors: err.fieldErrors };
  const outage = asOutagePage(err);
  if (isDatabaseUnavailableError(outage)) return { ok: false, code: "internal", message: (outage as Error).message };
  logError("action", "failed", err);
  return { ok: false, code: "internal", message: "Something went wrong on our side. Try again." };
}
