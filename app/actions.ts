"use server";
// Signing out needs no authorize step: it only ends the caller's own session(s), and a signed-out caller
// is simply sent to sign in. Both are public endpoints by nature.
import { signOut } from "@/lib/dashboard";
import { getCurrentUser, safeReturnPath } from "@/lib/dashboard";
import { endAllSessions } from "@/lib/auth";

/** Ends the session, then goes to sign-in, or back to a page on this site the form names (an invitation). */
// Any argument is accepted (a POST can send a text body, or none): only a form's returnTo is read.
export async function signOutAction(formData: unknown): Promise<void> {
  const returnTo = formData instanceof FormData ? formData.get("returnTo") : null;
  await signOut({ redirectTo: returnTo ? safeReturnPath(returnTo) : "/login" });
}

/** Ends every session of the caller, on every device (this one included), then goes to sign-in. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getCurrentUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirectTo: "/login" });
}
