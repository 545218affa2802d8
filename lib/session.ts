// The signed-in user for this request: the session says who, the database says whether they still exist.
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/auth";
import { findUserById, type UserSummary } from "./users";

export const getCurrentUser = cache(async (): Promise<UserSummary | null> => {
  const session = await auth();
  const id = session?.user?.id;
  return id ? findUserById(id) : null;
});

/** For pages: the signed-in user, or a redirect to /login that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<UserSummary> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}

/** Only same-site paths may be returned to after sign-in. */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/dashboard";
  return next;
}
