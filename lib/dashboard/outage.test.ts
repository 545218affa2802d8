// The dashboard's side of a database outage: a page's read becomes the outage page's error (known to
// app/error.tsx by its digest), an action's the outage's sentence — counted in the outage's log lines,
// never logged one by one, and never confused with a real failure.
import { format } from "node:util";
import { DrizzleQueryError } from "drizzle-orm/errors";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { toActionError } from "./action-guard";
import { DatabaseUnavailableError, orOutagePage } from "./outage";
import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from "./shared";

const refused = () =>
  new DrizzleQueryError(
    "select * from sessions where id = $1",
    ["a-session-id"],
    Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" }),
  );

let logged: string[] = [];
beforeEach(() => {
  logged = [];
  for (const method of ["error", "log"] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(format(...args)));
});
afterEach(() => vi.restoreAllMocks());

describe("a dashboard read while the database cannot be reached", () => {
  it("throws the outage page's error: its digest, the sentence, no cause and no stack to log", async () => {
    const err = await orOutagePage(() => Promise.reject(refused())).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseUnavailableError);
    expect(err).toMatchObject({ digest: DATABASE_UNAVAILABLE_DIGEST, message: DATABASE_UNAVAILABLE_MESSAGE });
    expect((err as Error).cause).toBeUndefined();
    expect((err as Error).stack).toBe(`DatabaseUnavailable: ${DATABASE_UNAVAILABLE_MESSAGE}`);
  });

  it("passes any other error through as it is", async () => {
    const bug = new Error("a bug");
    await expect(orOutagePage(() => Promise.reject(bug))).rejects.toBe(bug);
    await expect(orOutagePage(async () => 42)).resolves.toBe(42);
  });
});

describe("an action while the database cannot be reached", () => {
  it("answers with the outage's sentence, and 100 of them log nothing of their own", () => {
    for (let i = 0; i < 100; i++)
      expect(toActionError(refused())).toEqual({ ok: false, code: "internal", message: DATABASE_UNAVAILABLE_MESSAGE });
    // At most the outage's start (once per process: an earlier test may have started it).
    expect(logged.filter((line) => !line.startsWith("[db] the database is unreachable"))).toEqual([]);
    expect(logged.length).toBeLessThanOrEqual(1);
  });

  it("answers the same when the outage page's error reaches it (a session read in the action wrapper)", () => {
    expect(toActionError(new DatabaseUnavailableError())).toEqual({
      ok: false,
      code: "internal",
      message: DATABASE_UNAVAILABLE_MESSAGE,
    });
  });

  it("still answers anything else with a message that reveals nothing, logged", () => {
    expect(toActionError(new Error("a bug"))).toEqual({
      ok: false,
      code: "internal",
      message: "Something went wrong on our side. Try again.",
    });
    expect(logged).toEqual(["[action] failed: Error: a bug"]);
  });
});
