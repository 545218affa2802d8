// A sign-up's link page: the password chosen with it makes the account and signs in through Auth.js;
// wrong passwords are counted against the client address like sign-in's.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { signIn } from "@/lib/dashboard/auth-js";
import { requestSignUp } from "@/lib/accounts";
import { seededTeams, startTestMailbox } from "@/lib/testing";
import { finishSignUpAction } from "./actions";

vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));
const client = vi.hoisted(() => ({ address: "192.0.2.1" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": client.address }) }));

let mailbox: Awaited<ReturnType<typeof startTestMailbox>>;

beforeAll(async () => {
  await seededTeams();
  mailbox = await startTestMailbox();
});
afterAll(() => mailbox.close());

async function signUpAndOpenLink(email: string, password: string) {
  await requestSignUp({ name: "Lou Link", email, password }, "http://localhost:3000");
  const [mail] = await mailbox.forAddress(email);
  return /\/verify-email\/([A-Za-z0-9_-]{43})/.exec(mail.text ?? "")![1];
}

function form(token: string, password: string) {
  const data = new FormData();
  data.set("token", token);
  data.set("password", password);
  return data;
}

describe("the sign-up link's form", () => {
  it("with the password chosen, makes the account and signs in through Auth.js into the new team", async () => {
    const token = await signUpAndOpenLink("lou@example.com", "lou-chose-this-password");
    client.address = "192.0.2.10";
    expect(await finishSignUpAction(null, form(token, "lou-chose-this-password"))).toBeNull();
    expect(signIn).toHaveBeenCalledWith("credentials", {
      email: "lou@example.com",
      password: "lou-chose-this-password",
      redirectTo: expect.stringMatching(/^\/dashboard\/lous-team(-\d+)?\/test\//),
    });
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, "lou@example.com"));
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
  });

  it("refuses wrong passwords at the field, then holds the address back like sign-in does", async () => {
    const token = await signUpAndOpenLink("guess@example.com", "the-real-password-here");
    client.address = "192.0.2.20";
    for (let n = 0; n < 20; n++) {
      expect(await finishSignUpAction(null, form(token, `wrong-guess-${n}`))).toEqual({
        message: "Check the highlighted fields.",
        fieldErrors: { password: ["This is not the password you chose when you signed up."] },
      });
    }
    expect(await finishSignUpAction(null, form(token, "the-real-password-here"))).toEqual({
      message: expect.stringMatching(/^Too many wrong passwords from your network\. Try again in \d+ minutes\.$/),
    });
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, "guess@example.com"))).toHaveLength(0);
  });
});
