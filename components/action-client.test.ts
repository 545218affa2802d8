import { toast } from "sonner";
import { afterEach, describe, expect, it } from "vitest";
import { ActionFailure, callAction, fieldErrors, hasFieldErrors, signInPath, toastFailure } from "./action-client";

describe("callAction", () => {
  it("returns the data of an action that succeeded", async () => {
    await expect(callAction(async () => ({ ok: true, data: { name: "ERP" } }))).resolves.toEqual({ name: "ERP" });
  });

  it("throws the server's message and field errors when the action was refused", async () => {
    const error = await callAction(async () => ({
      ok: false,
      code: "invalid_input",
      message: "Check the highlighted fields.",
      fieldErrors: { name: ["Enter a name."] },
    })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).message).toBe("Check the highlighted fields.");
    expect(fieldErrors(error, "name")).toEqual(["Enter a name."]);
    expect(fieldErrors(error, "email")).toBeUndefined();
    expect(hasFieldErrors(error)).toBe(true);
  });

  it("tells a refusal for a field from one for the whole change", () => {
    const refusal = (fieldErrors?: Record<string, string[]>) =>
      new ActionFailure({ code: "invalid_input", message: "Check the highlighted fields.", fieldErrors });
    expect(hasFieldErrors(refusal({ addresses: ["Line 2: “x” is not an IP address or CIDR range."] }))).toBe(true);
    expect(hasFieldErrors(refusal())).toBe(false);
    expect(hasFieldErrors(refusal({ name: [] }))).toBe(false);
    expect(hasFieldErrors(new Error("boom"))).toBe(false);
  });

  it("says the server could not be reached when the call itself failed", async () => {
    const error = await callAction(() => Promise.reject(new TypeError("Failed to fetch"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).failure.code).toBe("unreachable");
    expect((error as ActionFailure).message).toBe("Could not reach eCourier. Check your connection and try again.");
  });

  it("asks for the password when the server wants it confirmed, then sends the same call again", async () => {
    const answers = [
      {
        ok: false as const,
        code: "password_confirmation_required" as const,
        message: "Confirm your password to continue.",
      },
      { ok: true as const, data: { name: "Shop" } },
    ];
    const sent: number[] = [];
    let asked = 0;
    const call = async () => (sent.push(sent.length), answers[sent.length - 1]);
    await expect(callAction(call, async () => (asked++, true))).resolves.toEqual({ name: "Shop" });
    expect(asked).toBe(1);
    expect(sent).toHaveLength(2);
  });

  it("sends nothing more and says nothing was changed when the member cancels the password question", async () => {
    let sent = 0;
    const refused = async () => (
      sent++,
      {
        ok: false as const,
        code: "password_confirmation_required" as const,
        message: "Confirm your password to continue.",
      }
    );
    const error = await callAction(refused, async () => false).catch((e: unknown) => e);
    expect((error as ActionFailure).failure).toEqual({ code: "cancelled", message: "Nothing was changed." });
    expect(sent).toBe(1);
    // Without anyone to ask (no dialog), the refusal stands as the server said it.
    const plain = await callAction(refused).catch((e: unknown) => e);
    expect((plain as ActionFailure).failure.code).toBe("password_confirmation_required");
  });

  it("finds no field errors on anything but an ActionFailure", () => {
    expect(fieldErrors(new Error("boom"), "name")).toBeUndefined();
  });
});

describe("toastFailure", () => {
  afterEach(() => toast.dismiss());
  const sessionEnded = { code: "unauthenticated" as const, message: "Your session has ended. Sign in again." };

  it("offers Sign in when the session has ended, once however many calls were refused, until it is used or closed", () => {
    toastFailure(sessionEnded);
    toastFailure(sessionEnded);
    const shown = toast.getToasts();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({
      title: sessionEnded.message,
      type: "error",
      duration: Infinity,
      action: { label: "Sign in" },
    });
  });

  it("says any other failure plainly, without Sign in", () => {
    toastFailure({ code: "forbidden", message: "Your role does not allow this." });
    toastFailure({ message: "Something else." });
    expect(toast.getToasts().map((t) => ["title" in t && t.title, "action" in t])).toEqual([
      ["Your role does not allow this.", false],
      ["Something else.", false],
    ]);
  });
});

describe("signInPath", () => {
  it("signs in and comes back to this page, its query included", () => {
    expect(signInPath({ pathname: "/dashboard/acme/test/activity", search: "?action=revoked&page=2" })).toBe(
      "/login?next=%2Fdashboard%2Facme%2Ftest%2Factivity%3Faction%3Drevoked%26page%3D2",
    );
    expect(signInPath({ pathname: "/dashboard/acme/live/developers/api-credentials", search: "" })).toBe(
      "/login?next=%2Fdashboard%2Facme%2Flive%2Fdevelopers%2Fapi-credentials",
    );
  });
});
