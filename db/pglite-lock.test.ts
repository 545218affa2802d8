// The embedded database's lock after a crash: a restart whose lock owner is gone gets in at once (it used
// to wait 15 s for the lock to go stale, and a supervisor with a start limit would give up), while a live
// owner is still refused however old its lock looks; an owner on another machine keeps the 15 s rule.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { openDatabase } from "./";
import { lockDataDir, LOCK_NAME } from "./pglite-lock";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "ecourier-pglite-lock-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Runs scripts/hold-pglite.ts on `dataDir` with node itself, so the child's pid is the lock's owner. */
async function startHolder(dataDir: string): Promise<{ child: ChildProcess; pid: number }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/hold-pglite.ts", dataDir], {
    env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.dev.json", DATABASE_URL: "", PGLITE_DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const pid = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the holder did not open within 60 s: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const holding = /holding .* as process (\d+)/.exec(output);
      if (holding) {
        clearTimeout(timer);
        resolve(Number(holding[1]));
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`the holder exited (${code}): ${output}`)));
  });
  return { child, pid };
}

function captureLog() {
  const lines: { at: number; text: string }[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((text: unknown) => {
    lines.push({ at: Date.now(), text: String(text) });
  });
  return { lines, restore: () => spy.mockRestore() };
}

describe("a data directory whose holder crashed", () => {
  const dataDir = path.join(root, "crashed");
  let holder: { child: ChildProcess; pid: number };

  beforeAll(async () => {
    holder = await startHolder(dataDir);
  }, 90_000);
  afterAll(() => {
    if (holder.child.exitCode === null && holder.child.signalCode === null) holder.child.kill("SIGKILL");
  });

  it("is refused to a second process while its holder runs, naming the holder", async () => {
    await expect(openDatabase({ dataDir })).rejects.toThrow(
      new RegExp(`already open in another process \\(lock file .*${LOCK_NAME}\\): process ${holder.pid}\\.`),
    );
  });

  it("is taken at once by the next opener after a SIGKILL, which says so", async () => {
    const exited = new Promise((resolve) => holder.child.once("exit", resolve));
    const killedAt = Date.now();
    process.kill(holder.pid, "SIGKILL");
    await exited;
    const log = captureLog();
    try {
      // One attempt, no retries: before, every attempt for 15 s was refused as "already open".
      const client = await openDatabase({ dataDir });
      await client.close();
    } finally {
      log.restore();
    }
    const tookOver = log.lines.find((line) => line.text.includes("took over the lock"));
    expect(tookOver?.text).toBe(
      `Embedded database ${dataDir}: took over the lock of process ${holder.pid}, which is no longer running.`,
    );
    // Well before the old lock could have gone stale (15 s without a refresh).
    expect(tookOver!.at - killedAt).toBeLessThan(10_000);
  });
});

// The rules on fabricated locks, through lockDataDir itself (no database is opened).
describe("the lock's owner record", () => {
  const dataDir = path.join(root, "records");
  const lockPath = path.join(dataDir, LOCK_NAME);
  const ownerPath = path.join(lockPath, "owner.json");
  beforeEach(() => fs.rmSync(lockPath, { recursive: true, force: true })); // what a failed test left

  /** This process's own record, as the lock writes it. */
  function ownRecord(): Record<string, unknown> {
    const release = lockDataDir(dataDir);
    const record = JSON.parse(fs.readFileSync(ownerPath, "utf8")) as Record<string, unknown>;
    release();
    expect(fs.existsSync(lockPath)).toBe(false); // released with its record
    return record;
  }

  /** A lock left as another process would leave it, refreshed `ageMs` ago. */
  function leaveLock(record: Record<string, unknown> | null, ageMs = 0) {
    fs.mkdirSync(lockPath);
    if (record) fs.writeFileSync(ownerPath, JSON.stringify(record));
    const mtime = new Date(Date.now() - ageMs);
    fs.utimesSync(lockPath, mtime, mtime);
  }

  it("stays held, record and all, across the refreshes that check its mtime is still its own", () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.useFakeTimers(); // proper-lockfile refreshes on a 5 s timer
    try {
      const release = lockDataDir(dataDir);
      vi.advanceTimersByTime(30_000);
      release(); // throws "Lock is already released" if a refresh had found it compromised
    } finally {
      vi.useRealTimers();
      errors.mockRestore();
    }
    expect(errors).not.toHaveBeenCalled();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it("refuses an opener while its owner runs, even when the lock has not been refreshed for a minute", () => {
    const release = lockDataDir(dataDir);
    const { mtime } = fs.statSync(lockPath);
    try {
      const aMinuteAgo = new Date(Date.now() - 60_000);
      fs.utimesSync(lockPath, aMinuteAgo, aMinuteAgo); // as if this process's event loop had stalled
      expect(() => lockDataDir(dataDir)).toThrow(/already open in another process \(lock file .*\): this process\./);
    } finally {
      fs.utimesSync(lockPath, mtime, mtime); // the holder's refresh checks that the mtime is still its own
      release();
    }
  });

  it("takes over at once when the recorded pid now belongs to another process", () => {
    const record = ownRecord();
    leaveLock({ ...record, start: `not ${String(record.start)}` }); // same pid, another start: a reused pid
    const log = captureLog();
    try {
      lockDataDir(dataDir)();
    } finally {
      log.restore();
    }
    expect(log.lines.map((line) => line.text)).toContain(
      `Embedded database ${dataDir}: took over the lock of process ${process.pid}, which is no longer running ` +
        `(pid ${process.pid} now belongs to another process).`,
    );
  });

  it("keeps the 15 s rule for an owner on another machine, and for a lock without a record", () => {
    const elsewhere = { ...ownRecord(), host: "another-machine", pid: 4242 };
    for (const record of [elsewhere, null]) {
      leaveLock(record, 2_000);
      expect(() => lockDataDir(dataDir)).toThrow(/already open in another process/);
      fs.rmSync(lockPath, { recursive: true });
      leaveLock(record, 20_000); // not refreshed for longer than 15 s: stale
      lockDataDir(dataDir)();
      expect(fs.existsSync(lockPath)).toBe(false);
    }
    leaveLock(elsewhere);
    expect(() => lockDataDir(dataDir)).toThrow(/\(lock file .*\): process 4242 on another-machine\./);
    fs.rmSync(lockPath, { recursive: true });
  });

  it("lets only one of two openers take over from the same dead owner, and leaves the winner's lock alone", () => {
    const dead = { ...ownRecord(), pid: 2 ** 22 + 1 }; // above Linux's pid_max: never running
    leaveLock(dead);
    const log = captureLog();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    vi.useFakeTimers(); // before the lock is taken: proper-lockfile refreshes it on a 5 s timer
    const readFileSync = fs.readFileSync;
    try {
      const first = lockDataDir(dataDir); // took over from the dead owner
      // A second opener that read the dead owner's record just before the first took over (its first read
      // of owner.json is served that old record) must neither take the lock nor disturb the first's.
      let staleReads = 1;
      const spy = vi
        .spyOn(fs, "readFileSync")
        .mockImplementation(((file: string, options: BufferEncoding) =>
          file === ownerPath && staleReads-- > 0 ? JSON.stringify(dead) : readFileSync(file, options)) as never);
      expect(() => lockDataDir(dataDir)).toThrow(/already open in another process \(lock file .*\): this process\./);
      spy.mockRestore();
      vi.advanceTimersByTime(10_000); // the first's refreshes still find the lock's mtime their own
      first(); // throws "Lock is already released" if a refresh had found it compromised
    } finally {
      vi.restoreAllMocks();
      vi.useRealTimers();
      log.restore();
    }
    expect(errors).not.toHaveBeenCalled();
    expect(log.lines.filter((line) => line.text.includes("took over"))).toHaveLength(1);
    expect(fs.existsSync(lockPath)).toBe(false);
  });
});
