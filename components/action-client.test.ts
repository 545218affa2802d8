import { describe, expect, it } from "vitest";
import { ActionFailure, callAction, fieldErrors } from "./action-client";

describe("callAction", () => {
  it("returns the data of an action that succeeded", async () => {
    await expect(callAction(async () => ({ ok: true, data: { name: "ERP" } }))).resolves.toEqual({ name: "ERP" });
  });

  it("throws the server's message and field errors when the action was refused", async () => {
    const error = await callAction(async () => ({ ok: false, code: "invalid_input", message: "Check the highlighted fields.", fieldErrors: { name: ["Enter a name."] } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).message).toBe("Check the highlighted fields.");
    expect(fieldErrors(error, "name")).toEqual(["Enter a name."]);
    expect(fieldErrors(error, "email")).toBeUndefined();
  });

  it("says the server could not be reached when the call itself failed", async () => {
    const error = await callAction(() => Promise.reject(new TypeError("Failed to fetch"))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect((error as ActionFailure).failure.code).toBe("unreachable");
    expect((error as ActionFailure).message).toBe("Could not reach eCourier. Check your connection and try again.");
  });

  it("asks for the password when the server wants it confirmed, then sends the same call again", async () => {
    const answers = [
      { ok: false as const, code: "password_confirmation_required" as const, message: "Confirm your password to continue." },
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
    const refused = async () => (sent++, { ok: false as const, code: "password_confirmation_required" as const, message: "Confirm your password to continue." });
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
