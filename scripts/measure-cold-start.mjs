// Cold start of `npm start`: milliseconds from spawning it to the first 200 on /login, on a fresh
// embedded database each time. Several checkouts alternate run by run, so drift on a shared machine
// falls on all alike: node scripts/measure-cold-start.mjs [--runs 5] [dir …] (default: this one).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const { values, positionals } = parseArgs({
  options: { runs: { type: "string", default: "5" } },
  allowPositionals: true,
});
const dirs = positionals.length ? positionals.map((d) => path.resolve(d)) : [process.cwd()];
const port = Number(process.env.PORT || 3390);

async function coldStart(dir) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ecourier-cold-start-"));
  const env = { ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, AUTH_SECRET: "cold-start-only-secret" };
  delete env.DATABASE_URL;
  const started = performance.now();
  // Its own process group, so stopping it reaches npm's shell and the server alike.
  const child = spawn("npm", ["start"], { cwd: dir, env, stdio: "ignore", detached: true });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    while (child.exitCode === null) {
      const status = await fetch(`http://127.0.0.1:${port}/login`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`npm start in ${dir} exited with ${child.exitCode}`);
  } finally {
    process.kill(-child.pid, "SIGTERM");
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const times = new Map(dirs.map((d) => [d, []]));
for (let run = 1; run <= Number(values.runs); run++) {
  for (const dir of run % 2 ? dirs : [...dirs].reverse()) {
    const ms = await coldStart(dir);
    times.get(dir).push(ms);
    console.log(`run ${run}  ${dir}: ${ms.toFixed(0)} ms (load average ${os.loadavg()[0].toFixed(1)})`);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [dir, ms] of times)
  console.log(`${dir}: median ${median(ms).toFixed(0)} ms of ${ms.map((x) => x.toFixed(0)).join(", ")}`);
