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

  it("finds no field errors on anything but an ActionFailure", () => {
    expect(fieldErrors(new Error("boom"), "name")).toBeUndefined();
  });
});
