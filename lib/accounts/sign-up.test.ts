// Sign-up through the mailbox, with a real SMTP server: a new address gets the link that makes the
// account; an address with an account gets "someone tried" and nothing changes; nothing is made, and
// no token is stored in plain text, until the link is opened with the password chosen.
import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailVerifications, invitations, memberships, teams, users } from "@/db/schema";
import { inviteMember, revokeInvitation } from "@/lib/members";
import { listTeamsOfUser } from "@/lib/teams";
import { verifyPassword } from "@/lib/auth";
import { seededTeams, startTestMailbox, type SeededTeams } from "@/lib/testing";
import { finishSignUp, requestInvitationSignUp, requestSignUp } from "./sign-up";
import { findLink, LINK_TTL_MS } from "./links";

const ORIGIN = "https://app.ecourier.test";
const PASSWORD = "a-long-enough-password";
const LINK = /https:\/\/app\.ecourier\.test\/verify-email\/([A-Za-z0-9_-]{43})/;

let mailbox: Awaited<ReturnType<typeof startTestMailbox>>;
let seeded: SeededTeams;
let addressCount = 0;
/** Each call its own client address: wrong passwords count per address. */
const client = () => `198.51.100.${++addressCount}`;

beforeAll(async () => {
  seeded = await seededTeams();
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox.close());

/** The one message to `email`, and the token of its link (if it has one). */
async function onlyMailTo(email: string) {
  const mails = await mailbox.forAddress(email);
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  return { mail, token: LINK.exec(mail.text ?? "")?.[1] };
}

async function everything() {
  const db = await getDb();
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    teams: await db.select().from(teams).orderBy(asc(teams.id)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.teamId), asc(memberships.userId)),
    links: await db.select().from(emailVerifications).orderBy(asc(emailVerifications.id)),
  };
}

async function userByEmail(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row;
}

describe("signing up with a new address", () => {
  it("mails the link and makes nothing; the link and the password chosen make the verified account with its team, once", async () => {
    const email = "nina@example.com";
    await requestSignUp({ name: "Nina Newcomer", email: "Nina@Example.com", password: PASSWORD }, ORIGIN);

    expect(await userByEmail(email)).toBeUndefined();
    const { mail, token } = await onlyMailTo(email);
    expect(mail.subject).toBe("Finish creating your eCourier account");
    expect(mail.text).toContain("Hi Nina Newcomer,");
    expect(mail.text).toContain("The link works once, within 24 hours.");
    expect(token).toBeDefined();
    expect(mail.html).toContain(`${ORIGIN}/verify-email/${token}`);
    expect(mail.from?.text).toContain("no-reply@");

    // Wrong password: refused at the field, nothing made.
    await expect(finishSignUp(token!, "not-the-password-chosen", client())).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: ["This is not the password you chose when you signed up."] },
    });
    expect(await userByEmail(email)).toBeUndefined();

    const { team } = await finishSignUp(token!, PASSWORD, client());
    const user = await userByEmail(email);
    expect(user).toMatchObject({ name: "Nina Newcomer" });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await verifyPassword(email, PASSWORD)).toMatchObject({ id: user.id });
    expect((await listTeamsOfUser(user.id)).map((m) => [m.team.slug, m.role])).toEqual([[team.slug, "owner"]]);
    expect(team.name).toBe("Nina's team");

    // Once: the link now says it was used, and its row keeps no password hash.
    await expect(finishSignUp(token!, PASSWORD, client())).rejects.toMatchObject({
      code: "not_found",
      message: "This link was already used. Sign in with your email address and password.",
    });
    expect(await findLink(token!)).toMatchObject({ state: "used" });
    const db = await getDb();
    const [link] = await db.select().from(emailVerifications).where(eq(emailVerifications.email, email));
    expect(link.passwordHash).toBeNull();
  });

  it("stores the link's token only as its SHA-256 hash, and the password only as bcrypt", async () => {
    const email = "hash-only@example.com";
    await requestSignUp({ name: "Hal Hash", email, password: PASSWORD }, ORIGIN);
    const { token } = await onlyMailTo(email);
    const db = await getDb();
    const rows = await db.select().from(emailVerifications).where(eq(emailVerifications.email, email));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).toBe(createHash("sha256").update(token!).digest("hex"));
    expect(rows[0].passwordHash).toMatch(/^\$2[aby]\$10\$/);
    const stored = JSON.stringify(await db.select().from(emailVerifications));
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(PASSWORD);
  });

  it("a second sign-up for the same address replaces the first: only the newest link works", async () => {
    const email = "twice@example.com";
    await requestSignUp({ name: "First Try", email, password: PASSWORD }, ORIGIN);
    await requestSignUp({ name: "Second Try", email, password: "second-choice-of-password" }, ORIGIN);
    const mails = await mailbox.forAddress(email);
    expect(mails).toHaveLength(2);
    const [first, second] = mails.map((m) => LINK.exec(m.text ?? "")![1]);
    await expect(finishSignUp(first, PASSWORD, client())).rejects.toMatchObject({ code: "not_found" });
    expect(await userByEmail(email)).toBeUndefined();
    await finishSignUp(second, "second-choice-of-password", client());
    expect(await userByEmail(email)).toMatchObject({ name: "Second Try" });
  });

  it("an expired link says so and makes nothing", async () => {
    const email = "late@example.com";
    await requestSignUp({ name: "Lee Late", email, password: PASSWORD }, ORIGIN);
    const { token } = await onlyMailTo(email);
    const db = await getDb();
    await db
      .update(emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - LINK_TTL_MS - 1000) })
      .where(eq(emailVerifications.email, email));
    await expect(finishSignUp(token!, PASSWORD, client())).rejects.toMatchObject({
      code: "not_found",
      message: "This link has expired: links work for 24 hours. Sign up again to get a new one.",
    });
    expect(await userByEmail(email)).toBeUndefined();
  });

  it("one link sent twice at once makes one account", async () => {
    const email = "racing@example.com";
    await requestSignUp({ name: "Rae Racing", email, password: PASSWORD }, ORIGIN);
    const { token } = await onlyMailTo(email);
    const results = await Promise.allSettled([
      finishSignUp(token!, PASSWORD, client()),
      finishSignUp(token!, PASSWORD, client()),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});

describe("signing up with an address that has an account", () => {
  it("mails 'someone tried' with no link that makes anything, and changes nothing", async () => {
    const before = await everything();
    await requestSignUp({ name: "Mallory Squatter", email: "owner@example.com", password: PASSWORD }, ORIGIN);
    const { mail, token } = await onlyMailTo("owner@example.com");
    expect(mail.subject).toBe("Someone tried to create an account with your address");
    expect(mail.text).toContain("Hi Olivia Owner,"); // the account's own name, not the one typed
    expect(mail.text).toContain(`${ORIGIN}/login`);
    expect(token).toBeUndefined();
    expect(mail.text).not.toContain("/verify-email/");
    expect(mail.html).not.toContain("/verify-email/");
    expect(await everything()).toEqual(before);
    expect(await verifyPassword("owner@example.com", PASSWORD)).toBeNull();
  });
});

describe("accepting an invitation as a new person", () => {
  it("mails the invited address; the link and the password make the verified account inside the team, with no team of its own", async () => {
    const email = "ivy@example.com";
    const { token: invitationToken, invitation } = await inviteMember(seeded.owner, { email, role: "developer" });
    const answer = await requestInvitationSignUp(invitationToken, { name: "Ivy Invitee", password: PASSWORD }, ORIGIN);
    expect(answer).toMatchObject({ email, team: { slug: "acme" } });
    expect(await userByEmail(email)).toBeUndefined();

    const { mail, token } = await onlyMailTo(email);
    expect(mail.subject).toBe("Finish joining Acme Logistics on eCourier");
    expect(await findLink(token!)).toMatchObject({ state: "open", kind: "sign_up", team: { slug: "acme" } });

    const { team } = await finishSignUp(token!, PASSWORD, client());
    expect(team.slug).toBe("acme");
    const user = await userByEmail(email);
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await listTeamsOfUser(user.id)).map((m) => [m.team.slug, m.role])).toEqual([["acme", "developer"]]);
    const db = await getDb();
    const [row] = await db.select().from(invitations).where(eq(invitations.id, invitation.id));
    expect(row.acceptedAt).toBeInstanceOf(Date);
  });

  it("makes nothing when the invitation was revoked before the link was opened", async () => {
    const email = "revoked-first@example.com";
    const { token: invitationToken, invitation } = await inviteMember(seeded.owner, { email, role: "developer" });
    await requestInvitationSignUp(invitationToken, { name: "Rita Revoked", password: PASSWORD }, ORIGIN);
    const { token } = await onlyMailTo(email);
    await revokeInvitation(seeded.owner, { id: invitation.id });
    const before = await everything();
    await expect(finishSignUp(token!, PASSWORD, client())).rejects.toMatchObject({ code: "not_found" });
    expect(await everything()).toEqual(before);
  });

  it("refuses an unknown invitation before hashing anything, and an address that has an account", async () => {
    await expect(
      requestInvitationSignUp("x".repeat(43), { name: "Nobody", password: PASSWORD }, ORIGIN),
    ).rejects.toMatchObject({ code: "not_found" });
    const { token } = await inviteMember(seeded.globexOwner, { email: "owner@example.com", role: "developer" });
    await expect(
      requestInvitationSignUp(token, { name: "Olivia Again", password: PASSWORD }, ORIGIN),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});

describe("a new password", () => {
  it.each([["aaaaaaaaaa"], ["0000000000"], ["abcdefghij"], ["pat.password@example.com"]])(
    "%s is refused at the field with zxcvbn's feedback, and nothing is mailed",
    async (password) => {
      const email = "pat.password@example.com";
      await expect(requestSignUp({ name: "Pat Password", email, password }, ORIGIN)).rejects.toMatchObject({
        code: "invalid_input",
        fieldErrors: { password: [expect.stringMatching(/easy to guess|personal or page related data/)] },
      });
      expect(await mailbox.forAddress(email)).toHaveLength(0);
    },
  );
});
