import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createTeamWithOwner, slugify } from "./teams";
import { users } from "@/db/schema";

describe("team slugs", () => {
  it("are lower-case words joined by dashes", () => {
    expect(slugify("Nina's team")).toBe("ninas-team");
    expect(slugify("  Ünïcode & Co. Freight!  ")).toBe("unicode-co-freight");
    expect(slugify("!!!")).toBe("team");
  });

  it("stay unique by taking the next free number", async () => {
    const db = await getDb();
    const [user] = await db
      .insert(users)
      .values({ email: "slug@example.com", name: "S", passwordHash: "x" })
      .returning();
    const slugs = [];
    for (let i = 0; i < 3; i++)
      slugs.push((await db.transaction((tx) => createTeamWithOwner(tx, "Acme", user.id))).slug);
    expect(slugs).toEqual(["acme", "acme-2", "acme-3"]);
  });
});
