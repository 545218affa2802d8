// The password check behind Auth.js's Credentials provider, with sign-in throttling.
// It runs for the login form and for a direct POST to /api/auth/callback/credentials alike.
import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { clientAddress } from "./client-address";
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
  console.error("[auth][error]", error);
}

const SignInInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

/** The user for a correct email and password; null when wrong; throws ThrottledSignIn when blocked (no password check). */
export async function authorizeSignIn(raw: unknown, headers: Headers): Promise<UserSummary | null> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  const address = clientAddress(headers);
  if (signInBlockedFor(email, address) > 0) throw new ThrottledSignIn();
  const user = await verifyPassword(email, parsed.data.password);
  if (!user) {
    recordSignInFailure(email, address);
    return null;
  }
  recordSignInSuccess(email);
  return user;
}
