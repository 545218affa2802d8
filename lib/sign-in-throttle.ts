// Sign-in throttling: 5 failures per email or 20 per client address within 15 minutes block
// further attempts (without a password check) until the window slides past them. The counters are
// process state: the Auth.js route and the sign-in server action count into the same ones.
import { processState } from "./process-state";
import { FailureCounter } from "./rate-limit";

const WINDOW_MS = 15 * 60_000;
export const SIGN_IN_FAILURES_PER_EMAIL = 5;
export const SIGN_IN_FAILURES_PER_ADDRESS = 20;

const { byEmail, byAddress } = processState("sign-in failures", () => ({
  byEmail: new FailureCounter(SIGN_IN_FAILURES_PER_EMAIL, WINDOW_MS),
  byAddress: new FailureCounter(SIGN_IN_FAILURES_PER_ADDRESS, WINDOW_MS),
}));

export async function signInBlockedFor(email: string, address: string): Promise<number> {
  return Math.max(byEmail.blockedFor(email), byAddress.blockedFor(address));
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  byEmail.record(email);
  byAddress.record(address);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  byEmail.reset(email);
}
