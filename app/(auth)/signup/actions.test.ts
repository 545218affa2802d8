// Sign-up's answers: what a person sees for each mistake, and that nothing reaches the database
// until the input is valid.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { PLAIN_TEXT_MESSAGE } from "@/lib/platform/shared/text";
import { seededTeams } from "@/lib/testing";
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

beforeAll(async () => {
  await seededTeams();
});

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

  it("accepts a password of exactly 72 bytes", async () => {
    const state = await signUp(null, form({ password: "k7-".repeat(24), email: "exact72@example.com" }));
    expect(state).toBeNull();
    const [row] = await (await getDb()).select().from(users).where(eq(users.email, "exact72@example.com"));
    expect(row).toBeDefined();
  });

  it("says once that an email is already registered: at the field, not again for the form", async () => {
    const state = await signUp(null, form({ email: "owner@example.com" }));
    expect(state?.fieldErrors?.email).toEqual(["An account with this email already exists. Sign in instead."]);
    expect(state?.message).toBeUndefined();
    expect(state?.values).toEqual({ name: "Nina Newcomer", email: "owner@example.com" });
  });
});
