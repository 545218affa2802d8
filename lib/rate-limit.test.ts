import { describe, expect, it } from "vitest";
import { FailureCounter } from "./rate-limit";

describe("FailureCounter", () => {
  it("blocks at the limit and frees the key once the window slides past the oldest failure", () => {
    const counter = new FailureCounter(3, 60_000);
    counter.record("a", 0);
    counter.record("a", 10_000);
    expect(counter.blockedFor("a", 10_000)).toBe(0);
    counter.record("a", 20_000);
    expect(counter.blockedFor("a", 20_000)).toBe(40_000);
    expect(counter.blockedFor("b", 20_000)).toBe(0);
    expect(counter.blockedFor("a", 60_001)).toBe(0);
  });

  it("forgets the oldest key when full, and a reset clears a key", () => {
    const counter = new FailureCounter(1, 60_000, 2);
    counter.record("a", 0);
    counter.record("b", 0);
    counter.record("c", 0);
    expect(counter.blockedFor("a", 1)).toBe(0);
    expect(counter.blockedFor("c", 1)).toBeGreaterThan(0);
    counter.reset("c");
    expect(counter.blockedFor("c", 1)).toBe(0);
  });
});
