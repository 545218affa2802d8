// The device cookie on its own (lib/auth/lockout.test.ts has what it changes for sign-in): what a
// token proves, for whom, for how long, and how one cookie keeps several people's.
import { describe, expect, it, vi } from "vitest";
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_MAX_AGE_SECONDS,
  deviceCookieIn,
  deviceCookieOptions,
  DEVICES_PER_BROWSER,
  knownDevice,
  rememberDevice,
} from "./devices";

vi.stubEnv("AUTH_SECRET", "devices-test-secret");

const NOW = Date.parse("2026-12-03T12:00:00Z");
const DAY = 86_400_000;

describe("a device cookie", () => {
  it("names a device for the email it was issued to, and for no other", () => {
    const cookie = rememberDevice(undefined, "ada@example.com", NOW);
    expect(knownDevice(cookie, "ada@example.com", NOW)).toMatch(/^device:[A-Za-z0-9_-]{22}$/);
    expect(knownDevice(cookie, "bob@example.com", NOW)).toBeUndefined();
    // Neither the email nor anything readable about it is in the cookie.
    expect(cookie).not.toContain("ada");
  });

  it.each([
    ["a year later, to the second", DEVICE_COOKIE_MAX_AGE_SECONDS * 1000, true],
    ["a second after that", DEVICE_COOKIE_MAX_AGE_SECONDS * 1000 + 1000, false],
    ["issued 5 minutes in the future (clock skew)", -300_000, true],
    ["issued 6 minutes in the future", -360_000, false],
  ])("checked %s: %s", (_, age, honoured) => {
    const cookie = rememberDevice(undefined, "ada@example.com", NOW);
    expect(knownDevice(cookie, "ada@example.com", NOW + age) !== undefined).toBe(honoured);
  });

  it("is worth nothing under another AUTH_SECRET", () => {
    const cookie = rememberDevice(undefined, "ada@example.com", NOW);
    vi.stubEnv("AUTH_SECRET", "another-secret");
    expect(knownDevice(cookie, "ada@example.com", NOW)).toBeUndefined();
    vi.stubEnv("AUTH_SECRET", "devices-test-secret");
  });

  it.each([
    ["empty", ""],
    ["a word", "device"],
    ["five empty parts", "...."],
    ["another version", "d2.a.b.c.d"],
    ["a NUL and separators", "\u0000~~~."],
    ["very long", "d1.".padEnd(5_000, "a")],
  ])("refuses garbage: %s", (_, cookie) => {
    expect(knownDevice(cookie, "ada@example.com", NOW)).toBeUndefined();
  });

  it("keeps the last 5 emails that signed in on a browser, newest first, one token each, each with a new id", () => {
    let cookie: string | undefined;
    const emails = ["a", "b", "c", "d", "e", "f"].map((n) => `${n}@example.com`);
    for (const email of emails) cookie = rememberDevice(cookie, email, NOW);
    expect(cookie!.split("~")).toHaveLength(DEVICES_PER_BROWSER);
    expect(knownDevice(cookie, "a@example.com", NOW)).toBeUndefined(); // the oldest fell off
    for (const email of emails.slice(1)) expect(knownDevice(cookie, email, NOW)).toBeDefined();

    const before = knownDevice(cookie, "c@example.com", NOW);
    cookie = rememberDevice(cookie, "c@example.com", NOW + DAY);
    expect(cookie.split("~")).toHaveLength(DEVICES_PER_BROWSER);
    expect(knownDevice(cookie, "c@example.com", NOW + DAY)).not.toBe(before);
    expect(knownDevice(cookie.split("~")[0], "c@example.com", NOW + DAY)).toBeDefined();
  });

  it("drops tokens that are no longer valid when another is added", () => {
    const old = rememberDevice(undefined, "old@example.com", NOW - 400 * DAY);
    const cookie = rememberDevice(`${old}~forged.token`, "new@example.com", NOW);
    expect(cookie.split("~")).toHaveLength(1);
  });

  it("is read from a Cookie header among others, and set HttpOnly, SameSite=Lax, for a year", () => {
    const headers = new Headers({ cookie: `a=1; ${DEVICE_COOKIE}=d1.x.y.z.w; ${DEVICE_COOKIE}-other=2` });
    expect(deviceCookieIn(headers)).toBe("d1.x.y.z.w");
    expect(deviceCookieIn(new Headers())).toBeUndefined();
    expect(deviceCookieOptions(true)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      secure: true,
      path: "/",
      maxAge: 365 * 86_400,
    });
    expect(deviceCookieOptions(false).secure).toBe(false);
  });
});
