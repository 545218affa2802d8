// API credential tokens: pk_<env>_<32 random base62><6 base62 CRC32>. Pure functions, no I/O.
import { hash, randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import type { Environment } from "@/lib/platform/shared";

export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const TOKEN_LENGTH = 46;
export const TOKEN_PATTERN = /^pk_(test|live)_[0-9A-Za-z]{38}$/;
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
// 248 = 4 × 62: bytes at or above it are dropped so every character is equally likely.
const UNBIASED_LIMIT = 248;

function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length + 8)) {
      if (byte < UNBIASED_LIMIT) out += BASE62[byte % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

function toBase62(value: number, width: number): string {
  let out = "";
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, "0");
}

export function checksum(body: string): string {
  return toBase62(crc32(body), CHECKSUM_LENGTH);
}

export function generateToken(environment: Environment): string {
  const body = `pk_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + checksum(body);
}

/** The environment of a well-formed token whose checksum matches, or null. Touches no database. */
export function parseToken(token: string): { environment: Environment } | null {
  if (token.length !== TOKEN_LENGTH || !TOKEN_PATTERN.test(token)) return null;
  const body = token.slice(0, -CHECKSUM_LENGTH);
  if (checksum(body) !== token.slice(-CHECKSUM_LENGTH)) return null;
  return { environment: token.startsWith("pk_live_") ? "live" : "test" };
}

/** What is stored: SHA-256 (hex) of the whole token. */
export function hashToken(token: string): string {
  // The one-shot hash: no Hash object per call (this runs on every /v1 request).
  return hash("sha256", token, "hex");
}

/** What lists show: first 12 characters, an ellipsis, the last 4. */
export function displayToken(token: string): string {
  return `${token.slice(0, 12)}…${token.slice(-4)}`;
}
