// The password check behind Auth.js's Credentials provider, with sign-in throttling.
// It runs for the login form and for a direct POST to /api/auth/callback/credentials alike.
import "server-only";
import { CredentialsSignin } from "@auth/core/errors";
import { z } from "zod";
import { plainText } from "@/lib/platform/shared";
import { clientAddress } from "@/lib/platform";
import { logError } from "@/lib/platform";
import { deviceCookieIn, knownDevice, rememberDevice } from "./devices";
import { recordSignInFailure, recordSignInSuccess, signInBlockedFor } from "./sign-in-throttle";
import { normaliseEmail, verifyPassword, type UserSummary } from "./users";

/** A sign-in refused by a throttle, without a password check; `waitMs`: how long the budget holds it. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
  constructor(readonly waitMs: number) {
    super();
  }
}

/** A check the throttle refused: no password was checked; the attempt may come back in `waitMs`. */
export type Throttled = { waitMs: number };

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
 * Who is checking a password: the client's address, and for a known browser or a signed-in session the
 * budget key of its own (lib/auth/sign-in-throttle.ts): "device:<id>" from a valid device cookie for
 * this email, "session:<id>" for "Confirm your password".
 */
export type PasswordAttempt = { address: string; device?: string };

/**
 * A password check that counts against the sign-in budgets: the sign-in form, Auth.js's endpoint and
 * "Confirm your password" all guess the same secret. The same answers and the same bcrypt work
 * whether or not the email has an account.
 */
export async function checkPassword(
  email: string,
  password: string,
  { address, device }: PasswordAttempt,
): Promise<UserSummary | null | Throttled> {
  const normalised = normaliseEmail(email);
  const waitMs = await signInBlockedFor(normalised, address, device);
  if (waitMs > 0) return { waitMs };
  const user = await verifyPassword(normalised, password);
  if (!user) {
    await recordSignInFailure(normalised, address, device);
    return null;
  }
  await recordSignInSuccess(normalised, address, device);
  return user;
}

/** A correct sign-in: the user, and the device cookie's new value for this browser (lib/auth/devices.ts). */
export type SignedIn = { user: UserSummary; deviceCookie: string };

/**
 * The user for a correct email and password, with the browser's new device cookie; null when wrong;
 * throws ThrottledSignIn when blocked (no password check). A device cookie in `headers` that is valid
 * for this email puts the attempt on that browser's own budget.
 */
export async function authorizeSignIn(raw: unknown, headers: Headers): Promise<SignedIn | null> {
  const parsed = SignInInput.safeParse(raw);
  if (!parsed.success) return null;
  const email = normaliseEmail(parsed.data.email);
  const cookie = deviceCookieIn(headers);
  const attempt = { address: clientAddress(headers), device: knownDevice(cookie, email) };
  const result = await checkPassword(email, parsed.data.password, attempt);
  if (result && "waitMs" in result) throw new ThrottledSignIn(result.waitMs);
  return result && { user: result, deviceCookie: rememberDevice(cookie, result.email) };
}
