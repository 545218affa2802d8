"use server";
// Signing out needs no authorize step: it only ends the caller's own session.
import { signOut } from "@/auth";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
