"use server";
// Signing out needs no authorize step: it only ends the caller's own session.
import { signOut } from "@/auth";
import { safeReturnPath } from "@/lib/session";

/** Ends the session, then goes to sign-in, or back to a page on this site the form names (an invitation). */
export async function signOutAction(formData: FormData): Promise<void> {
  const returnTo = formData.get("returnTo");
  await signOut({ redirectTo: returnTo ? safeReturnPath(returnTo) : "/login" });
}
