import fs from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { describeError, escapeControlCharacters, logError, logInfo, redactSecrets } from "./log";

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

describe("control characters in log lines", () => {
  it("are escaped: C0 (NUL and line breaks included), DEL, C1 and U+2028/U+2029; other text is unchanged", () => {
    expect(escapeControlCharacters("/v1/x\n[api] POST /v1/shipments 201\r\t\u001b[31mred")).toBe(
      "/v1/x\\n[api] POST /v1/shipments 201\\r\\t\\x1b[31mred",
    );
    expect(escapeControlCharacters("a\u0000b\u007fc\u0085d\u009be\u2028f\u2029g")).toBe(
      "a\\x00b\\x7fc\\x85d\\x9be\\u2028f\\u2029g",
    );
    const escaped: number[] = [];
    for (let code = 0; code < 0x10000; code++)
      if (escapeControlCharacters(String.fromCharCode(code)) !== String.fromCharCode(code)) escaped.push(code);
    const controls = [...Array(0x20).keys(), ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i), 0x2028, 0x2029];
    expect(escaped).toEqual(controls);
    const plain = "/v1/shipments/ship_01 Zoë 東京 ☃ \\ ~";
    expect(escapeControlCharacters(plain)).toBe(plain);
  });

  it("cannot start a second line or a terminal escape through logError or logInfo", () => {
    const lines: string[] = [];
    const capture = (text: unknown) => void lines.push(String(text));
    const spies = [
      vi.spyOn(console, "error").mockImplementation(capture),
      vi.spyOn(console, "log").mockImplementation(capture),
    ];
    try {
      logError("api", "GET /v1/x\n[api] POST /v1/shipments 201 failed", new Error("bad\u001b[2Jinput\u2028"));
      logInfo("seen\r\n[auth] signed in");
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(lines).toEqual([
      "[api] GET /v1/x\\n[api] POST /v1/shipments 201 failed: Error: bad\\x1b[2Jinput\\u2028",
      "seen\\r\\n[auth] signed in",
    ]);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
  });
});
