// Leaked tokens: what a secret-scanning report (GitHub's partner program, api/routes/secret-scanning.ts)
// and a public report by anyone holding a token (POST /v1/credentials/revoke) do to credentials.
// Neither has a member behind it: the audit events have no actor. No token is stored or logged —
// only its hash is looked up, and events carry the masked display string.
import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiCredentials, teams } from "@/db/schema";
import { audit, revoke } from "./store";
import { hashToken, parseToken } from "./tokens";

/** One match of a report: the token, its type as the scanner names it, where it was found. */
export type LeakMatch = { token: string; type: string; url: string; source: string };
/** GitHub's answer format, one per match: was it one of ours? */
export type LeakLabel = { token_hash: string; token_type: string; label: "true_positive" | "false_positive" };

const MAX_URL_LENGTH = 2048;
const MAX_SOURCE_LENGTH = 64;

/**
 * Records a report's matches. A well-formed token (pattern and checksum, no database) whose hash is a
 * credential's is a true positive: the credential is marked found in public (when, where, how) and,
 * if its team's setting is "Revoke it and notify" and it is active, revoked with reason "leaked".
 * Everything else is a false positive. One query finds every credential of the report, locked, in one
 * transaction. The same report twice changes nothing the second time: a credential already recorded
 * at that url is left as it is (a member may have enabled it since: that was their decision).
 */
export async function recordLeaks(matches: LeakMatch[]): Promise<LeakLabel[]> {
  const hashes = matches.map((m) => hashToken(m.token));
  const wellFormed = [...new Set(hashes.filter((_, i) => parseToken(matches[i].token) !== null))];
  const db = await getDb();
  const known = await db.transaction(async (tx) => {
    const rows = wellFormed.length
      ? await tx
          .select({
            id: apiCredentials.id,
            name: apiCredentials.name,
            tokenDisplay: apiCredentials.tokenDisplay,
            tokenHash: apiCredentials.tokenHash,
            teamId: apiCredentials.teamId,
            environment: apiCredentials.environment,
            status: apiCredentials.status,
            leakUrl: apiCredentials.leakUrl,
            leakResponse: teams.leakResponse,
          })
          .from(apiCredentials)
          .innerJoin(teams, eq(teams.id, apiCredentials.teamId))
          .where(inArray(apiCredentials.tokenHash, wellFormed))
          .for("update", { of: apiCredentials })
      : [];
    const byHash = new Map(rows.map((row) => [row.tokenHash, row]));
    const done = new Set<string>();
    for (const [i, match] of matches.entries()) {
      const row = byHash.get(hashes[i]);
      // One change per credential per report (a token found in several places: the first place).
      if (!row || done.has(row.id)) continue;
      done.add(row.id);
      const url = match.url.slice(0, MAX_URL_LENGTH);
      const source = match.source.slice(0, MAX_SOURCE_LENGTH);
      if (row.leakUrl === url) continue;
      const revoking = row.leakResponse === "revoke" && row.status === "active";
      await tx
        .update(apiCredentials)
        .set({ leakedAt: sql`now()`, leakUrl: url, leakSource: source, updatedAt: sql`now()` })
        .where(eq(apiCredentials.id, row.id));
      // The same transaction, the row already locked: found in public and revoked at one now().
      if (revoking) await revoke(tx, eq(apiCredentials.id, row.id), "leaked");
      const scope = { teamId: row.teamId, environment: row.environment, actorUserId: null };
      if (revoking) await audit(tx, scope, row, "revoked", { reason: "leaked", url, source });
      else await audit(tx, scope, row, "leak_reported", { url, source });
    }
    return byHash;
  });
  return matches.map((match, i) => ({
    token_hash: hashes[i],
    token_type: match.type,
    label: known.has(hashes[i]) ? "true_positive" : "false_positive",
  }));
}

/**
 * Anyone who holds a token may revoke it (POST /v1/credentials/revoke). An active credential is
 * revoked with reason "public_report"; a revoked, deleted, unknown or malformed token changes nothing.
 * The caller learns nothing either way: the endpoint answers the same.
 */
export async function revokeByPublicReport(token: string): Promise<void> {
  if (!parseToken(token)) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await revoke(tx, eq(apiCredentials.tokenHash, hashToken(token)), "public_report").returning({
      id: apiCredentials.id,
      name: apiCredentials.name,
      tokenDisplay: apiCredentials.tokenDisplay,
      teamId: apiCredentials.teamId,
      environment: apiCredentials.environment,
    });
    if (row)
      await audit(tx, { teamId: row.teamId, environment: row.environment, actorUserId: null }, row, "revoked", {
        reason: "public_report",
      });
  });
}
