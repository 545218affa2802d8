// Account lockout by anyone (issue 26, decision 017): wrong passwords typed for someone's email from
// elsewhere — or "Confirm your password" from a stolen session — must not lock the owner out of the
// browser they signed in with before (its device cookie), while every guesser stays throttled.
// Through the real entry point (authorizeSignIn, as Auth.js calls it for the form and for a direct
// POST) and the real confirmPassword, on the database of this run and again on Redis.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed";
import { peekProcessState, takeProcessState, throttleRules } from "@/lib/platform";
import { seededTeams, type SeededTeams } from "@/lib/testing";
import { findSignedInUser, startSession } from "./sessions";
import { authorizeSignIn, ThrottledSignIn } from "./sign-in";
import { confirmPassword } from "./sudo";

const SECRET = "lockout-test-secret";
vi.stubEnv("AUTH_SECRET", SECRET);

const SIGN_IN_FAILURES_PER_EMAIL = throttleRules["sign-in per email"].limit;
const SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS = throttleRules["sign-in per email and address"].limit;

const OWNER = "owner@example.com";
const ADMIN = "admin@example.com";

/** A browser: where it connects from, and the device cookie it was last given (as a browser keeps it). */
type Browser = { address: string; cookie?: string };
const browserAt = (address: string): Browser => ({ address });

type Outcome = "signed in" | "wrong password" | "throttled";

/** One sign-in as Auth.js runs it, with the browser's address and cookies; the browser keeps a new device cookie. */
async function signIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Outcome> {
  const headers = new Headers({ "x-forwarded-for": browser.address });
  if (browser.cookie) headers.set("cookie", `authjs.csrf-token=abc; ecourier-device=${browser.cookie}; theme=dark`);
  try {
    const signedIn = await authorizeSignIn({ email, password }, headers);
    if (!signedIn) return "wrong password";
    browser.cookie = signedIn.deviceCookie;
    return "signed in";
  } catch (err) {
    if (err instanceof ThrottledSignIn) return "throttled";
    throw err;
  }
}

/** Wrong passwords for `email` from `count` addresses of their own (198.51.100.0/24, 198.51.101.0/24…), `each` per address. */
async function guessFromElsewhere(email: string, count: number, each = 1) {
  for (let n = 0; n < count; n++)
    for (let i = 0; i < each; i++)
      expect(
        await signIn(browserAt(`198.51.${100 + Math.floor(n / 250)}.${(n % 250) + 1}`), email, `guess-${n}-${i}`),
      ).toBe("wrong password");
}

/** `count` wrong passwords for `email` from one address, without a device cookie. */
async function guessFrom(address: string, email: string, count: number) {
  for (let i = 0; i < count; i++) expect(await signIn(browserAt(address), email, `guess-${i}`)).toBe("wrong password");
}

/** The browser its owner signed in with before: it holds a device cookie for `email`. */
async function knownBrowser(email: string, address = "203.0.113.10"): Promise<Browser> {
  const browser = browserAt(address);
  expect(await signIn(browser, email)).toBe("signed in");
  return browser;
}

let seeded: SeededTeams;
beforeAll(async () => {
  seeded = await seededTeams();
});

const stores = [
  ["the database", undefined],
  ["Redis", "redis://127.0.0.1:6379"],
] as const;

describe.each(stores)("sign-in lockout, counted in %s", (_, redisUrl) => {
  beforeAll(() => {
    if (redisUrl) process.env.REDIS_URL = redisUrl;
  });

  /** Makes the process's throttles again on first use (their caches of blocks go with them), on the store now configured. */
  const forgetThrottles = () => peekProcessState<Map<string, unknown>>("throttles")?.clear();

  // Every test starts from no counts: new throttles, on an emptied table or a Redis key prefix of their own.
  beforeEach(async () => {
    forgetThrottles();
    if (redisUrl) process.env.REDIS_KEY_PREFIX = `test-lockout-${randomBytes(6).toString("hex")}`;
    else await (await getDb()).delete(rateLimits);
  });

  afterAll(async () => {
    forgetThrottles();
    await takeProcessState<{ client: Redis }>("redis client")?.client.quit();
    delete process.env.REDIS_URL;
    delete process.env.REDIS_KEY_PREFIX;
  });

  it("50 wrong passwords from 50 other addresses: the owner signs in at once from their known browser, and from a new one", async () => {
    const owners = await knownBrowser(OWNER);
    await guessFromElsewhere(OWNER, 50);
    expect(await signIn(owners, OWNER)).toBe("signed in");
    // 50 is half the per-email budget: a browser the owner never used signs in as well.
    expect(await signIn(browserAt("203.0.113.99"), OWNER)).toBe("signed in");
  }, 120_000);

  it("once the email's budget across addresses is spent, a new browser waits; the known browser does not", async () => {
    const owners = await knownBrowser(OWNER);
    // 100 wrong passwords in the hour, 5 from each of 20 addresses (each pair's own budget).
    await guessFromElsewhere(OWNER, SIGN_IN_FAILURES_PER_EMAIL / 5, 5);
    expect(await signIn(browserAt("203.0.113.99"), OWNER)).toBe("throttled");
    expect(await signIn(owners, OWNER)).toBe("signed in");
    // The owner's sign-in does not hand the guessers a fresh budget.
    expect(await signIn(browserAt("203.0.113.98"), OWNER)).toBe("throttled");
    // Another person's sign-in is not touched.
    expect(await signIn(browserAt("203.0.113.99"), ADMIN)).toBe("signed in");
  }, 180_000);

  it("5 wrong passwords from one address block that address for the email, not the owner's browser there, nor other addresses", async () => {
    const owners = await knownBrowser(OWNER, "192.0.2.44"); // the owner's office, behind one NAT address
    await guessFrom("192.0.2.44", OWNER, SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS);
    expect(await signIn(browserAt("192.0.2.44"), OWNER)).toBe("throttled");
    expect(await signIn(owners, OWNER)).toBe("signed in");
    expect(await signIn(browserAt("192.0.2.45"), OWNER)).toBe("signed in");
    expect(await signIn(browserAt("192.0.2.44"), ADMIN)).toBe("signed in");
  });

  it("IPv6 clients are counted per /64: another address in the same /64 is blocked, the next /64 is not", async () => {
    for (let i = 1; i <= SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS; i++)
      expect(await signIn(browserAt(`2001:db8:1:2::${i}`), OWNER, "guess")).toBe("wrong password");
    expect(await signIn(browserAt("2001:db8:1:2:ffff:ffff:ffff:ffff"), OWNER)).toBe("throttled");
    expect(await signIn(browserAt("2001:db8:1:3::1"), OWNER)).toBe("signed in");
  });

  it("a browser shared by two people stays known for both", async () => {
    const shared = browserAt("192.0.2.60");
    expect(await signIn(shared, OWNER)).toBe("signed in");
    expect(await signIn(shared, ADMIN)).toBe("signed in");
    await guessFrom("192.0.2.60", OWNER, SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS);
    await guessFrom("192.0.2.60", ADMIN, SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS);
    expect(await signIn({ ...shared }, OWNER)).toBe("signed in");
    expect(await signIn({ ...shared }, ADMIN)).toBe("signed in");
  });

  describe("a device cookie that is not the owner's own gives no exemption", () => {
    const attacker = "192.0.2.80";
    /** Another browser's cookie, got the way an attacker could: signing in to their own account, or with another secret. */
    const cookieOf = async (email: string, how: "as is" | "another secret" | "a year and a day ago" = "as is") => {
      if (how === "another secret") vi.stubEnv("AUTH_SECRET", "someone-elses-secret");
      if (how === "a year and a day ago") vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 366 * 86_400_000 });
      try {
        return (await knownBrowser(email, "192.0.2.81")).cookie!;
      } finally {
        vi.stubEnv("AUTH_SECRET", SECRET);
        vi.useRealTimers();
      }
    };
    const forged: [string, () => Promise<string>][] = [
      ["made up", async () => `d1.${"A".repeat(22)}.${"B".repeat(22)}.${Date.now().toString(36)}.${"C".repeat(43)}`],
      ["another person's (their own account's)", () => cookieOf(ADMIN)],
      ["the owner's, signed with another secret", () => cookieOf(OWNER, "another secret")],
      ["the owner's, issued over a year ago", () => cookieOf(OWNER, "a year and a day ago")],
      [
        "the owner's, with its device id changed",
        async () =>
          (await cookieOf(OWNER)).replace(/^(d1\.[^.]+\.)(.)/, (_, head, c) => head + (c === "x" ? "y" : "x")),
      ],
      ["the owner's, with its signature cut short", async () => (await cookieOf(OWNER)).slice(0, -1)],
      ["not a token at all", async () => "%00;garbage~~..."],
    ];

    it.each(forged)("%s", async (_, make) => {
      const cookie = await make();
      await guessFrom(attacker, OWNER, SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS);
      expect(await signIn({ address: attacker, cookie }, OWNER)).toBe("throttled");
      // The owner's real one, at the same address, is honoured.
      expect(await signIn({ ...(await knownBrowser(OWNER)), address: attacker }, OWNER)).toBe("signed in");
    });
  });

  it("a stolen device cookie cannot brute-force: 5 wrong passwords with it, then even the right one waits", async () => {
    const owners = await knownBrowser(OWNER);
    const thief = { address: "192.0.2.90", cookie: owners.cookie };
    for (let i = 0; i < 4; i++) expect(await signIn({ ...thief }, OWNER, `guess-${i}`)).toBe("wrong password");
    // The owner signing in meanwhile gets a new device id, and gives the copy no fresh guesses.
    expect(await signIn(owners, OWNER)).toBe("signed in");
    expect(await signIn({ ...thief }, OWNER, "guess-4")).toBe("wrong password");
    expect(await signIn({ ...thief }, OWNER)).toBe("throttled");
    expect(await signIn(owners, OWNER)).toBe("signed in");
    // Its failures were its own: the owner in a new browser is not held back by them.
    expect(await signIn(browserAt("192.0.2.91"), OWNER)).toBe("signed in");
  });

  it('5 wrong "Confirm your password" from a stolen session: the owner still signs in from their browser, and from a new one', async () => {
    const owners = await knownBrowser(OWNER);
    const owner = seeded.users.owner;
    const stolen = (await findSignedInUser(await startSession(owner.id), owner.id))!;
    for (let i = 0; i < 5; i++)
      await expect(confirmPassword(stolen, `guess-${i}`, `198.51.100.${i + 1}`)).rejects.toMatchObject({
        code: "invalid_input",
      });
    // The session has spent its own budget: even the right password waits…
    await expect(confirmPassword(stolen, DEMO_PASSWORD, "198.51.100.9")).rejects.toMatchObject({ code: "throttled" });
    // …and nobody else is held back.
    expect(await signIn(owners, OWNER)).toBe("signed in");
    expect(await signIn(browserAt("203.0.113.77"), OWNER)).toBe("signed in");
    const other = (await findSignedInUser(await startSession(owner.id), owner.id))!;
    await expect(confirmPassword(other, DEMO_PASSWORD, "203.0.113.10")).resolves.toBeUndefined();
  });

  it("an email with no account is answered as one with an account: wrong, then throttled at the same count", async () => {
    for (const email of [OWNER, "nobody@example.com"]) {
      await guessFrom("192.0.2.120", email, SIGN_IN_FAILURES_PER_EMAIL_AND_ADDRESS);
      expect(await signIn(browserAt("192.0.2.120"), email)).toBe("throttled");
    }
  });
});
