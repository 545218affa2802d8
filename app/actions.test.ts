// Signing out is a public endpoint too: a POST with a text body, or none, must not be a 500.
import { describe, expect, it, vi } from "vitest";
import { signOut } from "@/lib/dashboard/auth-js";
import { signOutAction } from "./actions";

vi.mock("@/lib/dashboard/auth-js", () => ({ signOut: vi.fn(async () => undefined) }));

describe("signOutAction", () => {
  it.each([
    ["a plain object (a JSON body)", { returnTo: "/invite/x" }],
    ["a string", "returnTo=/invite/x"],
    ["nothing", undefined],
  ])("given %s instead of a form, signs out to /login", async (_, argument) => {
    vi.mocked(signOut).mockClear();
    await expect(signOutAction(argument)).resolves.toBeUndefined();
    expect(signOut).toHaveBeenCalledWith({ redirectTo: "/login" });
  });

  it("given a form, goes back to the page on this site it names", async () => {
    const form = new FormData();
    form.set("returnTo", "/invite/abc");
    await signOutAction(form);
    expect(signOut).toHaveBeenLastCalledWith({ redirectTo: "/invite/abc" });
  });
});
