import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { teams } from "@/db/schema";
import { listTeamsOfUser } from "@/lib/teams/access";
import type { UserSummary } from "@/lib/auth/users";
import { seededTeams } from "@/lib/testing";
import { createTeamAction } from "./actions";

const session = vi.hoisted(() => ({ user: null as UserSummary | null }));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => session.user }));

describe("create a team", () => {
  beforeAll(async () => {
    session.user = (await seededTeams()).users.viewer;
  });

  it("any signed-in user, even a Read-only member elsewhere, creates one and becomes its Owner", async () => {
    const result = await createTeamAction({ name: "  Acme Logistics " });
    expect(result).toMatchObject({ ok: true, data: { slug: "acme-logistics", name: "Acme Logistics" } });
    const again = await createTeamAction({ name: "Acme Logistics" });
    expect(again).toMatchObject({ ok: true, data: { slug: "acme-logistics-2" } });
    expect((await listTeamsOfUser(session.user!.id)).map((m) => [m.team.slug, m.role])).toEqual([
      ["acme", "read_only"],
      ["acme-logistics", "owner"],
      ["acme-logistics-2", "owner"],
    ]);
  });

  it("never takes a slug that names a dashboard page", async () => {
    expect(await createTeamAction({ name: "New team" })).toMatchObject({ ok: true, data: { slug: "new-team-2" } });
  });

  it.each([
    ["U+0001", "Acme\u0001"],
    ["a newline", "Acme\nLogistics"],
    ["DEL", "Acme\u007f"],
    ["a NUL", "Acme\u0000"],
    ["a right-to-left override", "Acme\u202Escitsigol"],
  ])("refuses a name with %s as a field error, creating nothing", async (_, name) => {
    const db = await getDb();
    const before = await db.select().from(teams);
    expect(await createTeamAction({ name })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: ["Use letters, numbers and punctuation only (no control characters)."] },
    });
    expect(await db.select().from(teams)).toEqual(before);
  });

  it.each([
    ["a zero-width space", "\u200b", "Use at least one visible letter, number or symbol."],
    ["Hangul fillers", "\u3164\u3164", "Use at least one visible letter, number or symbol."],
    ["a soft hyphen", "\u00ad", "Use at least one visible letter, number or symbol."],
    ["direction marks", "\u200e\u200f\u061c", "Use at least one visible letter, number or symbol."],
    ["a lone surrogate", "A\ud800Z", "Remove the broken character (an unpaired UTF-16 surrogate)."],
    ["65 characters", "🚚".repeat(65), "Use at most 64 characters."],
  ])("refuses a name made of %s as a field error, creating nothing", async (_, name, message) => {
    const db = await getDb();
    const before = await db.select().from(teams);
    expect(await createTeamAction({ name })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: [message] },
    });
    expect(await db.select().from(teams)).toEqual(before);
  });

  it("needs a name and a session", async () => {
    const db = await getDb();
    const before = await db.select().from(teams);
    expect(await createTeamAction({ name: "   " })).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { name: ["Enter a name."] },
    });
    const signedIn = session.user;
    session.user = null;
    expect(await createTeamAction({ name: "Sneaky" })).toMatchObject({ ok: false, code: "unauthenticated" });
    session.user = signedIn;
    expect(await db.select().from(teams)).toEqual(before);
  });
});
