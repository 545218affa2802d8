import { describe, expect, it } from "vitest";
import { z } from "zod";
import { expiryDateBounds } from "./expiry";
import { ChangeExpiryInput, CreateCredentialInput, Expiry } from "./schemas";

const scope = { team: "acme", environment: "test", id: "6f1b2f4e-8f0a-4d55-9d43-6a0b8e9f2c11" } as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const fieldErrors = (result: z.ZodSafeParseResult<unknown>) =>
  result.success ? {} : z.flattenError(result.error).fieldErrors;

describe("Expiry", () => {
  it("takes the relative choices, never, and a date from today to a year ahead", () => {
    const { min, max } = expiryDateBounds();
    for (const expiry of [
      { choice: "never" },
      { choice: "7d" },
      { choice: "1y" },
      { choice: "date", date: min },
      { choice: "date", date: max },
    ]) {
      expect(Expiry.safeParse(expiry).success, JSON.stringify(expiry)).toBe(true);
    }
  });

  it("refuses a past date, a date beyond a year and a date that does not exist, on the date field", () => {
    const beyond = new Date(`${expiryDateBounds().max}T12:00:00Z`);
    beyond.setUTCDate(beyond.getUTCDate() + 1);
    expect(fieldErrors(ChangeExpiryInput.safeParse({ ...scope, expiry: { choice: "date", date: day(-1) } }))).toEqual({
      date: ["Choose a date in the future."],
    });
    expect(
      fieldErrors(
        ChangeExpiryInput.safeParse({ ...scope, expiry: { choice: "date", date: beyond.toISOString().slice(0, 10) } }),
      ),
    ).toEqual({ date: ["Choose a date within a year."] });
    expect(
      fieldErrors(ChangeExpiryInput.safeParse({ ...scope, expiry: { choice: "date", date: "2027-02-30" } })),
    ).toEqual({ date: ["Choose a date."] });
    expect(fieldErrors(ChangeExpiryInput.safeParse({ ...scope, expiry: { choice: "date" } }))).toEqual({
      date: ["Choose a date."],
    });
  });

  it("offers End now when changing an expiry, not when creating; creating defaults to never", () => {
    expect(ChangeExpiryInput.safeParse({ ...scope, expiry: { choice: "now" } }).success).toBe(true);
    expect(CreateCredentialInput.safeParse({ ...scope, name: "X", expiry: { choice: "now" } }).success).toBe(false);
    expect(CreateCredentialInput.parse({ ...scope, name: "X" }).expiry).toEqual({ choice: "never" });
  });
});
