import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { config, readConfig } from "./config";

describe("the configuration", () => {
  it("has a default for every variable that needs one; unset and empty are the same", () => {
    const defaults = {
      NODE_ENV: "development",
      PORT: undefined,
      HOSTNAME: "localhost",
      TRUST_PROXY: 0,
      AUTH_SECRET: undefined,
      DATABASE_URL: undefined,
      PGLITE_DATA_DIR: undefined,
      PG_POOL_MAX: 10,
      PG_STATEMENT_TIMEOUT_MS: 5_000,
      PG_CONNECT_TIMEOUT_MS: 5_000,
      REDIS_URL: undefined,
      REDIS_KEY_PREFIX: "ecourier",
      API_BASE_URL: undefined,
      SECRET_SCANNING_KEYS_URL: "https://api.github.com/meta/public_keys/secret_scanning",
      USAGE_COUNTING: "on",
      USAGE_FLUSH_INTERVAL_MS: 5_000,
      SMTP_URL: undefined,
      MAIL_FROM: undefined,
      APP_URL: undefined,
      NOTIFICATION_SCAN_INTERVAL_MS: 300_000,
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: false,
      WEBHOOK_RETRY_SCHEDULE_MS: undefined,
      SHUTDOWN_GRACE_MS: 10_000,
    };
    expect(readConfig({})).toEqual(defaults);
    expect(readConfig(Object.fromEntries(Object.keys(defaults).map((name) => [name, " "])))).toEqual(defaults);
  });

  it("reads each value as the code uses it", () => {
    expect(
      readConfig({
        NODE_ENV: "production",
        PORT: "0",
        TRUST_PROXY: "2",
        DATABASE_URL: "postgres://app:pw@db.internal:5432/ecourier",
        PG_POOL_MAX: "25",
        PG_STATEMENT_TIMEOUT_MS: "30000",
        PG_CONNECT_TIMEOUT_MS: "2000",
        API_BASE_URL: " https://api.ecourier.example/ ",
        USAGE_COUNTING: "off",
        WEBHOOK_ALLOW_PRIVATE_ADDRESSES: "1",
        WEBHOOK_RETRY_SCHEDULE_MS: "5000, 60000,600000",
      }),
    ).toMatchObject({
      NODE_ENV: "production",
      PORT: 0,
      TRUST_PROXY: 2,
      DATABASE_URL: "postgres://app:pw@db.internal:5432/ecourier",
      PG_POOL_MAX: 25,
      PG_STATEMENT_TIMEOUT_MS: 30_000,
      PG_CONNECT_TIMEOUT_MS: 2_000,
      API_BASE_URL: "https://api.ecourier.example",
      USAGE_COUNTING: "off",
      WEBHOOK_ALLOW_PRIVATE_ADDRESSES: true,
      WEBHOOK_RETRY_SCHEDULE_MS: [5_000, 60_000, 600_000],
    });
  });

  it.each([
    ["PORT", "abc", 'PORT: expected a port number 0–65535, got "abc"'],
    ["PORT", "70000", 'PORT: expected a port number 0–65535, got "70000"'],
    ["NODE_ENV", "staging", 'NODE_ENV: expected "development", "production" or "test", got "staging"'],
    ["TRUST_PROXY", "true", "TRUST_PROXY must be the number of proxies in front of the app (e.g. TRUST_PROXY=1"],
    ["DATABASE_URL", "mysql://db/x", "DATABASE_URL: expected a postgres:// or postgresql:// URL"],
    ["PG_POOL_MAX", "0", 'PG_POOL_MAX: expected a number of connections 1–1000, got "0"'],
    ["PG_STATEMENT_TIMEOUT_MS", "0", 'PG_STATEMENT_TIMEOUT_MS: expected a number of milliseconds ≥ 100, got "0"'],
    ["PG_CONNECT_TIMEOUT_MS", "5s", 'PG_CONNECT_TIMEOUT_MS: expected a number of milliseconds ≥ 100, got "5s"'],
    ["REDIS_URL", "localhost:6379", "REDIS_URL: expected a redis:// or rediss:// URL"],
    [
      "API_BASE_URL",
      "api.ecourier.example",
      'API_BASE_URL: expected an http:// or https:// URL, got "api.ecourier.example"',
    ],
    [
      "SECRET_SCANNING_KEYS_URL",
      "ftp://x",
      'SECRET_SCANNING_KEYS_URL: expected an http:// or https:// URL, got "ftp://x"',
    ],
    ["USAGE_COUNTING", "no", 'USAGE_COUNTING: expected "on" or "off", got "no"'],
    ["USAGE_FLUSH_INTERVAL_MS", "50", 'USAGE_FLUSH_INTERVAL_MS: expected a number of milliseconds ≥ 100, got "50"'],
    ["SMTP_URL", "mail.example.com", "SMTP_URL: expected an smtp:// or smtps:// URL"],
    ["MAIL_FROM", "eCourier", 'MAIL_FROM: expected an email address, got "eCourier"'],
    ["APP_URL", "/dashboard", 'APP_URL: expected an http:// or https:// URL, got "/dashboard"'],
    [
      "NOTIFICATION_SCAN_INTERVAL_MS",
      "5m",
      'NOTIFICATION_SCAN_INTERVAL_MS: expected a number of milliseconds ≥ 1000, got "5m"',
    ],
    ["WEBHOOK_ALLOW_PRIVATE_ADDRESSES", "yes", 'WEBHOOK_ALLOW_PRIVATE_ADDRESSES: expected "1" or "0", got "yes"'],
    [
      "WEBHOOK_RETRY_SCHEDULE_MS",
      "5s,1m",
      "WEBHOOK_RETRY_SCHEDULE_MS: expected comma-separated numbers of milliseconds",
    ],
    ["SHUTDOWN_GRACE_MS", "-1", 'SHUTDOWN_GRACE_MS: expected a number of milliseconds ≥ 0, got "-1"'],
  ])("%s=%j is refused, by name", (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(message);
  });

  it("names every wrong variable at once, and never repeats a secret's value", () => {
    let message = "";
    try {
      readConfig({ PORT: "abc", DATABASE_URL: "postgres//app:s3cret@db/x", SMTP_URL: "mail.example.com:s3cret" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split("\n").map((line) => line.split(":")[0])).toEqual(["PORT", "DATABASE_URL", "SMTP_URL"]);
    expect(message).not.toContain("s3cret");
  });

  describe("config(), the process's", () => {
    const before = process.env.API_BASE_URL;
    afterEach(() => {
      if (before === undefined) delete process.env.API_BASE_URL;
      else process.env.API_BASE_URL = before;
    });

    it("follows process.env: a variable changed between calls is seen, and validated", () => {
      process.env.API_BASE_URL = "https://one.example/";
      expect(config().API_BASE_URL).toBe("https://one.example");
      process.env.API_BASE_URL = "https://two.example";
      expect(config().API_BASE_URL).toBe("https://two.example");
      process.env.API_BASE_URL = "two.example";
      expect(() => config()).toThrow('API_BASE_URL: expected an http:// or https:// URL, got "two.example"');
    });
  });

  // A real start: the check runs before anything else, and its message reaches the log by name.
  it.each([
    ["server.ts", "[server] could not start"],
    ["api/standalone.ts", "[api] could not start"],
  ])("a wrong variable stops %s at start, named in its log line", async (entry, prefix) => {
    const run = promisify(execFile);
    const start = run("node", ["node_modules/tsx/dist/cli.mjs", "--tsconfig", "tsconfig.dev.json", entry], {
      env: { ...process.env, PORT: "abc", DATABASE_URL: "postgres://127.0.0.1:1/none" },
    });
    await expect(start).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(`${prefix}: ConfigError: PORT: expected a port number 0–65535, got "abc"`),
    });
  });
});

// ---- process.env is read by lib/platform/config.ts only.

/** Ways to reach the environment: process.env (or ?. or ["env"]), `{ env } = process`, node:process. */
const ENV_ACCESS = [
  /\bprocess\s*\??\.\s*env\b/,
  /\bprocess\s*\[\s*["'`]env["'`]\s*\]/,
  /\{[^}]*\benv\b[^}]*\}\s*=\s*(globalThis\.)?process\b/,
  /\bfrom\s+["'](node:)?process["']/,
];

/** The exceptions, each exactly one use, removed before the check. */
const ALLOWED: Record<string, RegExp> = {
  // The one reader.
  "lib/platform/config.ts": /[^]*/,
  // Auth.js reads AUTH_SECRET from the environment itself: ensureAuthSecret writes a generated one there (a write, not a read).
  "lib/platform/auth-secret.ts": /^\s*process\.env\.AUTH_SECRET = (?!=)/m,
  // NODE_ENV, which Next.js replaces with a constant when it builds the proxy (proxy.ts says why).
  "proxy.ts": /\bprocess\.env\.NODE_ENV\b/,
};

/** The product files that reach the environment themselves. */
function envReaders(files: { file: string; source: string }[]): string[] {
  return files
    .filter(({ file, source }) => {
      const rest = ALLOWED[file] ? source.replace(ALLOWED[file], "") : source;
      return ENV_ACCESS.some((pattern) => pattern.test(rest));
    })
    .map(({ file }) => file);
}

function productFiles(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs
    .readdirSync(entry)
    .filter((name) => ![".next", "node_modules", "dist", ".data"].includes(name))
    .flatMap((name) => productFiles(path.posix.join(entry, name)))
    .filter((file) => /\.tsx?$/.test(file) && !/(\.test\.tsx?|\.d\.ts|(^|\/)testing\.ts)$/.test(file));
}

describe("the environment", () => {
  it("is read only through lib/platform/config.ts, in every product file (tests, e2e/ and scripts/ aside)", () => {
    // The root's own files (server.ts, proxy.ts), not the tools' configuration (playwright, vitest, next, drizzle).
    const root = fs
      .readdirSync(".")
      .filter((name) => /\.tsx?$/.test(name) && !/^(playwright|vitest)|\.config\.ts$|\.d\.ts$/.test(name));
    expect(root).toEqual(expect.arrayContaining(["server.ts", "proxy.ts"]));
    const files = [...root, "app", "components", "lib", "api", "db"].flatMap(productFiles);
    expect(files).toEqual(expect.arrayContaining(["lib/platform/auth-secret.ts", "db/index.ts", "api/standalone.ts"]));
    expect(files.length).toBeGreaterThan(100);
    expect(envReaders(files.map((file) => ({ file, source: fs.readFileSync(file, "utf8") })))).toEqual([]);
  });

  // Each planted file must be reported (or, for the allowed uses, not).
  it.each([
    ["a read in lib/", "lib/credentials/x.ts", "const url = process.env.REDIS_URL;", true],
    ["an optional-chain read", "api/x.ts", "const url = process?.env.REDIS_URL;", true],
    ["a read by index", "db/x.ts", 'const url = process["env"].DATABASE_URL;', true],
    ["a destructured env", "server.ts", "const { env } = process;", true],
    ["node:process", "app/x.ts", 'import { env } from "node:process";', true],
    ["auth-secret reading AUTH_SECRET", "lib/platform/auth-secret.ts", "if (process.env.AUTH_SECRET) return;", true],
    ["auth-secret writing another variable", "lib/platform/auth-secret.ts", 'process.env.AUTH_URL = "x";', true],
    ["auth-secret's write of AUTH_SECRET", "lib/platform/auth-secret.ts", '  process.env.AUTH_SECRET = "x";', false],
    ["proxy.ts reading another variable", "proxy.ts", "const a = process.env.API_BASE_URL;", true],
    ["proxy.ts reading NODE_ENV", "proxy.ts", 'const dev = process.env.NODE_ENV === "development";', false],
    ["config.ts", "lib/platform/config.ts", "const a = process.env.PORT;", false],
  ])("planted: %s", (_, file, source, reported) => {
    expect(envReaders([{ file, source }])).toEqual(reported ? [file] : []);
  });
});
