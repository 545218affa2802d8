// Everything the server logs goes through here (lib/platform/log.test.ts fails on a console call
// elsewhere). Tokens and SHA-256 hex are masked, and a failed query is described by its database
// error's name, SQLSTATE and message up to the first value — never by drizzle's message, which lists
// the query's parameters (a password hash, a token's hash, an email). Control characters are escaped,
// so text from a request (a path, an error's message) cannot forge a line or send a terminal escape.
// Imports nothing: db/ uses it too.

const TOKEN_LIKE = /pk_(test|live)_[0-9A-Za-z]*/g;
const HASH_LIKE = /\b[0-9a-f]{64}\b/gi;
const BCRYPT_LIKE = /\$2[aby]?\$\d\d\$[./0-9A-Za-z]{53}/g;

export function redactSecrets(text: string): string {
  if (!text.includes("pk_") && !text.includes("$2") && text.length < 64) return text;
  return text
    .replace(TOKEN_LIKE, "pk_$1_[redacted]")
    .replace(HASH_LIKE, "[redacted]")
    .replace(BCRYPT_LIKE, "[redacted]");
}

/**
 * C0 controls (NUL, line feed, carriage return, escape…), DEL, C1 controls (0x80–0x9F: some
 * terminals read 0x9B as an escape sequence's start) and U+2028/U+2029 (line breaks to JavaScript
 * and to several log viewers).
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROLS = new RegExp(CONTROL.source, "g");
const SHORT_ESCAPES: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `text` with every control character written as an escape (`\n`, `\x1b`, `\u2028`), so that whatever
 * a request put into it stays on its one log line and cannot colour or move a terminal. The one
 * escaping function of every log line (lib/platform/log.ts and the /v1 access log).
 */
export function escapeControlCharacters(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROLS, (char) => {
    const code = char.charCodeAt(0);
    return (
      SHORT_ESCAPES[char] ?? (code > 0xff ? `\\u${code.toString(16)}` : `\\x${code.toString(16).padStart(2, "0")}`)
    );
  });
}

/** Text as it may be written to the log: secrets masked, control characters escaped. */
export function loggableText(text: string): string {
  return escapeControlCharacters(redactSecrets(text));
}

type ErrorFields = Error & { code?: unknown; query?: unknown; params?: unknown };

/** A query error (drizzle's, from any copy of the package, or the driver's): it carries SQL or a SQLSTATE. */
const isQueryError = (err: ErrorFields) => "params" in err || "query" in err;
const isDatabaseError = (err: ErrorFields) => typeof err.code === "string" && /^[0-9A-Z]{5}$/.test(err.code);

/** The error that says what went wrong: past wrappers (drizzle's query error, Auth.js's) to their cause. */
function innermost(err: Error): ErrorFields {
  let inner: ErrorFields = err;
  for (let depth = 0; depth < 5; depth++) {
    const cause: unknown = (inner as { cause?: unknown }).cause;
    const next = cause instanceof Error ? cause : (cause as { err?: unknown } | undefined)?.err; // Auth.js: cause = { err }
    if (!(next instanceof Error)) break;
    inner = next;
  }
  return inner;
}

/** "Name (code): message" of an error, redacted; for a query error, its database error's, values cut off. No stack. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return "non-Error thrown";
  const inner = innermost(err);
  const code = typeof inner.code === "string" ? ` (${inner.code})` : ""; // a SQLSTATE, or a system error's (ECONNREFUSED)
  // PostgreSQL puts the offending value after a colon ('invalid input syntax for type uuid: "…"').
  const message = isQueryError(inner)
    ? "query failed"
    : isDatabaseError(inner)
      ? inner.message.split(": ")[0]
      : inner.message;
  return redactSecrets(`${inner.name}${code}: ${message}`);
}

/** An error line: "[area] what failed: Name (code): message", redacted and escaped: one line, whatever the error says. */
export function logError(area: string, what: string, err?: unknown): void {
  console.error(loggableText(`[${area}] ${what}${err === undefined ? "" : `: ${describeError(err)}`}`));
}

/** An information line (start-up, shutdown), redacted and escaped. */
export function logInfo(text: string): void {
  console.log(loggableText(text));
}
