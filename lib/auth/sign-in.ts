// The password check behind Auth.js's Credentials provider, with sign-in throttling.
// It runs for the login form and for a direct POST to /api/auth/callback/credentials alike.
import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { plainText } from "@/lib/platform/shared";
import { clientAddress } from "@/lib/platform";
import { logError } from "@/lib/platform";
import { recordSignInFailure, recordSignInSuccess, signInBlockedFor } from "./sign-in-throttle";
import { normaliseEmail, verifyPassword, type UserSummary } from "./users";

export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

/**
 * Auth.js's error log: a refused sign-in (wrong password, unknown email, throttled) is an everyday
 * event that the throttle already counts, so it is not logged as a server error with a stack trace;
 * anything else is.
 */
export function logAuthError(error: Error) {
  // By `type`, not instanceof: next-auth's bundle may carry its own copy of the error classes.
  if ("type" in error && error.type === "CredentialsSignin") return;
  logError("auth", "Auth.js error", error);
}

const SignInInput = z.object({ email: plainText().min(1).max(320), password: z.string().min(1).max(200) });

/**
 * A password check that counts against the sign-in budgets (per email, per client address): the sign-in
 * form, Auth.js's endpoint and "Confirm your password" all guess the same secret. "throttled" means no
 * password was checked.
 */
export async function checkPassword(
  email: string,
  password: string,
  address: string,
): Promise<UserSummary | null | "throttled"> {
  const normalised = normaliseEmail(email);
  if ((await signInBlockedFor(normalised, address)) > 0) return "throttled";
  const user = await verifyPassword(normalised, password);
  if (!user) {
    await recordSignInFailure(normalised, address);
    return null;
  }
  await recordSignInSuccess(normalised);
  return user;
}

/** The user for a correct email and password; null when wrong; throws ThrottledSignIn when blocked (no password check). */
export async function authorizeSignIn(raw: unknown, headers: Headers): Promise<UserSummary | null> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const result = await checkPassword(parsed.data.email, parsed.data.password, clientAddress(headers));
  if (result === "throttled") throw new ThrottledSignIn();
  return result;
}
