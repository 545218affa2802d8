// The per-request user read: the cookie names a session row, and only a live row signs anyone in.
// Auth.js is stood in for by what its auth() returns for a cookie; the rows are real.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { sessions } from "@/db/schema";
import { endAllSessions, endSession, startSession } from "@/lib/auth/sessions";
import { seededTeams } from "@/lib/testing";
import { getCurrentUser } from "./current-user";

const cookie = vi.hoisted(() => ({ session: null as { user: { id: string }; sessionId?: string } | null }));
vi.mock("./auth-js", () => ({ auth: async () => cookie.session }));

let owner: string;
let viewer: string;

beforeAll(async () => {
  const { users } = await seededTeams();
  [owner, viewer] = [users.owner.id, users.viewer.id];
});

/** What a browser holding the cookie of this session is. */
function holdCookieOf(sessionId: string | undefined, userId = owner) {
  cookie.session = { user: { id: userId }, ...(sessionId ? { sessionId } : {}) };
}

describe("the signed-in user of a request", () => {
  it("is the session's user while its row lives, and nobody once the row is deleted (sign out)", async () => {
    const sid = await startSession(owner);
    holdCookieOf(sid);
    await expect(getCurrentUser()).resolves.toMatchObject({
      id: owner,
      email: "owner@example.com",
      session: { id: sid, passwordConfirmedAt: null },
    });
    await endSession(sid);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("is nobody for a cookie issued before sessions had rows (no session id)", async () => {
    holdCookieOf(undefined);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("is nobody once the session has expired", async () => {
    const sid = await startSession(owner);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(sessions.id, sid));
    holdCookieOf(sid);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("is nobody when the cookie pairs a session with another user", async () => {
    holdCookieOf(await startSession(owner), viewer);
    await expect(getCurrentUser()).resolves.toBeNull();
  });

  it("signing out of all devices ends every session of the user, and only theirs", async () => {
    const laptop = await startSession(owner);
    const phone = await startSession(owner);
    const someoneElse = await startSession(viewer);
    await endAllSessions(owner);
    for (const sid of [laptop, phone]) {
      holdCookieOf(sid);
      await expect(getCurrentUser()).resolves.toBeNull();
    }
    holdCookieOf(someoneElse, viewer);
    await expect(getCurrentUser()).resolves.toMatchObject({ email: "viewer@example.com" });
  });
});
