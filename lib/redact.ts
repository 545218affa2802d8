// Keeps secrets out of log lines: tokens and SHA-256 hex (a token hash) are masked, and a failed
// query is described by the driver's error, never by drizzle's message (which lists the parameters).
import "server-only";
import { DrizzleQueryError } from "drizzle-orm";

const TOKEN_LIKE = /pk_(test|live)_[0-9A-Za-z]*/g;
const HASH_LIKE = /\b[0-9a-f]{64}\b/gi;

export function redactSecrets(text: string): string {
  if (!text.includes("pk_") && text.length < 64) return text;
  return text.replace(TOKEN_LIKE, "pk_$1_[redacted]").replace(HASH_LIKE, "[redacted]");
}

/** "Name: message" of an error, redacted; for a wrapped query error, its cause's. No stack. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return "non-Error thrown";
  const inner = err instanceof DrizzleQueryError && err.cause instanceof Error ? err.cause : err;
  const code = (inner as { code?: unknown }).code;
  return redactSecrets(`${inner.name}${typeof code === "string" ? ` (${code})` : ""}: ${inner.message}`);
}
