// Sign-in is a public endpoint: whatever a POST sends as the action's arguments (a text body decodes to
// plain values, not a form), the answer is a message on the form, never a 500.
import { CredentialsSignin } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { signIn } from "@/lib/dashboard/auth-js";
import { DatabaseUnavailableError } from "@/lib/dashboard/outage";
import { ThrottledSignIn } from "@/lib/auth";
import { signInWithPassword } from "./actions";

vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));

function form(fields: Record<string, string | Blob>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => vi.mocked(signIn).mockClear());

describe("sign-in's arguments", () => {
  it.each([
    ["a plain object (a JSON body)", { email: "owner@example.com", password: "owner-password-123" }],
    ["a string", "email=owner@example.com&password=owner-password-123"],
    ["null", null],
    ["nothing", undefined],
    ["an array", [["email", "owner@example.com"]]],
    ["a Map whose value cannot be made a string", new Map([["email", { toString: "x" }]])],
  ])("answers %s with a message, without trying to sign in", async (_, argument) => {
    await expect(signInWithPassword(null, argument)).resolves.toEqual({
      email: "",
      message: "Enter your email and password in the form.",
    });
    expect(signIn).not.toHaveBeenCalled();
  });

  it("signs in with the form's email and password, and goes back to the page it names", async () => {
    const sent = form({ email: "owner@example.com", password: "owner-password-123", next: "/dashboard/acme" });
    await expect(signInWithPassword(null, sent)).resolves.toBeNull();
    expect(signIn).toHaveBeenCalledWith("credentials", {
      email: "owner@example.com",
      password: "owner-password-123",
      redirectTo: "/dashboard/acme",
    });
  });

  it("takes a file sent in a text field as empty, and answers wrong credentials as such", async () => {
    vi.mocked(signIn).mockRejectedValueOnce(new CredentialsSignin());
    const sent = form({ email: "owner@example.com", password: new Blob(["owner-password-123"]) });
    await expect(signInWithPassword(null, sent)).resolves.toEqual({
      email: "owner@example.com",
      message: "Wrong email or password.",
    });
    expect(signIn).toHaveBeenCalledWith("credentials", expect.objectContaining({ password: "" }));
  });

  // The email's budget across addresses holds for up to an hour (decision 017), not always 15 minutes.
  it.each([
    [15 * 60_000 - 1, "15 minutes"],
    [42 * 60_000, "42 minutes"],
    [30_000, "1 minute"],
  ])("says how long a throttled sign-in must wait (%s ms: %s)", async (waitMs, wait) => {
    vi.mocked(signIn).mockRejectedValueOnce(new ThrottledSignIn(waitMs));
    await expect(signInWithPassword(null, form({ email: "owner@example.com", password: "x" }))).resolves.toEqual({
      email: "owner@example.com",
      message: `Too many failed sign-in attempts. Wait ${wait}, then try again.`,
    });
  });

  it("says on the form that the database cannot be reached, keeping the email", async () => {
    vi.mocked(signIn).mockRejectedValueOnce(new DatabaseUnavailableError());
    await expect(signInWithPassword(null, form({ email: "owner@example.com", password: "x" }))).resolves.toEqual({
      email: "owner@example.com",
      message: "eCourier is having trouble reaching its database. Try again in a moment.",
    });
  });
});
