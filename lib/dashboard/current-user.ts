// The signed-in user for this request: the cookie names a session, and the database says whether that
// session is still alive (not signed out, not expired) and who its user is — one query, per request.
// It is the first query of every dashboard page: if the database cannot be reached, the page is the
// "trouble reaching its database" one (lib/dashboard/outage.ts).
import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "./auth-js";
import { orOutagePage } from "./outage";
import { findSignedInUser, type SignedInUser } from "@/lib/auth";

export const getCurrentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  // A cookie without a session id was issued before sessions had rows: it signs nobody in.
  const sessionId = session?.sessionId;
  return userId && sessionId ? orOutagePage(() => findSignedInUser(sessionId, userId)) : null;
});

/** For pages: the signed-in user, or a redirect to /login that comes back to `returnTo`. */
export async function requireUser(returnTo?: string): Promise<SignedInUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/login?next=${encodeURIComponent(returnTo)}` : "/login");
  return user;
}

const FALLBACK_PATH = "/dashboard";
const ORIGIN = "http://return-path.invalid";
// Browsers drop tabs and line breaks from URLs and read "\\" as "/": "/\t/evil.example" becomes
// "//evil.example", another site. Anything that is not plain path text is refused outright.
const UNSAFE = /[\p{Cc}\p{Z}\s\\]/u;

/**
 * Only a same-origin path may be returned to after sign-in. It comes back normalised by the URL
 * parser (dot segments resolved, non-ASCII percent-encoded, so a Location header can carry it).
 */
export function safeReturnPath(next: unknown): string {
  if (typeof next !== "string" || !next.startsWith("/") || UNSAFE.test(next)) return FALLBACK_PATH;
  const url = new URL(next, ORIGIN);
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== ORIGIN || path.startsWith("//")) return FALLBACK_PATH;
  return path;
}
