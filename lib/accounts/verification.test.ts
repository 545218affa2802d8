// An account that has not proved its address (made before sign-up needed a link) joins no team by
// invitation until it does; "Send verification link" mails the way out, with a real SMTP server.
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { invitations, memberEvents, memberships, users } from "@/db/schema";
import { acceptInvitation, EMAIL_NOT_VERIFIED, inviteMember } from "@/lib/members";
import { createAccount, listTeamsOfUser } from "@/lib/teams";
import { seededTeams, startTestMailbox, type SeededTeams } from "@/lib/testing";
import { sendVerificationLink, verifyEmail } from "./verification";

const ORIGIN = "https://app.ecourier.test";
const LINK = /https:\/\/app\.ecourier\.test\/verify-email\/([A-Za-z0-9_-]{43})/;

let mailbox: Awaited<ReturnType<typeof startTestMailbox>>;
let seeded: SeededTeams;

beforeAll(async () => {
  seeded = await seededTeams();
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox.close());

/** An account as sign-up made them before verification existed: no verified address. */
async function unverifiedAccount(email: string, name: string) {
  const { user } = await createAccount({ name, email, password: "an-older-long-password" });
  return { ...user, emailVerified: false };
}

async function snapshot() {
  const db = await getDb();
  return {
    users: await db.select().from(users).orderBy(asc(users.id)),
    memberships: await db.select().from(memberships).orderBy(asc(memberships.teamId), asc(memberships.userId)),
    invitations: await db.select().from(invitations).orderBy(asc(invitations.id)),
    events: await db.select().from(memberEvents).orderBy(asc(memberEvents.id)),
  };
}

async function linkTo(email: string) {
  const mails = await mailbox.forAddress(email);
  return { mails, token: LINK.exec(mails.at(-1)?.text ?? "")?.[1] };
}

describe("an unverified account and an invitation to its address", () => {
  it("is refused, and nothing changes; once the address is verified by the mailed link, accepting works", async () => {
    const squat = await unverifiedAccount("real.person@example.com", "Sam Squatter");
    const { token: invitation } = await inviteMember(seeded.owner, { email: squat.email, role: "admin" });

    const before = await snapshot();
    await expect(acceptInvitation({ userId: squat.id }, invitation)).rejects.toMatchObject({
      code: "forbidden",
      message: EMAIL_NOT_VERIFIED,
    });
    expect(await snapshot()).toEqual(before);

    expect(await sendVerificationLink(squat, {}, ORIGIN)).toEqual({ sentTo: squat.email });
    const { mails, token } = await linkTo(squat.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe("Verify your email address");
    expect(await verifyEmail(token!)).toEqual({ email: squat.email, team: null, invitationGone: false });
    const db = await getDb();
    const [row] = await db.select().from(users).where(eq(users.id, squat.id));
    expect(row.emailVerifiedAt).toBeInstanceOf(Date);

    expect(await acceptInvitation({ userId: squat.id }, invitation)).toMatchObject({ slug: "acme" });
    expect((await listTeamsOfUser(squat.id)).map((m) => [m.team.slug, m.role])).toContainEqual(["acme", "admin"]);
  });

  it("asked from the invitation's page, the link verifies and joins at once; it works once", async () => {
    const person = await unverifiedAccount("from-invite@example.com", "Fay Frominvite");
    const { token: invitation } = await inviteMember(seeded.owner, { email: person.email, role: "developer" });
    await sendVerificationLink(person, { invitation }, ORIGIN);
    const { mails, token } = await linkTo(person.email);
    expect(mails[0].subject).toBe("Verify your email address to join Acme Logistics");

    const { team } = await verifyEmail(token!);
    expect(team).toMatchObject({ slug: "acme" });
    expect((await listTeamsOfUser(person.id)).map((m) => [m.team.slug, m.role])).toContainEqual(["acme", "developer"]);
    await expect(verifyEmail(token!)).rejects.toMatchObject({ code: "not_found" });
  });

  it("cannot name someone else's invitation", async () => {
    const person = await unverifiedAccount("nosy@example.com", "Ned Nosy");
    const { token: invitation } = await inviteMember(seeded.owner, { email: "other@example.com", role: "developer" });
    await expect(sendVerificationLink(person, { invitation }, ORIGIN)).rejects.toMatchObject({ code: "forbidden" });
    expect(await mailbox.forAddress(person.email)).toHaveLength(0);
  });

  it("asking again within a minute sends no second message; a verified address is told it is verified", async () => {
    const person = await unverifiedAccount("impatient@example.com", "Ira Impatient");
    await sendVerificationLink(person, {}, ORIGIN);
    await expect(sendVerificationLink(person, {}, ORIGIN)).rejects.toMatchObject({ code: "throttled" });
    expect(await mailbox.forAddress(person.email)).toHaveLength(1);
    await expect(
      sendVerificationLink({ ...seeded.users.owner, emailVerified: true }, {}, ORIGIN),
    ).rejects.toMatchObject({ code: "conflict" });
  });
});
