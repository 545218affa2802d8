import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { memberships, teams, users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";
import { listTeamsOfUser } from "./access";
import { authorizedAccess } from "@/lib/testing";

async function idsOf(email: string, slug: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const [team] = await db.select().from(teams).where(eq(teams.slug, slug));
  return { userId: user.id, teamId: team.id };
}

describe("membership and role are read from the database on every call", () => {
  beforeAll(async () => {
    await seedDemoData(await getDb());
  });

  it("lists exactly the user's teams", async () => {
    const { userId } = await idsOf("developer@example.com", "acme");
    expect((await listTeamsOfUser(userId)).map((m) => [m.team.slug, m.role])).toEqual([
      ["acme", "developer"],
      ["globex", "read_only"],
    ]);
    const viewer = await idsOf("viewer@example.com", "acme");
    expect((await listTeamsOfUser(viewer.userId)).map((m) => m.team.slug)).toEqual(["acme"]);
  });

  it("refuses a non-member as not found, without revealing the team", async () => {
    const { userId } = await idsOf("globex@example.com", "acme");
    await expect(authorizedAccess({ userId }, "acme", "credentials:view")).rejects.toMatchObject({ code: "not_found" });
    await expect(authorizedAccess({ userId }, "no-such-team", "credentials:view")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("answers a slug with a NUL or a line break as not found, not as a failed query", async () => {
    const { userId } = await idsOf("owner@example.com", "acme");
    for (const slug of ["acme\u0000", "ac\nme"]) {
      await expect(authorizedAccess({ userId }, slug, "credentials:view")).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("sees a role change and a removal on the very next call", async () => {
    const db = await getDb();
    const { userId, teamId } = await idsOf("developer@example.com", "acme");
    const mine = and(eq(memberships.userId, userId), eq(memberships.teamId, teamId));

    await expect(authorizedAccess({ userId }, "acme", "credentials:manage")).resolves.toMatchObject({
      role: "developer",
    });

    await db.update(memberships).set({ role: "read_only" }).where(mine);
    await expect(authorizedAccess({ userId }, "acme", "credentials:manage")).rejects.toMatchObject({
      code: "forbidden",
    });
    await expect(authorizedAccess({ userId }, "acme", "credentials:view")).resolves.toMatchObject({
      role: "read_only",
    });

    await db.update(memberships).set({ role: "admin" }).where(mine);
    await expect(authorizedAccess({ userId }, "acme", "members:manage")).resolves.toMatchObject({ role: "admin" });

    await db.delete(memberships).where(mine);
    await expect(authorizedAccess({ userId }, "acme", "credentials:view")).rejects.toMatchObject({ code: "not_found" });
  });
});
