// Test-only: opens the embedded database in the directory given as the first argument, says so with its
// pid on stdout, and holds it open until killed. db/pglite-lock.test.ts SIGKILLs it to leave a lock
// behind whose owner is gone, as a crash or an OOM kill would. Run it with node itself
// (`node --import tsx scripts/hold-pglite.ts <dir>`, TSX_TSCONFIG_PATH=tsconfig.dev.json), not through
// the tsx command, which runs the script in a child process and would leave that child holding on.
import { openDatabase } from "@/db";
import { logError, logInfo } from "@/lib/platform/log";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: hold-pglite.ts <data directory>");
try {
  await openDatabase({ dataDir });
  logInfo(`holding ${dataDir} as process ${process.pid}`);
  setInterval(() => {}, 60_000); // keeps the process (and the lock's refresh timer) alive
} catch (err) {
  logError("hold-pglite", `could not open ${dataDir}`, err);
  process.exit(1);
}
