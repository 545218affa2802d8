// Sign-up's answers: what a person sees for each mistake, that nothing reaches the database until the
// input is valid, and that the answer is the same whether or not the address has an account.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { emailVerifications, users } from "@/db/schema";
import { PLAIN_TEXT_MESSAGE } from "@/lib/platform/shared/text";
import { seededTeams, startTestMailbox } from "@/lib/testing";
import { signUp } from "./actions";

vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));
// Each call its own client address, so these tests do not spend one another's sign-up budget.
let clients = 0;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `192.0.2.${++clients % 250}` }),
}));

function form(fields: { name?: string; email?: string; password?: string }) {
  const data = new FormData();
  for (const [key, value] of Object.entries({
    name: "Nina Newcomer",
    email: "nina@example.com",
    password: "a-long-enough-password",
    ...fields,
  }))
    data.set(key, value);
  return data;
}

async function userCount() {
  return (await (await getDb()).select({ id: users.id }).from(users)).length;
}

let mailbox: Awaited<ReturnType<typeof startTestMailbox>>;

beforeAll(async () => {
  await seededTeams();
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox.close());

describe("sign-up", () => {
  it.each([
    ["a NUL", "Nina\u0000Newcomer"],
    ["a newline", "Nina\nNewcomer"],
    ["a right-to-left override", "Nina\u202ENewcomer"],
  ])("refuses a name with %s as a field error, and stores nothing", async (_, name) => {
    const before = await userCount();
    const state = await signUp(null, form({ name, email: `control-${before}@example.com` }));
    expect(state?.fieldErrors?.name).toEqual([PLAIN_TEXT_MESSAGE]);
    expect(await userCount()).toBe(before);
  });

  it.each([["password1234"], ["qwertyuiop"], ["Password123"], ["iloveyou12"]])(
    "refuses the common password %s",
    async (password) => {
      const state = await signUp(null, form({ password, email: "common@example.com" }));
      expect(state?.fieldErrors?.password).toEqual(["This password is too common. Choose another."]);
    },
  );

  it("refuses a password over 72 bytes, which bcrypt would cut short, and says so", async () => {
    const tooLong = await signUp(null, form({ password: "x".repeat(73), email: "long@example.com" }));
    expect(tooLong?.fieldErrors?.password).toEqual([
      "Use at most 72 bytes (about 72 letters; fewer with accents or emoji).",
    ]);
    // 25 three-byte characters are 75 bytes though only 25 letters.
    const accented = await signUp(null, form({ password: "€".repeat(25), email: "euro@example.com" }));
    expect(accented?.fieldErrors?.password).toEqual([
      "Use at most 72 bytes (about 72 letters; fewer with accents or emoji).",
    ]);
  });

  it("accepts a password of exactly 72 bytes: the answer is to check one's email, and no account exists yet", async () => {
    const password = "Tangerine-Lighthouse-47-Parsnip-Quarry-Velvet-Harbour-Juniper-Sextant!!!";
    expect(new TextEncoder().encode(password)).toHaveLength(72);
    const state = await signUp(null, form({ password, email: "exact72@example.com" }));
    expect(state).toEqual({
      values: { name: "Nina Newcomer", email: "exact72@example.com" },
      sentTo: "exact72@example.com",
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "exact72@example.com"))).toHaveLength(0);
    expect(
      await db.select().from(emailVerifications).where(eq(emailVerifications.email, "exact72@example.com")),
    ).toHaveLength(1);
  });

  it("answers a taken address exactly as a new one; only the mailbox learns which it was", async () => {
    const answer = (email: string) => signUp(null, form({ email }));
    const forNew = await answer("brand-new@example.com");
    const forTaken = await answer("owner@example.com");
    const withoutEmail = (state: Awaited<ReturnType<typeof signUp>>) =>
      JSON.stringify(state).replaceAll(/brand-new@example\.com|owner@example\.com/g, "<email>");
    expect(withoutEmail(forTaken)).toBe(withoutEmail(forNew));
    expect(forTaken).toEqual({
      values: { name: "Nina Newcomer", email: "owner@example.com" },
      sentTo: "owner@example.com",
    });
    expect((await mailbox.forAddress("brand-new@example.com")).map((m) => m.subject)).toEqual([
      "Finish creating your eCourier account",
    ]);
    expect((await mailbox.forAddress("owner@example.com")).map((m) => m.subject)).toEqual([
      "Someone tried to create an account with your address",
    ]);
  });

  it.each([["aaaaaaaaaa"], ["0000000000"], ["abcdefghij"], ["weak-email@example.com"]])(
    "refuses %s, too easy to guess, with zxcvbn's feedback under the field",
    async (password) => {
      const state = await signUp(null, form({ password, email: "weak-email@example.com" }));
      expect(state?.fieldErrors?.password).toEqual([
        expect.stringMatching(/easy to guess|personal or page related data/),
      ]);
      expect(state?.sentTo).toBeUndefined();
    },
  );
});
