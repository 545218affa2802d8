import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeError, redactSecrets } from "./log";

function sourceFiles(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry).flatMap((name) => (name === "node_modules" ? [] : sourceFiles(path.join(entry, name))));
}

describe("log lines", () => {
  it("are written only by lib/platform/log.ts: no console call anywhere else in the server's code", () => {
    const files = ["lib", "api", "app", "db", "components", "server.ts", "proxy.ts"]
      .flatMap(sourceFiles)
      .filter(
        (file) =>
          /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && file !== path.join("lib", "platform", "log.ts"),
      );
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => /\bconsole\.\w+\(/.test(fs.readFileSync(file, "utf8")))).toEqual([]);
  });

  it("mask tokens, SHA-256 hex and bcrypt hashes", () => {
    const hash = "a".repeat(64);
    const bcrypt = "$2b$10$" + "N".repeat(53);
    expect(redactSecrets(`pk_test_abc ${hash} ${bcrypt}`)).toBe("pk_test_[redacted] [redacted] [redacted]");
  });

  it("describe a query error without its SQL, its parameters or a value in the database's message", () => {
    const database = Object.assign(new Error('invalid input syntax for type uuid: "owner@example.com"'), {
      name: "DatabaseError",
      code: "22P02",
    });
    // As drizzle builds it (from whichever copy of the package): the parameters in the message, the driver's error as cause.
    const query = Object.assign(new Error("Failed query: select 1\nparams: owner@example.com"), {
      name: "DrizzleQueryError",
      query: "select 1",
      params: ["owner@example.com"],
      cause: database,
    });
    expect(describeError(query)).toBe("DatabaseError (22P02): invalid input syntax for type uuid");
    // Auth.js wraps what authorize() threw as { cause: { err } }.
    expect(describeError(Object.assign(new Error("Read more at …"), { cause: { err: query } }))).toBe(
      "DatabaseError (22P02): invalid input syntax for type uuid",
    );
    const bare = Object.assign(new Error("Failed query: insert\nparams: x"), { query: "insert", params: ["x"] });
    expect(describeError(bare)).toBe("Error: query failed");
  });
});
