// Every action of the signed-out pages is a public endpoint: a POST can send any arguments (a text body
// decodes to plain values, not a form). Each answers with a message on its form, never a 500.
import { describe, expect, it, vi } from "vitest";
import { signIn } from "@/lib/dashboard/auth-js";
import { INVITATION_INVALID } from "@/lib/members";
import { acceptAsNewUserAction, joinTeamAction } from "./invite/[token]/actions";
import { signUp } from "./signup/actions";
import { finishSignUpAction, verifyEmailAction } from "./verify-email/[token]/actions";
import { linkRefusal } from "@/lib/accounts";

vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));

const notForms: [string, unknown][] = [
  ["a plain object (a JSON body)", { name: "Nina", email: "nina@example.com", password: "a-long-enough-password" }],
  ["a string", "name=Nina"],
  ["null", null],
  ["nothing", undefined],
];

describe.each(notForms)("given %s instead of a form", (_, argument) => {
  it("sign-up asks for the form", async () => {
    await expect(signUp(null, argument)).resolves.toEqual({
      values: { name: "", email: "" },
      message: "Enter your name, email and a password in the form.",
    });
  });

  it("joining a team and accepting an invitation as a new person answer that the invitation is invalid", async () => {
    await expect(joinTeamAction(null, argument)).resolves.toEqual({ message: INVITATION_INVALID });
    await expect(acceptAsNewUserAction(null, argument)).resolves.toEqual({ message: INVITATION_INVALID });
    expect(signIn).not.toHaveBeenCalled();
  });

  it("a mailed link's actions answer that the link is not valid", async () => {
    await expect(finishSignUpAction(null, argument)).resolves.toEqual({ message: linkRefusal("invalid") });
    await expect(verifyEmailAction(null, argument)).resolves.toEqual({ message: linkRefusal("invalid") });
    expect(signIn).not.toHaveBeenCalled();
  });
});
