// Accepting an invitation as a new person: the name and password follow the sign-up rules, and the
// answer is a link mailed to the invited address, not an account.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { inviteMember } from "@/lib/members/invitations";
import { seededTeams, startTestMailbox } from "@/lib/testing";
import { PLAIN_TEXT_MESSAGE } from "@/lib/platform/shared/text";
import { acceptAsNewUserAction } from "./actions";

vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));
// Each call its own client address, so these tests do not spend one another's sign-up budget.
let clients = 0;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `192.0.2.${++clients % 250}` }),
}));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => null }));

let token = "";
let mailbox: Awaited<ReturnType<typeof startTestMailbox>>;

beforeAll(async () => {
  const { owner } = await seededTeams();
  ({ token } = await inviteMember(owner, { email: "invitee@example.com", role: "developer" }));
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox.close());

function form(fields: { name?: string; password?: string }) {
  const data = new FormData();
  for (const [key, value] of Object.entries({
    token,
    name: "Ivy Invitee",
    password: "invitee-password-123",
    ...fields,
  }))
    data.set(key, value);
  return data;
}

describe("accept an invitation as a new person", () => {
  it("refuses a name with a NUL as a field error", async () => {
    const state = await acceptAsNewUserAction(null, form({ name: "Ivy\u0000Invitee" }));
    expect(state?.fieldErrors?.name).toEqual([PLAIN_TEXT_MESSAGE]);
  });

  it("refuses a common password and one over 72 bytes", async () => {
    expect((await acceptAsNewUserAction(null, form({ password: "1234567890" })))?.fieldErrors?.password).toEqual([
      "This password is too common. Choose another.",
    ]);
    expect((await acceptAsNewUserAction(null, form({ password: "ü".repeat(40) })))?.fieldErrors?.password).toEqual([
      "Use at most 72 bytes (about 72 letters; fewer with accents or emoji).",
    ]);
  });

  it("refuses a password too easy to guess for this person, with zxcvbn's feedback", async () => {
    const state = await acceptAsNewUserAction(null, form({ password: "invitee@example.com" }));
    expect(state?.fieldErrors?.password).toEqual([expect.stringMatching(/personal or page related data/)]);
  });

  it("with a good name and password, mails the invited address the link that creates the account", async () => {
    expect(await acceptAsNewUserAction(null, form({}))).toEqual({ message: "", sentTo: "invitee@example.com" });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "invitee@example.com"))).toHaveLength(0);
    expect((await mailbox.forAddress("invitee@example.com")).map((m) => m.subject)).toEqual([
      "Finish joining Acme Logistics on eCourier",
    ]);
  });
});
