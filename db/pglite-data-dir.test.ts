// The embedded database's promises: data survives a restart, a second process on the same data
// directory fails loudly instead of silently losing writes, and a directory it cannot write is named.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { drizzleFor, openDatabase } from "./";
import { explainDataDirError } from "./pglite-lock";
import { users } from "./schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ecourier-pglite-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("embedded PGlite data directory", () => {
  it("keeps what was written across a close and reopen", async () => {
    const first = await openDatabase({ dataDir: dir });
    await drizzleFor(first).insert(users).values({ email: "kept@example.com", name: "Kept", passwordHash: "x" });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const rows = await drizzleFor(second).execute(sql`select email from users`);
    await second.close();
    expect(rows.rows).toEqual([{ email: "kept@example.com" }]);
  });

  it("refuses a second opener, in this process and in another, naming the lock", async () => {
    const holder = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        /already open in another process \(lock file .*ecourier\.lock\)/,
      );
      const run = promisify(execFile);
      const other = run("npx", ["tsx", "--tsconfig", "tsconfig.dev.json", "db/cli.ts", "migrate"], {
        env: { ...process.env, DATABASE_URL: "", PGLITE_DATA_DIR: dir },
      });
      await expect(other).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("ecourier.lock") });
    } finally {
      await holder.close();
    }
    // Released on close: the next opener gets in.
    const again = await openDatabase({ dataDir: dir });
    await again.close();
  });

  // /sys refuses a new directory even to root: EPERM here, EROFS or EACCES on other machines. A real refusal,
  // both where the data directory must be created and where it exists but the lock cannot be made in it.
  it.each([["/sys/ecourier-pglite-test"], ["/sys"]])(
    "names %s when it cannot write there, and what to do",
    async (dir) => {
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(
        new RegExp(
          `^The embedded database directory ${dir} is (read-only \\(EROFS\\)|not writable by this process \\((EACCES|EPERM)\\))\\. ` +
            `.*[Ss]et PGLITE_DATA_DIR to a writable directory, or DATABASE_URL to use PostgreSQL\\.$`,
        ),
      );
    },
  );

  it("says what a read-only or unwritable directory needs", () => {
    const failure = (code: string) => Object.assign(new Error(code), { code });
    expect(explainDataDirError(failure("EROFS"), "/x")).toEqual(
      new Error(
        "The embedded database directory /x is read-only (EROFS). " +
          "Set PGLITE_DATA_DIR to a writable directory, or DATABASE_URL to use PostgreSQL.",
      ),
    );
    expect(explainDataDirError(failure("EACCES"), "/x")).toEqual(
      new Error(
        "The embedded database directory /x is not writable by this process (EACCES). Give this process's user " +
          "write access to it, or set PGLITE_DATA_DIR to a writable directory, or DATABASE_URL to use PostgreSQL.",
      ),
    );
    const other = failure("ENOSPC");
    expect(explainDataDirError(other, "/x")).toBe(other);
  });
});
