import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { memberships } from "@/db/schema";
import { listTeamsOfUser } from "./access";
import { authorizedAccess, seededTeams, type SeededTeams } from "@/lib/testing";

let seeded: SeededTeams;

describe("membership and role are read from the database on every call", () => {
  beforeAll(async () => {
    seeded = await seededTeams();
  });

  it("lists exactly the user's teams", async () => {
    const userId = seeded.users.developer.id;
    expect((await listTeamsOfUser(userId)).map((m) => [m.team.slug, m.role])).toEqual([
      ["acme", "developer"],
      ["globex", "read_only"],
    ]);
    const viewer = { userId: seeded.users.viewer.id };
    expect((await listTeamsOfUser(viewer.userId)).map((m) => m.team.slug)).toEqual(["acme"]);
  });

  it("refuses a non-member as not found, without revealing the team", async () => {
    const userId = seeded.users.globex.id;
    await expect(authorizedAccess({ userId }, "acme", "credentials:view")).rejects.toMatchObject({ code: "not_found" });
    await expect(authorizedAccess({ userId }, "no-such-team", "credentials:view")).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("answers a slug with a NUL or a line break as not found, not as a failed query", async () => {
    const userId = seeded.users.owner.id;
    for (const slug of ["acme\u0000", "ac\nme"]) {
      await expect(authorizedAccess({ userId }, slug, "credentials:view")).rejects.toMatchObject({ code: "not_found" });
    }
  });

  it("sees a role change and a removal on the very next call", async () => {
    const db = await getDb();
    const [userId, teamId] = [seeded.users.developer.id, seeded.teams.acme];
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
