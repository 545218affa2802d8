// The security headers of the answers that are neither a dashboard page (proxy.ts and next.config.ts
// give those theirs) nor /v1 JSON: Strict-Transport-Security for every answer, and the policies of
// the two HTML pages that no proxy.ts reaches — /v1/docs (Scalar) and Auth.js's own pages.
import { createHash } from "node:crypto";

/**
 * One year, this host only. Not includeSubDomains: other hosts under the domain (a marketing site, a
 * status page) are not ours to pin to https; not preload, which cannot be taken back quickly.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/** The headers every answer carries: Strict-Transport-Security when the public URL is https. */
export function everyResponseHeaders(https: boolean): Readonly<Record<string, string>> {
  return https ? { "strict-transport-security": STRICT_TRANSPORT_SECURITY } : {};
}

/** What keeps any page from being framed: CSP frame-ancestors, and X-Frame-Options for browsers without it. */
const NO_FRAMING = { "x-frame-options": "DENY", "x-content-type-options": "nosniff" } as const;

/** 'sha256-…' of every inline script of an HTML page (the text between the tags, as sent). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, script]) => `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`,
  );
}

/**
 * /v1/docs: Scalar's bundle from this origin and its start-up script by hash, nothing inline besides;
 * styles inline (Scalar's components set them, as the dashboard's do: decision 008); "Try it" may call
 * this origin and the API's configured one. Nothing may frame it: it runs on the dashboard's origin,
 * where a script could read /api/auth/session.
 */
export function apiReferenceHeaders(html: string, apiOrigin?: string): Record<string, string> {
  const policy = [
    "default-src 'none'",
    `script-src 'self' ${inlineScriptHashes(html).join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${apiOrigin ? ` ${apiOrigin}` : ""}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
  return { "content-security-policy": policy, ...NO_FRAMING, "referrer-policy": "no-referrer" };
}

/**
 * Auth.js's own pages (/api/auth/error, /api/auth/signout…): its stylesheet inline, no script at all,
 * forms that post here, no framing. proxy.ts does not run for /api/*, so they get this from their
 * route handler (lib/dashboard/auth-js.ts).
 */
export const AUTH_PAGES_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; "),
  ...NO_FRAMING,
  "referrer-policy": "no-referrer",
};
