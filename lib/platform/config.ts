// The one reader of process.env for product code (lib/platform/config.test.ts fails on a read
// anywhere else): every variable the product understands, validated with zod, with its default. A
// wrong value fails at start (server.ts and api/standalone.ts call config() first) with a message
// that names the variable; a secret's value (a URL with a password in it) is never repeated.
//
// Unset and empty are the same. config() reads the environment when asked, not at import, and
// validates again only when a variable it knows has changed: tests point a variable elsewhere
// between requests, and ensureAuthSecret() writes AUTH_SECRET for Auth.js.
import "server-only";
import { z } from "zod";
import { trustedProxyHops } from "./client-address";

/** A variable that, when set, must pass `parse` (undefined: refused, "expected <expected>"). */
function variable<T>(expected: string, parse: (text: string) => T | undefined, { secret = false } = {}) {
  return z
    .string()
    .optional()
    .transform((text, ctx): T | undefined => {
      if (text === undefined) return undefined;
      const value = parse(text);
      if (value === undefined)
        ctx.addIssue({ code: "custom", message: `expected ${expected}${secret ? "" : `, got "${text}"`}` });
      return value;
    });
}

const integer =
  (min: number, max = Number.MAX_SAFE_INTEGER) =>
  (text: string) =>
    /^\d+$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined;

/** A URL with one of `protocols` ("https:"). */
const url =
  (...protocols: string[]) =>
  (text: string) =>
    URL.canParse(text) && protocols.includes(new URL(text).protocol) ? text : undefined;

/** An http(s) URL that others are appended to ("/v1/me"): without trailing slashes. */
const baseUrl = (text: string) => url("http:", "https:")(text)?.replace(/\/+$/, "");

const text = (text: string) => text;
const milliseconds = (min: number) => variable(`a number of milliseconds ≥ ${min}`, integer(min));

const schema = z.object({
  // ---- The process
  /** "production" for `npm start`; "development" (unset) and "test" run Next.js in development mode. */
  NODE_ENV: variable('"development", "production" or "test"', (t) =>
    ["development", "production", "test"].includes(t) ? (t as "development" | "production" | "test") : undefined,
  ).default("development"),
  /** The port to listen on; unset: 3000 (server.ts) or 4000 (api/standalone.ts). 0: any free port. */
  PORT: variable("a port number 0–65535", integer(0, 65_535)),
  /** The host name server.ts gives Next.js and shows in its start-up line. */
  HOSTNAME: variable("a host name", text).default("localhost"),
  /** How many proxies are in front (lib/platform/client-address.ts); as a hop count, unset → 0. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      try {
        return trustedProxyHops(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
        return 0;
      }
    }),
  /** Signs session cookies (Auth.js). Unset: generated once into .data/auth-secret (lib/platform/auth-secret.ts). */
  AUTH_SECRET: variable("a secret", text, { secret: true }),

  // ---- The database (db/index.ts)
  /** PostgreSQL. Unset: the embedded PGlite database. */
  DATABASE_URL: variable("a postgres:// or postgresql:// URL", url("postgres:", "postgresql:"), { secret: true }),
  /** PGlite's data directory (unset: .data/pglite; "memory://": in memory, the tests). */
  PGLITE_DATA_DIR: variable("a directory", text),
  /** PostgreSQL connections per process. */
  PG_POOL_MAX: variable("a number of connections 1–1000", integer(1, 1000)).default(10),
  /** The longest PostgreSQL may run one statement (its statement_timeout); the client gives up 1 s later. */
  PG_STATEMENT_TIMEOUT_MS: milliseconds(100).default(5_000),
  /** The longest a query waits for a connection: to open one, or for one of the pool's to come free. */
  PG_CONNECT_TIMEOUT_MS: milliseconds(100).default(5_000),

  // ---- Throttles (lib/platform/throttle.ts)
  /** Redis/Valkey for the throttle counters. Unset: the database's rate_limits table. */
  REDIS_URL: variable("a redis:// or rediss:// URL", url("redis:", "rediss:"), { secret: true }),
  /** Prefix of every Redis key, so instances of other apps can share the server. */
  REDIS_KEY_PREFIX: variable("a key prefix", text).default("ecourier"),

  // ---- The API
  /** The API's public origin (snippets, the OpenAPI document's server). Unset: the origin a request came to. */
  API_BASE_URL: variable("an http:// or https:// URL", baseUrl),
  /** GitHub's secret-scanning public keys (api/github-signature.ts); the tests serve their own. */
  SECRET_SCANNING_KEYS_URL: variable("an http:// or https:// URL", url("http:", "https:")).default(
    "https://api.github.com/meta/public_keys/secret_scanning",
  ),

  // ---- Usage counting (lib/usage/recording.ts)
  /** "off": count nothing (npm run bench -- --usage-off measures what counting costs). */
  USAGE_COUNTING: variable('"on" or "off"', (t) => (t === "on" || t === "off" ? t : undefined)).default("on"),
  /** How often a process writes its usage counts. */
  USAGE_FLUSH_INTERVAL_MS: milliseconds(100).default(5_000),

  // ---- Declared for the open issues (the design's "Configuration added"); nothing reads them yet.
  /** Mail transport (smtp:// or smtps://). Unset: each message is an .eml file in .data/mail/. */
  SMTP_URL: variable("an smtp:// or smtps:// URL", url("smtp:", "smtps:"), { secret: true }),
  /** The From of every message: "eCourier <no-reply@example.com>" or an address. */
  MAIL_FROM: variable("an email address", (t) => (/^[^@\s]+@[^@\s]+$|<[^@\s<>]+@[^@\s<>]+>$/.test(t) ? t : undefined)),
  /**
   * The dashboard's public origin, for links in mail. https: every answer carries
   * Strict-Transport-Security and every cookie is Secure, whatever a request says (publicUrlIsHttps).
   */
  APP_URL: variable("an http:// or https:// URL", baseUrl),
  /** How often the scan for time-based events (expiring, expired, old token in use) runs. */
  NOTIFICATION_SCAN_INTERVAL_MS: milliseconds(1_000).default(300_000),
  /** "1": webhooks may be sent to private and loopback addresses. Development and tests only. */
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: variable('"1" or "0"', (t) =>
    t === "1" ? true : t === "0" ? false : undefined,
  ).default(false),
  /** Delays between a webhook delivery's attempts, comma-separated ("5000,60000,600000"). Unset: the webhooks module's own. */
  WEBHOOK_RETRY_SCHEDULE_MS: variable("comma-separated numbers of milliseconds", (t) => {
    const delays = t.split(",").map((d) => d.trim());
    return delays.every((d) => /^\d+$/.test(d)) ? delays.map(Number) : undefined;
  }),
  /** How long a stopping process waits for requests and jobs in flight before it closes the database. */
  SHUTDOWN_GRACE_MS: milliseconds(0).default(10_000),
});

export type Config = z.output<typeof schema>;
const NAMES = Object.keys(schema.shape) as (keyof Config)[];

/** The configuration is wrong: its message names each variable at fault, one per line. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** The configuration from `env`: validated, defaults applied. Throws ConfigError. */
export function readConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(NAMES.map((name) => [name, env[name]?.trim() || undefined]));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
  });
  throw new ConfigError(lines.join("\n"));
}

let last: { seen: string; config: Config } | undefined;

/** This process's configuration (process.env), validated again only when a variable has changed. Throws ConfigError. */
export function config(): Config {
  const seen = JSON.stringify(NAMES.map((name) => process.env[name]));
  if (last?.seen !== seen) last = { seen, config: readConfig(process.env) };
  return last.config;
}

/**
 * Whether the dashboard is served over https (APP_URL): then browsers are told to use nothing else
 * (Strict-Transport-Security) and cookies are Secure. Decided by the configuration, not by a request's
 * X-Forwarded-Proto, which a proxy may leave out and a client may make up.
 */
export function publicUrlIsHttps(settings: Pick<Config, "APP_URL"> = config()): boolean {
  return settings.APP_URL?.startsWith("https://") ?? false;
}

/** Next.js reads NEXT_TELEMETRY_DISABLED itself: telemetry off unless the variable says otherwise (no outside network here). */
export function disableNextTelemetryUnlessSet(): void {
  process.env.NEXT_TELEMETRY_DISABLED ??= "1";
}
