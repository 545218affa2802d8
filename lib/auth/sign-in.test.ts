import { CredentialsSignin } from "@auth/core/errors";
import bcrypt from "bcryptjs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed";
import { createAccount } from "@/lib/teams";
import { seededTeams } from "@/lib/testing";
import { authorizeSignIn, logAuthError, ThrottledSignIn } from "./sign-in";

const from = (address: string) => new Headers({ "x-forwarded-for": address });

// Signs the device cookie a correct sign-in hands out (lib/auth/devices.ts).
vi.stubEnv("AUTH_SECRET", "sign-in-test-secret");

describe("sign-in", () => {
  beforeAll(async () => {
    await seededTeams();
  });

  it("accepts the right password, case-insensitively on the email, and refuses a wrong one", async () => {
    await expect(
      authorizeSignIn({ email: " Owner@Example.com ", password: DEMO_PASSWORD }, from("10.0.0.1")),
    ).resolves.toMatchObject({
      user: { email: "owner@example.com", name: "Olivia Owner" },
    });
    await expect(
      authorizeSignIn({ email: "owner@example.com", password: "wrong-password" }, from("10.0.0.1")),
    ).resolves.toBeNull();
  });

  it("refuses an email with a NUL as a wrong sign-in, not as a failed query", async () => {
    await expect(
      authorizeSignIn({ email: "owner\u0000@example.com", password: DEMO_PASSWORD }, from("10.0.0.3")),
    ).resolves.toBeNull();
  });

  it("runs the same bcrypt work for an unknown email as for a wrong password", async () => {
    const compare = vi.spyOn(bcrypt, "compare");
    await authorizeSignIn({ email: "nobody@example.com", password: "whatever-password" }, from("10.0.0.2"));
    await authorizeSignIn({ email: "admin@example.com", password: "whatever-password" }, from("10.0.0.2"));
    expect(compare).toHaveBeenCalledTimes(2);
    compare.mockRestore();
  });

  it("blocks an email from an address after 5 failures there, even with the right password, without checking it", async () => {
    await createAccount({ name: "Tess Throttle", email: "tess@example.com", password: "correct-horse-battery" });
    for (let i = 0; i < 5; i++) {
      await expect(
        authorizeSignIn({ email: "tess@example.com", password: `wrong-${i}` }, from("10.1.0.1")),
      ).resolves.toBeNull();
    }
    const compare = vi.spyOn(bcrypt, "compare");
    await expect(
      authorizeSignIn({ email: "tess@example.com", password: "correct-horse-battery" }, from("10.1.0.1")),
    ).rejects.toBeInstanceOf(ThrottledSignIn);
    expect(compare).not.toHaveBeenCalled();
    compare.mockRestore();
    // Another account from the same address is unaffected (lib/auth/lockout.test.ts has the rest).
    await expect(
      authorizeSignIn({ email: "viewer@example.com", password: DEMO_PASSWORD }, from("10.1.0.1")),
    ).resolves.not.toBeNull();
  });

  it("blocks a client address after 20 failures across emails; other addresses still sign in", async () => {
    for (let i = 0; i < 20; i++) {
      await authorizeSignIn({ email: `guess${i}@example.com`, password: "nope-nope-nope" }, from("10.9.9.9"));
    }
    await expect(
      authorizeSignIn({ email: "admin@example.com", password: DEMO_PASSWORD }, from("10.9.9.9")),
    ).rejects.toBeInstanceOf(ThrottledSignIn);
    await expect(
      authorizeSignIn({ email: "admin@example.com", password: DEMO_PASSWORD }, from("10.9.9.10")),
    ).resolves.toMatchObject({ user: { email: "admin@example.com" } });
  });

  it("logs a refused sign-in as nothing, and any other Auth.js error in full", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    logAuthError(new CredentialsSignin());
    logAuthError(new ThrottledSignIn(60_000));
    expect(log).not.toHaveBeenCalled();
    const broken = new Error("database unreachable");
    logAuthError(broken);
    expect(log).toHaveBeenCalledWith("[auth] Auth.js error: Error: database unreachable");
    log.mockRestore();
  });
});
