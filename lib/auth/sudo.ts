// Sudo mode: some changes need the member to have typed their password again recently, in this
// session. Which ones is the rule below; the check runs in lib/credentials/store.ts `manage` after the
// permission check, so a member without the permission is refused for that, never asked for a password.
import "server-only";
import { AppError, waitInWords } from "@/lib/platform";
import { recordPasswordConfirmation, type SessionSummary, type SignedInUser } from "./sessions";
import { checkPassword } from "./sign-in";
import type { CredentialAction, Environment } from "@/lib/platform/shared";

export const PASSWORD_CONFIRMATION_WINDOW_MS = 15 * 60_000;

/** Changes that put a Live token into the world or take one out of it: a roll issues a new one. */
const CONFIRMED_IN_LIVE: ReadonlySet<CredentialAction> = new Set(["created", "enabled", "deleted", "rolled"]);

/**
 * Whether this change to a credential in this environment needs a recent password confirmation. Pure.
 * A new expiry counts unless it only ends the credential ("End now"): a later one can bring an expired
 * Live token back, as Enable does a revoked one.
 */
export function needsPasswordConfirmation(
  action: CredentialAction,
  environment: Environment,
  expiry?: { choice: string },
): boolean {
  if (environment !== "live") return false;
  if (action === "expiry_changed") return expiry?.choice !== "now";
  return CONFIRMED_IN_LIVE.has(action);
}

export const passwordConfirmationRequired = () =>
  new AppError("password_confirmation_required", "Confirm your password to continue.");

/** Refuses unless this session's password was confirmed within the window. No session (a script): refused. */
export function requireRecentPasswordConfirmation(session: SessionSummary | null, now = new Date()): void {
  const at = session?.passwordConfirmedAt;
  const age = at ? now.getTime() - at.getTime() : Infinity;
  // A confirmation "in the future" (clock skew between instances) counts as fresh only within the window.
  if (!(Math.abs(age) <= PASSWORD_CONFIRMATION_WINDOW_MS)) throw passwordConfirmationRequired();
}

/**
 * "Confirm your password": checked like a sign-in (same bcrypt work), then remembered on the caller's
 * session row only. The session is its own known device (decision 017): its wrong passwords count on
 * its own budget, so a stolen session cannot lock the owner out of signing in.
 */
export async function confirmPassword(user: SignedInUser, password: string, address: string): Promise<void> {
  const result = await checkPassword(user.email, password, { address, device: `session:${user.session.id}` });
  if (result && "waitMs" in result)
    throw new AppError("throttled", `Too many wrong passwords. Wait ${waitInWords(result.waitMs)}, then try again.`);
  if (!result || result.id !== user.id)
    throw new AppError("invalid_input", "Wrong password.", { password: ["Wrong password."] });
  await recordPasswordConfirmation(user.session, user.id);
}
