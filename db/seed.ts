// Demo data (README "Quick start"), written only into an empty database.
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import type { Db } from "./";
import { memberships, teams, users } from "./schema";

export const DEMO_PASSWORD = "demo-password";

export const demoTeams = [
  { slug: "acme", name: "Acme Logistics" },
  { slug: "globex", name: "Globex Freight" },
] as const;

type DemoRole = "owner" | "admin" | "developer" | "read_only";

export const demoUsers: { email: string; name: string; roles: Partial<Record<"acme" | "globex", DemoRole>> }[] = [
  { email: "owner@example.com", name: "Olivia Owner", roles: { acme: "owner" } },
  { email: "admin@example.com", name: "Adam Admin", roles: { acme: "admin" } },
  { email: "developer@example.com", name: "Dana Developer", roles: { acme: "developer", globex: "read_only" } },
  { email: "viewer@example.com", name: "Victor Viewer", roles: { acme: "read_only" } },
  { email: "globex@example.com", name: "Grace Globex", roles: { globex: "owner" } },
];

/** Seeds the demo teams and users when the database has no users. Returns whether it wrote anything. */
export async function seedDemoData(db: Db): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Serialise concurrent seeders on PostgreSQL; harmless on PGlite.
    await tx.execute(sql`select pg_advisory_xact_lock(4242002)`);
    const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if (count > 0) return false;

    const teamRows = await tx
      .insert(teams)
      .values([...demoTeams])
      .returning();
    const teamIdBySlug = new Map(teamRows.map((t) => [t.slug, t.id]));
    const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
    const userRows = await tx
      .insert(users)
      // The demo's addresses count as verified: they can accept invitations at once (docs/decisions/016).
      .values(demoUsers.map(({ email, name }) => ({ email, name, passwordHash, emailVerifiedAt: new Date() })))
      .returning();
    const userIdByEmail = new Map(userRows.map((u) => [u.email, u.id]));
    await tx.insert(memberships).values(
      demoUsers.flatMap((u) =>
        Object.entries(u.roles).map(([slug, role]) => ({
          teamId: teamIdBySlug.get(slug)!,
          userId: userIdByEmail.get(u.email)!,
          role: role!,
        })),
      ),
    );
    return true;
  });
}
