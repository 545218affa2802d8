// Device cookies (OWASP, "Slow brute force / device cookies"; decision 017): a browser that has signed in
// as someone before carries a signed token for that email. Its password attempts for that email are
// counted on a budget of their own (lib/auth/sign-in-throttle.ts), so wrong passwords typed for the
// email elsewhere, by anyone, never lock the owner out of their own browser.
//
// A token is `d1.<email tag>.<device id>.<issued at>.<signature>`: the tag is an HMAC of the email (the
// cookie does not carry the address itself), the id 128 random bits, the time in seconds (base 36), the
// signature an HMAC-SHA256 of the rest. The key is derived from AUTH_SECRET, apart from Auth.js's own
// keys. Nothing is stored on the server: a token proves only "this browser signed in as this email
// before", which is all the throttle needs. One cookie holds the tokens of the last few emails that
// signed in on the browser (a shared computer), newest first.
import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/platform";

export const DEVICE_COOKIE = "ecourier-device";
/** How long a browser stays known after its last successful sign-in (browsers cap cookies at 400 days). */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 3600;
/** Emails remembered per browser; an older one falls off when another signs in. */
export const DEVICES_PER_BROWSER = 5;

const VERSION = "d1";
const SEPARATOR = "~";
/** Longer cookies are not read at all: five tokens take about 520 characters. */
const MAX_COOKIE_LENGTH = 1_000;
/** A token issued "in the future" by more than this (clock skew between instances) is refused. */
const MAX_CLOCK_SKEW_SECONDS = 300;

function deviceKey(): Buffer {
  const secret = config().AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: device cookies cannot be signed or checked.");
  return createHmac("sha256", secret).update("ecourier device cookie v1").digest();
}

const hmac = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest("base64url");
/** 128 bits of an HMAC of the email: enough to tell emails apart, and no email in the cookie. */
const emailTag = (key: Buffer, email: string) => hmac(key, `email:${email}`).slice(0, 22);

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

type Token = { tag: string; id: string; text: string };

/** A token whose signature and age are right; null for anything else (forged, altered, expired, garbage). */
function verified(key: Buffer, text: string, nowSeconds: number): Token | null {
  const parts = text.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) return null;
  const [, tag, id, issued, signature] = parts;
  if (!sameText(signature, hmac(key, parts.slice(0, 4).join(".")))) return null;
  if (!/^[0-9a-z]{1,10}$/.test(issued)) return null;
  const age = nowSeconds - parseInt(issued, 36);
  if (age > DEVICE_COOKIE_MAX_AGE_SECONDS || age < -MAX_CLOCK_SKEW_SECONDS) return null;
  return { tag, id, text };
}

function tokensOf(key: Buffer, cookie: string | undefined, nowSeconds: number): Token[] {
  if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return [];
  return cookie
    .split(SEPARATOR)
    .slice(0, DEVICES_PER_BROWSER)
    .map((text) => verified(key, text, nowSeconds))
    .filter((token): token is Token => token !== null);
}

const seconds = (now: number) => Math.floor(now / 1000);

/**
 * The budget key ("device:<id>") of this browser for `email` when its cookie holds a valid token for
 * that email; undefined otherwise (no cookie, a forged or expired one, or one for another email).
 */
export function knownDevice(cookie: string | undefined, email: string, now = Date.now()): string | undefined {
  if (!cookie) return undefined;
  const key = deviceKey();
  const tag = emailTag(key, email);
  const token = tokensOf(key, cookie, seconds(now)).find((t) => t.tag === tag);
  return token && `device:${token.id}`;
}

/**
 * The cookie's value after `email` signed in on this browser: a fresh token for the email first (a
 * new id: the old one's count goes with it), then the browser's other valid tokens, at most
 * DEVICES_PER_BROWSER in all.
 */
export function rememberDevice(cookie: string | undefined, email: string, now = Date.now()): string {
  const key = deviceKey();
  const tag = emailTag(key, email);
  const unsigned = [VERSION, tag, randomBytes(16).toString("base64url"), seconds(now).toString(36)].join(".");
  const others = tokensOf(key, cookie, seconds(now)).filter((t) => t.tag !== tag);
  return [`${unsigned}.${hmac(key, unsigned)}`, ...others.map((t) => t.text)]
    .slice(0, DEVICES_PER_BROWSER)
    .join(SEPARATOR);
}

/** The device cookie's value in a request's Cookie header, if any. */
export function deviceCookieIn(headers: Headers): string | undefined {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0 && pair.slice(0, at).trim() === DEVICE_COOKIE) return pair.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * How the cookie is set: script cannot read it, other sites' requests do not carry it (except a
 * top-level navigation, as with the session), HTTPS-only when the dashboard is served over HTTPS.
 */
export function deviceCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS } as const;
}
