// More instances of the built app (dist/server.js) on one PostgreSQL database, as a load balancer
// would have behind it: for the tests of what must hold across instances.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

const POSTGRES_SERVER = process.env.TEST_POSTGRES_SERVER_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export type Instance = { url: string; stop: () => Promise<void> };

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database on the local server, and a way to drop it. */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ecourier_instances_${randomBytes(5).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(POSTGRES_SERVER);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Starts dist/server.js on `port` with `env` and waits until /v1/health answers. */
export async function startInstance(port: number, env: Record<string, string>, args: string[] = []): Promise<Instance> {
  const child: ChildProcess = spawn(process.execPath, ["dist/server.js", ...args], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      AUTH_SECRET: "instances-test-secret-not-for-production",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const url = `http://localhost:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let waited = 0; waited < 60_000; waited += 250) {
    if (child.exitCode !== null) throw new Error(`instance on port ${port} exited: ${stderr}`);
    const ok = await fetch(`${url}/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`instance on port ${port} did not answer within 60 s: ${stderr}`);
}

/** A standalone API process: `kill` sends any signal (SIGKILL: a crash); `output` is its stdout and stderr so far. */
export type StandaloneApi = Instance & {
  pid: number;
  exitCode: () => number | null;
  exited: Promise<number | null>;
  kill: (signal: NodeJS.Signals) => void;
  output: () => string;
};

/**
 * The API alone (api/standalone.ts, run from source by tsx: no build needed) on `databaseUrl`, on a
 * free port, behind one trusted proxy. `stop` sends SIGTERM and waits for the exit.
 */
export async function startStandaloneApi(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<StandaloneApi> {
  const child: ChildProcess = spawn(
    process.execPath,
    // tsx as a loader of this node process, not tsx's command line: that one runs the server as its
    // child, so a SIGKILL (a crash) would kill the command line and leave the server running.
    ["--import", "tsx", "api/standalone.ts"],
    {
      env: {
        ...process.env,
        TSX_TSCONFIG_PATH: "tsconfig.dev.json",
        DATABASE_URL: databaseUrl,
        PORT: "0",
        TRUST_PROXY: "1",
        NODE_ENV: "production",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within 60 s: ${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk;
      const listening = /eCourier API on (http:\/\/localhost:\d+)\/v1/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]);
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("exit", (code) => reject(new Error(`the API exited (${code}): ${output}`)));
  });
  const exited = new Promise<number | null>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
  return {
    url,
    pid: child.pid!,
    exitCode: () => child.exitCode,
    exited,
    kill: (signal) => void child.kill(signal),
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
