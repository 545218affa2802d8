// Sign-in throttling (decision 017). Every password check — the sign-in form, Auth.js's endpoint and
// "Confirm your password" — is counted on the budgets of who is asking:
// - a known browser (a valid device cookie for this email, lib/auth/devices.ts) or a signed-in session
//   confirming its own password: on its own budget alone, 5 wrong passwords in 15 minutes. Failures
//   from anywhere else never hold it back, so nobody can lock an owner out of their own browser;
// - anyone else: 5 per (email, address) and 20 per address in 15 minutes, and 100 per email in an hour
//   across all addresses (the ceiling on guesses at one password from a spread-out attacker).
// A blocked attempt is refused without a password check. The counts are shared by every instance
// (lib/platform/throttle.ts), so every entry point on every instance counts into the same ones.
// Addresses are keyed as throttleKeyForAddress says (an IPv6 client per /64).
import { throttle, throttleKeyForAddress, throttleRules, type Throttle } from "@/lib/platform";

export const SIGN_IN_FAILURES_PER_EMAIL = throttleRules["sign-in per email"].limit;
export const SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS = throttleRules["sign-in per email and address"].limit;
export const SIGN_IN_FAILURES_PER_ADDRESS = throttleRules["sign-in per address"].limit;
export const SIGN_IN_FAILURES_PER_DEVICE = throttleRules["sign-in per device"].limit;

/**
 * The budgets an attempt counts on, each with its key. The first is the one a correct password resets:
 * the session's own, or the (email, address) pair's. A device cookie's is not: a success gives the
 * browser a new device id, and resetting the old one would give a copy of the cookie fresh guesses
 * each time the owner signs in. Nor is the per-email count (the owner signing in would hand a guesser
 * a fresh budget), nor the per-address one (it spans emails).
 */
function budgets(email: string, address: string, device?: string): [Throttle, string][] {
  if (device) return [[throttle("sign-in per device"), device]];
  const at = throttleKeyForAddress(address);
  return [
    // The address first: it holds no space, so "<address> <email>" cannot be forged from another pair.
    [throttle("sign-in per email and address"), `${at} ${email}`],
    [throttle("sign-in per address"), at],
    [throttle("sign-in per email"), email],
  ];
}

/**
 * Milliseconds this attempt must wait (0: it may try). `device` is the budget key of a known browser
 * for this email ("device:<id>") or of the session confirming its password ("session:<id>").
 */
export async function signInBlockedFor(email: string, address: string, device?: string): Promise<number> {
  const waits = await Promise.all(budgets(email, address, device).map(([budget, key]) => budget.blockedFor(key)));
  return Math.max(0, ...waits);
}

export async function recordSignInFailure(email: string, address: string, device?: string): Promise<void> {
  await Promise.all(budgets(email, address, device).map(([budget, key]) => budget.record(key)));
}

export async function recordSignInSuccess(email: string, address: string, device?: string): Promise<void> {
  if (device?.startsWith("device:")) return;
  const [budget, key] = budgets(email, address, device)[0];
  await budget.reset(key);
}
