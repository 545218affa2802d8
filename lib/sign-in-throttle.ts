// Sign-in throttling: 5 failures per email or 20 per client address within 15 minutes block
// further attempts (without a password check) until the window slides past them.
import { FailureCounter } from "./rate-limit";

const WINDOW_MS = 15 * 60_000;
const byEmail = new FailureCounter(5, WINDOW_MS);
const byAddress = new FailureCounter(20, WINDOW_MS);

export function signInBlockedFor(email: string, address: string): number {
  return Math.max(byEmail.blockedFor(email), byAddress.blockedFor(address));
}

export function recordSignInFailure(email: string, address: string): void {
  byEmail.record(email);
  byAddress.record(address);
}

export function recordSignInSuccess(email: string): void {
  byEmail.reset(email);
}
