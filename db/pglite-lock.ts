// One process at a time on an embedded (PGlite) data directory: a second opener would silently lose writes.
//
// The lock is proper-lockfile's: a directory `ecourier.lock` made with mkdir (atomic), whose mtime its holder
// refreshes every 5 s; a lock not refreshed for 15 s is stale and may be broken. That rule alone kept every
// restart after a crash (SIGKILL, an OOM kill) out for up to 15 s, long enough for a supervisor to give up. So
// the holder also leaves an owner record inside the lock directory (owner.json: pid, process start time, host,
// boot and pid namespace), written to a temporary file beside the lock and renamed into place, so a reader
// sees a whole record or none. An opener that finds the lock held reads the record:
// - an owner in this process table (same host, boot and pid namespace) that is still running (same pid and
//   the same start time, so a reused pid does not count) holds it: refused, however old the mtime;
// - one that is not running any more: its lock is taken over at once, and the log says so;
// - an owner elsewhere (another machine, or another pid namespace: a container, and also the same container
//   restarted, whose old processes cannot be seen from the new one), or no record (a lock from before owner
//   records, or one caught between its mkdir and its record): proper-lockfile's 15 s rule decides, as before.
// Adding the record moves the lock directory's mtime, which the holder's refresh checks: it is set back.
// Taking over claims the dead owner's record first by renaming it away (a rename succeeds for one process
// only), so two openers that both saw the owner dead cannot both take it. What remains is proper-lockfile's
// own race between two openers breaking the same stale lock at the same instant; its refresh timer notices
// within 5 s and the loser logs "lost the lock".
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import lockfile from "proper-lockfile";
import { logError, logInfo } from "@/lib/platform/log";

export const LOCK_NAME = "ecourier.lock";
const OWNER_NAME = "owner.json";
const STALE_MS = 15_000;
const UPDATE_MS = 5_000;

/** Who holds a lock, as recorded in it. `start` tells a process from a later one that got the same pid. */
export type LockOwner = {
  pid: number;
  start: string | null;
  host: string;
  boot: string | null;
  pidNamespace: string | null;
  token: string;
};

/** Locks a PGlite data directory (creating it); returns the release. Throws a message a person can act on. */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, LOCK_NAME);
  try {
    makeDirectory(dataDir);
    const me = currentOwner();
    for (let attempt = 1; ; attempt++) {
      const owner = readOwner(lockPath);
      const state = owner ? ownerState(owner, me) : "unknown";
      if (owner && state === "running") throw alreadyOpen(dataDir, lockPath, owner, me);
      if (owner && (state === "gone" || state === "pid reused") && takeOver(lockPath, owner)) {
        const reused = state === "pid reused" ? ` (pid ${owner.pid} now belongs to another process)` : "";
        const gone = `process ${owner.pid}, which is no longer running${reused}`;
        logInfo(`Embedded database ${dataDir}: took over the lock of ${gone}.`);
      }
      try {
        const release = lockfile.lockSync(dataDir, {
          lockfilePath: lockPath,
          stale: STALE_MS,
          update: UPDATE_MS,
          fs: { ...fs, rmdirSync: removeLockDirectory },
          onCompromised: (err) => logError("db", `lost the lock on ${dataDir}`, err),
        });
        writeOwner(lockPath, me);
        return release;
      } catch (err) {
        // Held: read the record again (it may have been mid-write, or its owner may have just died), then give up.
        if (errorCode(err) !== "ELOCKED" || attempt >= 3) throw err;
      }
    }
  } catch (err) {
    if (errorCode(err) === "ELOCKED") throw alreadyOpen(dataDir, lockPath, readOwner(lockPath), currentOwner());
    throw explainDataDirError(err, dataDir);
  }
}

/**
 * A failure to create or write the data directory, in words that name it and say what to do; any other
 * error unchanged. Node's message names the lock directory at best, and the log shows "EROFS" alone.
 */
export function explainDataDirError(err: unknown, dataDir: string): unknown {
  const code = errorCode(err);
  const instead = "Set PGLITE_DATA_DIR to a writable directory, or DATABASE_URL to use PostgreSQL.";
  if (code === "EROFS") return new Error(`The embedded database directory ${dataDir} is read-only (EROFS). ${instead}`);
  if (code === "EACCES" || code === "EPERM") {
    return new Error(
      `The embedded database directory ${dataDir} is not writable by this process (${code}). ` +
        `Give this process's user write access to it, or ${instead[0].toLowerCase()}${instead.slice(1)}`,
    );
  }
  return err;
}

// ---- the owner record ----------------------------------------------------------------------------------

const recordPath = (lockPath: string) => path.join(lockPath, OWNER_NAME);

function writeOwner(lockPath: string, me: Omit<LockOwner, "token">): void {
  const owner: LockOwner = { ...me, token: randomBytes(8).toString("hex") };
  const temporary = `${lockPath}.${owner.token}.tmp`; // beside the lock: a leftover never blocks its rmdir
  try {
    fs.writeFileSync(temporary, JSON.stringify(owner));
    keepingMtime(lockPath, () => fs.renameSync(temporary, recordPath(lockPath)));
  } catch (err) {
    // Still locked; without a record, a restart after a crash waits for the 15 s rule, as before.
    fs.rmSync(temporary, { force: true });
    logError("db", `could not record this process as the owner of ${lockPath}`, err);
  }
}

function readOwner(lockPath: string): LockOwner | null {
  return parseOwner(readText(recordPath(lockPath)));
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    const owner = JSON.parse(text) as Partial<LockOwner>;
    const optional = (value: unknown) => value === null || typeof value === "string";
    if (
      Number.isSafeInteger(owner.pid) &&
      (owner.pid as number) > 0 &&
      typeof owner.host === "string" &&
      typeof owner.token === "string" &&
      optional(owner.start) &&
      optional(owner.boot) &&
      optional(owner.pidNamespace)
    )
      return owner as LockOwner;
  } catch {
    // not a record we wrote: treated as none
  }
  return null;
}

/**
 * Runs a change inside the lock directory, then sets the directory's mtime back: the holder's refresh
 * finds its lock compromised when the mtime is not the one it last set (and an entry added or removed
 * moves a directory's mtime). All synchronous, so the refresh cannot run in between.
 */
function keepingMtime(lockPath: string, change: () => void): void {
  const { mtime } = fs.statSync(lockPath);
  change();
  fs.utimesSync(lockPath, mtime, mtime);
}

/** proper-lockfile removes its lock with rmdir (at release, at exit, breaking a stale one): the record goes first. */
function removeLockDirectory(lockPath: fs.PathLike): void {
  fs.rmSync(path.join(String(lockPath), OWNER_NAME), { force: true });
  fs.rmdirSync(lockPath);
}

/**
 * Removes the lock of an owner found dead, if it is still that owner's: renaming its record away is the
 * claim (only one process can), the record's token proves it was the one judged. False when another
 * process got there first; then the lock, whoever holds it now, is left alone.
 */
function takeOver(lockPath: string, owner: LockOwner): boolean {
  const claimed = `${lockPath}.${randomBytes(8).toString("hex")}.takeover`;
  let mtime: Date;
  try {
    mtime = fs.statSync(lockPath).mtime;
    fs.renameSync(recordPath(lockPath), claimed);
  } catch {
    return false; // gone already: released, or taken over by another opener
  }
  try {
    if (parseOwner(readText(claimed))?.token !== owner.token) {
      fs.renameSync(claimed, recordPath(lockPath)); // a newer owner's record: put it back, mtime as it was
      fs.utimesSync(lockPath, mtime, mtime);
      return false;
    }
    fs.rmdirSync(lockPath);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(claimed, { force: true });
  }
}

// ---- is the owner alive? -------------------------------------------------------------------------------

type OwnerState = "running" | "gone" | "pid reused" | "unknown";

/** This process, as it would record itself. */
function currentOwner(): Omit<LockOwner, "token"> {
  return {
    pid: process.pid,
    start: processStart(process.pid),
    host: os.hostname(),
    boot: readText("/proc/sys/kernel/random/boot_id")?.trim() || null,
    pidNamespace: readLink("/proc/self/ns/pid"),
  };
}

/** Whether a recorded owner still runs; "unknown" when its pids mean nothing here (another machine or container). */
function ownerState(owner: LockOwner, me: Omit<LockOwner, "token">): OwnerState {
  if (owner.host !== me.host || owner.boot !== me.boot || owner.pidNamespace !== me.pidNamespace) return "unknown";
  if (!isRunning(owner.pid)) return "gone";
  const start = processStart(owner.pid);
  if (owner.start === null || start === null) return "unknown";
  return start === owner.start ? "running" : "pid reused";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return errorCode(err) === "EPERM"; // it exists, under another user
  }
  // A killed process its parent has not reaped yet still answers kill(pid, 0).
  const state = procStat(pid)?.[0];
  return state !== "Z" && state !== "X";
}

/**
 * When a process started: on Linux field 22 of /proc/<pid>/stat (clock ticks since boot), elsewhere `ps`'s
 * lstart; null when neither can tell.
 */
function processStart(pid: number): string | null {
  if (fs.existsSync("/proc/self/stat")) return procStat(pid)?.[19] ?? null;
  try {
    return (
      execFileSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8", timeout: 2_000 }).trim() || null
    );
  } catch {
    return null;
  }
}

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces): [0] is field 3, the state. */
function procStat(pid: number): string[] | null {
  const text = readText(`/proc/${pid}/stat`);
  return text ? text.slice(text.lastIndexOf(")") + 2).split(" ") : null;
}

// ---- small file helpers --------------------------------------------------------------------------------

/**
 * mkdir -p, one level at a time: Node's recursive mkdir reports a read-only parent as ENOENT, and loops
 * forever under /proc.
 */
function makeDirectory(dir: string, parentMade = false): void {
  try {
    fs.mkdirSync(dir);
  } catch (err) {
    const code = errorCode(err);
    if (code === "EEXIST" && fs.statSync(dir).isDirectory()) return;
    if (code !== "ENOENT" || parentMade || path.dirname(dir) === dir) throw err;
    makeDirectory(path.dirname(dir));
    makeDirectory(dir, true);
  }
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

function readLink(file: string): string | null {
  try {
    return fs.readlinkSync(file);
  } catch {
    return null;
  }
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

function alreadyOpen(dataDir: string, lockPath: string, owner: LockOwner | null, me: Omit<LockOwner, "token">): Error {
  const state = owner && ownerState(owner, me);
  const who = !owner
    ? ""
    : state === "unknown"
      ? `: process ${owner.pid} on ${owner.host}`
      : owner.pid === me.pid
        ? ": this process"
        : `: process ${owner.pid}`;
  return new Error(
    `The embedded database ${dataDir} is already open in another process (lock file ${lockPath})${who}. ` +
      `Stop that process first, or set PGLITE_DATA_DIR to another directory, or DATABASE_URL to use PostgreSQL.`,
  );
}
