// Dashboard sign-in sessions (the `sessions` table). The session cookie (an Auth.js JWT) names a row;
// the row decides whether the session is alive, so deleting it ends the session on the server at once,
// however many copies of the cookie exist. The row also remembers when the member last confirmed their
// password (lib/auth/sudo.ts).
import "server-only";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";
import type { UserSummary } from "./users";

/** A session lasts this long from sign-in, whatever the cookie says (lib/dashboard/auth-js.ts gives the cookie the same age). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

export type SessionSummary = { id: string; passwordConfirmedAt: Date | null };
/**
 * The signed-in user of a request, with the session they signed in with, and whether they have proved
 * their email address (an unverified account joins no team by invitation: lib/members/invitations.ts).
 */
export type SignedInUser = UserSummary & { session: SessionSummary; emailVerified: boolean };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** On sign-in: a new session row; its id goes into the cookie. The user's expired rows go at the same time. */
export async function startSession(userId: string): Promise<string> {
  const db = await getDb();
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, sql`now()`)));
  const [row] = await db
    .insert(sessions)
    .values({ userId, expiresAt: sql`now() + make_interval(secs => ${SESSION_MAX_AGE_SECONDS})` })
    .returning({ id: sessions.id });
  return row.id;
}

/**
 * The user of a live (not expired, not ended) session, in one query: this is the per-request user read.
 * Null when the row is gone, has expired, or belongs to someone else.
 */
export async function findSignedInUser(sessionId: string, userId: string): Promise<SignedInUser | null> {
  if (!UUID.test(sessionId) || !UUID.test(userId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      emailVerifiedAt: users.emailVerifiedAt,
      sessionId: sessions.id,
      passwordConfirmedAt: sessions.passwordConfirmedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)));
  if (!row) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    emailVerified: row.emailVerifiedAt !== null,
    session: { id: row.sessionId, passwordConfirmedAt: row.passwordConfirmedAt },
  };
}

/** Sign out: this session ends; a copy of its cookie is refused from the next request on. */
export async function endSession(sessionId: string): Promise<void> {
  if (!UUID.test(sessionId)) return;
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Sign out of all devices: every session of the user ends. */
export async function endAllSessions(userId: string): Promise<void> {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * The member typed their password again in this session (and only this one). The app's clock, like the
 * check that reads it (lib/auth/sudo.ts).
 */
export async function recordPasswordConfirmation(
  session: SessionSummary,
  userId: string,
  at = new Date(),
): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ passwordConfirmedAt: at })
    .where(and(eq(sessions.id, session.id), eq(sessions.userId, userId)));
}
