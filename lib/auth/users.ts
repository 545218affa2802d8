// Users: password checks and account creation. Passwords are bcrypt hashes; nothing else is.
import "server-only";
import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { users } from "@/db/schema";
import { AppError } from "@/lib/platform";

export type UserSummary = { id: string; email: string; name: string };

const BCRYPT_COST = 10;
// Compared against when the email is unknown, so both failures take the same time.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password", BCRYPT_COST);

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** The user when the password matches; null otherwise, after the same bcrypt work either way. */
export async function verifyPassword(email: string, password: string): Promise<UserSummary | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normaliseEmail(email)));
  const ok = await bcrypt.compare(password, row?.passwordHash ?? DUMMY_HASH);
  return row && ok ? { id: row.id, email: row.email, name: row.name } : null;
}

/** Hashed before any transaction opens: bcrypt takes tens of milliseconds and should hold no lock. */
export const hashPassword = (password: string) => bcrypt.hash(password, BCRYPT_COST);

/** Whether `password` is the one `passwordHash` was made from (a sign-up's link asks for it again). */
export const passwordMatches = (password: string, passwordHash: string) => bcrypt.compare(password, passwordHash);

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead.";

/**
 * Inserts a user with an email nobody has yet (a conflict with field errors otherwise).
 * `emailVerifiedAt`: when the address was proved (a sign-up's link); unset, the account is unverified.
 */
export async function insertUser(
  tx: Tx,
  input: { name: string; email: string; passwordHash: string; emailVerifiedAt?: Date | null },
): Promise<UserSummary> {
  const email = normaliseEmail(input.email);
  const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (taken) throw new AppError("conflict", EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
  const [user] = await tx
    .insert(users)
    .values({
      email,
      name: input.name,
      passwordHash: input.passwordHash,
      emailVerifiedAt: input.emailVerifiedAt ?? null,
    })
    .returning({ id: users.id, email: users.email, name: users.name });
  return user;
}
