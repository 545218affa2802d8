// Bearer authentication for /v1 (docs/architecture.md, "A /v1 request"): token → team,
// environment and credential with one indexed query (./lookup.ts, which also brings its expiry and
// allowed addresses), failed-attempt throttling per client address (counted in the shared store, checked
// from this process's cache of blocks), each refusal of a known credential counted as its usage
// (lib/usage/recording.ts), and the last-used toucher. No verification result is
// cached between requests; only parsed allowlists are, keyed by the list itself.
import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import { compileAllowedAddresses, type AddressMatcher } from "@/lib/credentials/shared";
import { processState } from "@/lib/platform";
import { logError } from "@/lib/platform";
import { throttle, throttleRules } from "@/lib/platform";
import type { Environment, UsageOutcome } from "@/lib/platform/shared";
import { countUsage } from "@/lib/usage";
import { hashToken, parseToken } from "@/lib/credentials";
import { findCredentialByTokenHash, readChecks, type LookupRow, type LastUse } from "./lookup";

export type ApiPrincipal = {
  team: { id: string; name: string };
  environment: Environment;
  credential: { id: string; name: string };
};

export type ApiAuthFailure = "missing_credentials" | "invalid_credentials" | "revoked_credential";

export type ApiAuthResult =
  /** `expiresAt`: the credential's expiry (ISO 8601 UTC) for the ECourier-Credential-Expires-At header; null: never. */
  /** `checkedAt`: the request's time (ms), for counting its outcome once the handler has answered. */
  | { ok: true; principal: ApiPrincipal; lastUseDue: boolean; expiresAt: string | null; checkedAt: number }
  | { ok: false; reason: ApiAuthFailure }
  | { ok: false; reason: "expired_credential"; expiredAt: string }
  /** The token is valid, but not from this client address. */
  | { ok: false; reason: "ip_not_allowed"; address: string }
  | { ok: false; reason: "rate_limited"; retryAfterMs: number };

/**
 * The token from an Authorization header value: "Bearer" in any case, spaces, the token.
 * An absent or blank header is missing_credentials (a client whose token variable is empty
 * gets told so); anything else that is not Bearer <token> is invalid_credentials.
 */
export function bearerToken(header: string | undefined): { token: string } | ApiAuthFailure {
  const value = header?.trim();
  if (!value) return "missing_credentials";
  const match = /^Bearer +(\S+)$/i.exec(value);
  return match ? { token: match[1] } : "invalid_credentials";
}

// Refused credentials per client address, counted across instances (lib/platform/throttle.ts).
export const API_AUTH_FAILURE_LIMIT = throttleRules["api credentials per address"].limit;
const failures = () => throttle("api credentials per address");

const TOUCH_INTERVAL_MS = 60_000;

/**
 * Parsed allowlists, keyed by the list's text as the lookup returns it: a list is parsed once per
 * process, not per request, and a changed list is a new key (nothing to invalidate). Bounded: the
 * oldest goes first. Each matcher also remembers its last verdicts per address.
 */
class AllowlistCache {
  private readonly lists = new Map<string, AddressMatcher>();
  constructor(private readonly maxLists: number) {}

  matcher(text: string): AddressMatcher {
    let match = this.lists.get(text);
    if (!match) {
      match = remembering(compileAllowedAddresses(text.slice(1, -1).split(",")));
      this.lists.set(text, match);
      if (this.lists.size > this.maxLists) this.lists.delete(this.lists.keys().next().value!);
    }
    return match;
  }
}

/** A matcher that keeps up to 256 recent verdicts: an integration calls from the same few addresses. */
function remembering(match: AddressMatcher): AddressMatcher {
  const verdicts = new Map<string, boolean>();
  return (address) => {
    let allowed = verdicts.get(address);
    if (allowed === undefined) {
      allowed = match(address);
      if (verdicts.size >= 256) verdicts.clear();
      verdicts.set(address, allowed);
    }
    return allowed;
  };
}

/** What this process remembers between /v1 requests: one object, however often lib/ is loaded. */
const { lastTouched, allowlists } = processState("api authentication", () => ({
  /** When this process last wrote each credential's last_used_at. */
  lastTouched: new Map<string, number>(),
  allowlists: new AllowlistCache(1_000),
}));

/**
 * Every refused credential counts, malformed ones included; a request without one does not (no
 * guess was made). A success does not reset the count: otherwise one valid key would let an
 * address interleave unlimited guesses. The count goes to the shared store (a round trip on
 * refusals only); once the shared count reaches the limit, this process blocks the address itself,
 * and stops counting it: more refusals would not lengthen the block, only cost a store write each.
 * An expired credential counts like a revoked one.
 */
async function refuse<Refusal extends Extract<ApiAuthResult, { ok: false }>>(
  refusal: Refusal,
  address: string,
  /** The credential the token belongs to, when it exists: the refusal is counted as its usage. */
  usage?: { credentialId: string; outcome: UsageOutcome; now: number },
): Promise<Refusal> {
  if (usage) countUsage(usage.credentialId, usage.outcome, usage.now);
  if (refusal.reason !== "missing_credentials" && failures().blockedLocally(address) === 0) {
    try {
      await failures().record(address);
    } catch (err) {
      logError("api", "could not count a refused credential", err);
    }
  }
  return refusal;
}

const refusal = (reason: ApiAuthFailure) => ({ ok: false, reason }) as const;

/**
 * Authenticates one /v1 request, in this order: header, then length, pattern and checksum
 * (no database), then one indexed query, then the address's failure budget, revoked, expired, and
 * the client address against the credential's allowed addresses (after the token is verified, so a
 * guesser learns nothing). Unknown and deleted credentials look the same.
 *
 * A blocked address — often a NAT or a cloud egress many integrations share with whoever is guessing —
 * still gets its token looked up (the block is this process's cache: no I/O), so a working credential
 * is accepted from it on every instance, new and rolled ones too, with no list of accepted tokens to
 * share. Any other answer to it is 429 rate_limited with the
 * block's Retry-After, whatever the token was, and is not counted again: a guesser learns nothing,
 * and pays for each guess what a client with a working token pays (one indexed query). Measured in
 * scripts/bench-blocked-flood.ts (issue 25).
 */
export async function authenticateApiRequest(
  authorization: string | undefined,
  address: string,
): Promise<ApiAuthResult> {
  const header = bearerToken(authorization);
  if (typeof header === "string") return refuse(refusal(header), address);
  const parsed = parseToken(header.token);
  if (!parsed) return refuse(refusal("invalid_credentials"), address);
  // Read once per request: in the server.ts process Next.js wraps Date.now, so each call costs.
  const now = Date.now();
  const retryAfterMs = failures().blockedLocally(address, now);
  let row: LookupRow | undefined;
  try {
    row = await findCredentialByTokenHash(hashToken(header.token));
  } catch (err) {
    // The database cannot be reached (a 503 for everyone else): a blocked address stays blocked, 429.
    if (retryAfterMs > 0) return { ok: false, reason: "rate_limited", retryAfterMs };
    throw err;
  }
  const checks = row && readChecks(row.checks);
  if (retryAfterMs > 0 && !(checks?.state === "active" && checks.environment === parsed.environment)) {
    if (row) countUsage(row.id, "rate_limited", now);
    return { ok: false, reason: "rate_limited", retryAfterMs };
  }
  if (!row || !checks) return refuse(refusal("invalid_credentials"), address);
  // From here on the request is this credential's, and counted as its usage whatever the answer.
  const usage = (outcome: UsageOutcome) => ({ credentialId: row.id, outcome, now });
  if (checks.environment !== parsed.environment)
    return refuse(refusal("invalid_credentials"), address, usage("wrong_environment"));
  if (checks.state === "revoked") return refuse(refusal("revoked_credential"), address, usage("revoked"));
  if (checks.state === "expired")
    return refuse({ ok: false, reason: "expired_credential", expiredAt: checks.expiresAt! }, address, usage("expired"));
  // Not counted as a refused guess: the token is genuine, only the address is wrong.
  if (checks.allowedCidrs !== null && !allowlists.matcher(checks.allowedCidrs)(address)) {
    countUsage(row.id, "ip_not_allowed", now);
    return { ok: false, reason: "ip_not_allowed", address };
  }
  return {
    ok: true,
    checkedAt: now,
    principal: {
      team: { id: row.team_id, name: row.team_name },
      environment: checks.environment,
      credential: { id: row.id, name: row.name },
    },
    lastUseDue: lastUseDue(row.id, checks.lastUse, now),
    expiresAt: checks.expiresAt,
  };
}

// ---- last_used_at: at most one write per credential per minute per process, after the response.

/**
 * Whether this use should be written: not within the minute by this process, nor (per the row) by
 * another — except the first use after a roll, written at once so the old credential's page can say
 * "still in use".
 */
function lastUseDue(credentialId: string, lastUse: LastUse, now = Date.now()): boolean {
  if (lastUse === "recent") return false;
  const touched = lastTouched.get(credentialId);
  if (lastUse !== "roll" && touched !== undefined && now - touched < TOUCH_INTERVAL_MS) return false;
  if (lastTouched.size >= 10_000) {
    for (const [id, at] of lastTouched) if (now - at >= TOUCH_INTERVAL_MS) lastTouched.delete(id);
  }
  lastTouched.set(credentialId, now);
  return true;
}

/**
 * Writes last_used_at and the client address it came from; called after the response when
 * verification said a write is due. Never throws.
 */
export async function touchLastUsed(credentialId: string, address = "unknown"): Promise<void> {
  try {
    const db = await getDb();
    // Guarded in SQL too, so several processes write at most about once a minute between them
    // (and at once for the first use after a roll).
    await db
      .update(apiCredentials)
      .set({ lastUsedAt: sql`now()`, lastUsedAddress: address.slice(0, 64) })
      .where(
        and(
          eq(apiCredentials.id, credentialId),
          or(
            isNull(apiCredentials.lastUsedAt),
            lt(apiCredentials.lastUsedAt, sql`now() - interval '1 minute'`),
            lt(apiCredentials.lastUsedAt, apiCredentials.rolledAt),
          ),
        ),
      );
  } catch (err) {
    lastTouched.delete(credentialId);
    logError("api", `could not record the last use of credential ${credentialId}`, err);
  }
}
