import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createAccount, createTeamWithOwner, firstTeamName, slugify } from "./teams";
import { teams, users } from "@/db/schema";
import { TeamName } from "./shared";

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

describe("the team a sign-up makes", () => {
  // Issue 26: "<name>'s team" from a 100-character name was up to 107 characters; every other team name is at most 64.
  it.each([
    ["a short name", "Nina Newcomer", "Nina's team"],
    ["100 letters without a space", "N".repeat(100), `${"N".repeat(57)}'s team`],
    ["100 emoji, each one character", "🚚".repeat(100), `${"🚚".repeat(57)}'s team`],
    ["flags, never cut in half", "🇫🇷".repeat(40), `${"🇫🇷".repeat(28)}'s team`],
    ["a first word that shows nothing", "\u200b Ada Lovelace", "Ada's team"],
    ["a letter under 60 accents", `e${"\u0301".repeat(60)}`, `e${"\u0301".repeat(56)}'s team`],
  ])("from %s obeys the team name rule", (_, personName, teamName) => {
    expect(firstTeamName(personName)).toBe(teamName);
    expect(TeamName.safeParse(teamName).success).toBe(true);
  });

  it("is stored within 64 characters for a 100-character name", async () => {
    const { team } = await createAccount({
      name: "Maximilianus".repeat(9).slice(0, 100),
      email: "long-name@example.com",
      password: "a-long-enough-password",
    });
    const [row] = await (await getDb()).select().from(teams).where(eq(teams.id, team.id));
    expect([...row.name]).toHaveLength(64);
    expect(row.name.endsWith("'s team")).toBe(true);
  });
});
