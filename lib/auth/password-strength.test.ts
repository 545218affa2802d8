// New passwords must be hard to guess for this person (zxcvbn score ≥ 3, their email and name known
// to the guesser), judged off the main thread.
import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./password-strength";
import { DEMO_PASSWORD } from "@/db/seed";

const nina = { email: "nina.newcomer@example.com", name: "Nina Newcomer" };

describe("the check's cost", () => {
  // First in the file: the worker starts here and loads zxcvbn's dictionaries (1.5–3.5 s of CPU here).
  it("holds up nothing else in the process, dictionaries' loading included: the event loop never pauses 200 ms", async () => {
    let longestPause = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
    }, 5);
    try {
      const started = performance.now();
      expect(await passwordWeakness("0".repeat(40), nina)).not.toBeNull();
      expect(performance.now() - started).toBeGreaterThan(500); // it did take long: in the worker
    } finally {
      clearInterval(ticker);
    }
    expect(longestPause).toBeLessThan(200);
  });
});

describe("a new password's strength", () => {
  it.each([
    ["aaaaaaaaaa", /Repeated characters like "aaa" are easy to guess\./],
    ["0000000000", /Repeated characters like "aaa" are easy to guess\./],
    ["abcdefghij", /Common character sequences like "abc" are easy to guess\./],
    ["nina.newcomer@example.com", /There should not be any personal or page related data\./],
    ["ninanewcomer2024", /./],
    ["qwertyuiop12", /./],
  ])("refuses %s, saying why in zxcvbn's words", async (password, why) => {
    const feedback = await passwordWeakness(password, nina);
    expect(feedback).toMatch(why);
    expect(feedback).toMatch(/\.$/);
  });

  it.each([
    ["a passphrase", "correct horse battery staple"],
    ["the e2e sign-up password", "a-long-enough-password"],
    ["the e2e invitee's password", "invitee-password-123"],
    ["72 bytes that are hard to guess", "Tangerine-Lighthouse-47-Parsnip-Quarry-Velvet-Harbour-Juniper-Sextant!!"],
  ])("accepts %s", async (_, password) => {
    expect(await passwordWeakness(password, nina)).toBeNull();
  });

  it("judges the demo password too easy as a new password (it keeps working to sign in: sign-in applies no rules)", async () => {
    expect(await passwordWeakness(DEMO_PASSWORD, { email: "owner@example.com", name: "Olivia Owner" })).toMatch(
      /similar to a commonly used password/,
    );
  });

  it("checks many passwords at once without mixing up their answers", async () => {
    const answers = await Promise.all(
      ["aaaaaaaaaa", "correct horse battery staple", "abcdefghij", "a-long-enough-password"].map((p) =>
        passwordWeakness(p, nina),
      ),
    );
    expect(answers.map((a) => a === null)).toEqual([false, true, false, true]);
  });
});
