// Teams: creation with a unique URL slug and an owner.
import "server-only";
import { like } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { memberships, teams } from "@/db/schema";
import { hashPassword, insertUser } from "@/lib/auth";
import { characterCount, hasVisibleCharacter } from "@/lib/platform/shared";
import { TEAM_NAME_MAX_LENGTH } from "./shared";

export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "team";
}

// Slugs that name a page under /dashboard rather than a team: a team with one would be unreachable.
const RESERVED_SLUGS = new Set(["new-team"]);

/** Creates a team whose slug is derived from its name (suffixed -2, -3… when taken) and makes userId its owner. */
export async function createTeamWithOwner(tx: Tx, name: string, userId: string) {
  const base = slugify(name);
  const existing = new Set(
    (
      await tx
        .select({ slug: teams.slug })
        .from(teams)
        .where(like(teams.slug, `${base}%`))
    ).map((t) => t.slug),
  );
  let slug = base;
  for (let n = 2; existing.has(slug) || RESERVED_SLUGS.has(slug); n++) slug = `${base}-${n}`;
  const [team] = await tx
    .insert(teams)
    .values({ slug, name })
    .returning({ id: teams.id, slug: teams.slug, name: teams.name });
  await tx.insert(memberships).values({ teamId: team.id, userId, role: "owner" });
  return team;
}

/** "Create team": any signed-in user may; they become its Owner. */
export async function createTeam(userId: string, name: string) {
  const db = await getDb();
  return db.transaction((tx) => createTeamWithOwner(tx, name, userId));
}

const FIRST_TEAM_SUFFIX = "'s team";

/**
 * The team a new account starts with: "<first name>'s team", the first name being the first word that
 * shows. Cut, at a whole character as a reader sees one (an emoji with its modifiers, a letter with its
 * accents), so that it fits TeamName's limit like any other team name.
 */
export function firstTeamName(personName: string): string {
  const words = personName.trim().split(/\s+/);
  const first = words.find(hasVisibleCharacter) ?? words[0];
  const room = TEAM_NAME_MAX_LENGTH - characterCount(FIRST_TEAM_SUFFIX);
  let kept = "";
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(first)) {
    if (characterCount(kept + segment) > room) break;
    kept += segment;
  }
  // One "character" longer than the room (a letter under dozens of accents): cut inside it rather than drop it.
  if (!kept) kept = [...first].slice(0, room).join("");
  return `${kept}${FIRST_TEAM_SUFFIX}`;
}

/**
 * An account: the user and a first team they own, in the caller's transaction. Sign-up's last step
 * (lib/accounts, when the mailed link is used, with the address verified).
 */
export async function insertAccount(
  tx: Tx,
  input: { name: string; email: string; passwordHash: string; emailVerifiedAt: Date | null },
) {
  const user = await insertUser(tx, input);
  const team = await createTeamWithOwner(tx, firstTeamName(input.name), user.id);
  return { user, team };
}

/** An account at once, unverified, in one transaction: for tests and scripts (people sign up through lib/accounts). */
export async function createAccount(input: { name: string; email: string; password: string }) {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => insertAccount(tx, { ...input, passwordHash, emailVerifiedAt: null }));
}
