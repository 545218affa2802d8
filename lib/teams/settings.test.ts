// Settings → Security: every member reads the team's leak response; only Owners and Admins change
// it, and only for their own team.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { teams } from "@/db/schema";
import { getLeakResponse, setLeakResponse } from "./settings";
import { seededTeams, type SeededTeams } from "@/lib/testing";

let accessOf: SeededTeams["accessOf"];

async function stored(slug: string) {
  const db = await getDb();
  const [team] = await db.select({ leakResponse: teams.leakResponse }).from(teams).where(eq(teams.slug, slug));
  return team.leakResponse;
}

beforeAll(async () => {
  ({ accessOf } = await seededTeams());
});

describe("what happens to a token found in public", () => {
  it("is “Revoke it and notify” until changed, and every member may read it", async () => {
    for (const who of ["owner", "admin", "developer", "viewer"] as const) {
      expect(await getLeakResponse(await accessOf(who, "acme", "test"))).toBe("revoke");
    }
  });

  it("Owners and Admins change it for their team only, in both environments", async () => {
    expect(await setLeakResponse(await accessOf("owner", "acme", "test"), "notify")).toBe("notify");
    expect(await stored("acme")).toBe("notify");
    expect(await getLeakResponse(await accessOf("viewer", "acme", "live"))).toBe("notify");
    // Another team's setting is untouched.
    expect(await stored("globex")).toBe("revoke");

    expect(await setLeakResponse(await accessOf("admin", "acme", "live"), "revoke")).toBe("revoke");
    expect(await stored("acme")).toBe("revoke");
    expect(await stored("globex")).toBe("revoke");
  });

  it("Developers and Read-only members are refused and change nothing", async () => {
    // developer@example.com is a Developer in Acme and Read-only in Globex.
    for (const [who, team] of [
      ["developer", "acme"],
      ["viewer", "acme"],
      ["developer", "globex"],
    ] as const) {
      await expect(setLeakResponse(await accessOf(who, team, "test"), "notify")).rejects.toMatchObject({
        code: "forbidden",
      });
    }
    expect(await stored("acme")).toBe("revoke");
    expect(await stored("globex")).toBe("revoke");
  });

  it("a non-member never gets as far as the setting", async () => {
    await expect(accessOf("globex", "acme", "test")).rejects.toMatchObject({ code: "not_found" });
  });
});
