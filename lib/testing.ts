// Test-only helpers for the integration tests: the seeded demo teams and members' accesses, and a
// mailbox that receives what the product sends.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { mailInFlight } from "@/lib/platform";
import { getDb } from "@/db";
import { sessions, teams, users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { seedDemoData } from "@/db/seed";
import type { Permission } from "@/lib/teams/shared";
import type { SessionSummary, UserSummary } from "@/lib/auth";
import { requirePermission, resolveTeamAccess, type TeamAccess } from "@/lib/teams";
import type { Environment } from "@/lib/platform/shared";

/** A session whose member has just confirmed their password: what tests not about sudo mode act with. */
/** Sets when a session last confirmed its password ("Confirm your password"), as a clock would have it. */
export async function confirmedMinutesAgo(sessionId: string, minutes: number): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ passwordConfirmedAt: new Date(Date.now() - minutes * 60_000) })
    .where(eq(sessions.id, sessionId));
}

export const justConfirmedSession = (): SessionSummary => ({
  id: "00000000-0000-4000-8000-000000000000",
  passwordConfirmedAt: new Date(),
});

/**
 * The TeamAccess a member gets from the action wrapper or a page: their membership, read from the
 * database, with their session (by default one that has just confirmed the password; pass `session`
 * to test sudo mode).
 */
export function accessFor(
  actor: { userId: string; session?: SessionSummary | null },
  teamSlug: string,
  environment: Environment = "test",
): Promise<TeamAccess> {
  return resolveTeamAccess(
    actor.userId,
    teamSlug,
    environment,
    actor.session === undefined ? justConfirmedSession() : actor.session,
  );
}

/** Resolves the access and checks one permission, as a domain function would: the member's access, or the refusal. */
export async function authorizedAccess(
  actor: { userId: string; session?: SessionSummary | null },
  teamSlug: string,
  permission: Permission,
  environment: Environment = "test",
): Promise<TeamAccess> {
  const access = await accessFor(actor, teamSlug, environment);
  requirePermission(access, permission);
  return access;
}

/** A demo member, by the part of their email before "@": owner, admin, developer, viewer, globex. */
export type DemoMember = "owner" | "admin" | "developer" | "viewer" | "globex";

export type SeededTeams = {
  /** Each demo member's user row (id, email, name). */
  users: Record<DemoMember, UserSummary>;
  /** The demo teams' ids. */
  teams: { acme: string; globex: string };
  /** Acme's Owner in Test and in Live, Admin and Read-only member in Test; Globex's Owner in Test. */
  owner: TeamAccess;
  ownerLive: TeamAccess;
  admin: TeamAccess;
  viewer: TeamAccess;
  globexOwner: TeamAccess;
  /** Any member's access to a team and environment (a session that has just confirmed the password unless given). */
  accessOf(
    member: DemoMember,
    team?: "acme" | "globex",
    environment?: Environment,
    session?: SessionSummary | null,
  ): Promise<TeamAccess>;
};

/**
 * The one set-up of an integration test: the demo data seeded (once per database; later calls find it
 * there), then the demo members and their accesses, read from the database as a request would.
 */
export async function seededTeams(): Promise<SeededTeams> {
  const db = await getDb();
  await seedDemoData(db);
  const rows = await db.select({ id: users.id, email: users.email, name: users.name }).from(users);
  const byName = Object.fromEntries(rows.map((u) => [u.email.split("@")[0], u])) as Record<DemoMember, UserSummary>;
  const teamRows = await db.select({ id: teams.id, slug: teams.slug }).from(teams);
  const teamId = (slug: string) => teamRows.find((t) => t.slug === slug)!.id;
  const accessOf: SeededTeams["accessOf"] = (member, team = "acme", environment = "test", session) =>
    accessFor({ userId: byName[member].id, session }, team, environment);
  return {
    users: byName,
    teams: { acme: teamId("acme"), globex: teamId("globex") },
    owner: await accessOf("owner"),
    ownerLive: await accessOf("owner", "acme", "live"),
    admin: await accessOf("admin"),
    viewer: await accessOf("viewer"),
    globexOwner: await accessOf("globex", "globex"),
    accessOf,
  };
}

/** A message the test mailbox received, as mailparser read it. */
export type ReceivedMail = ParsedMail & { toAddresses: string[] };

/**
 * A real SMTP server for a test file (smtp-server), with SMTP_URL pointed at it until `close()`: what
 * the product sends arrives here and is read with mailparser. `forAddress` waits for the messages
 * started so far (lib/platform/mail.ts sends in the background) and returns those to one address.
 */
export async function startTestMailbox() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    closeTimeout: 500, // a connection still open at the end of the file is cut, not waited for 30 s
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [];
          received.push(Object.assign(mail, { toAddresses: to.flatMap((a) => a.value.map((v) => v.address ?? "")) }));
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const previous = process.env.SMTP_URL;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  return {
    received,
    async forAddress(address: string): Promise<ReceivedMail[]> {
      await mailInFlight();
      return received.filter((mail) => mail.toAddresses.includes(address));
    },
    async close() {
      if (previous === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = previous;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
