// Sign-in throttling: 5 wrong passwords per email or 20 per client address within 15 minutes block
// further attempts (without a password check) until the window ends. The counts are shared by every
// instance (lib/platform/throttle.ts): the Auth.js route, the sign-in server action and "Confirm your password"
// on any instance count into the same ones.
import { throttle, throttleRules } from "@/lib/platform";

export const SIGN_IN_FAILURES_PER_EMAIL = throttleRules["sign-in per email"].limit;
export const SIGN_IN_FAILURES_PER_ADDRESS = throttleRules["sign-in per address"].limit;

const byEmail = () => throttle("sign-in per email");
const byAddress = () => throttle("sign-in per address");

export async function signInBlockedFor(email: string, address: string): Promise<number> {
  const [forEmail, forAddress] = await Promise.all([byEmail().blockedFor(email), byAddress().blockedFor(address)]);
  return Math.max(forEmail, forAddress);
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  await Promise.all([byEmail().record(email), byAddress().record(address)]);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await byEmail().reset(email);
}
