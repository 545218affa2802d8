// What the dashboard may know about credentials: the shapes the server sends the browser.
import type { revokedReasons } from "@/db/schema";

/** What the dashboard may know about a credential: never its hash, never its token. */
export type CredentialDto = {
  id: string;
  name: string;
  tokenDisplay: string;
  status: "active" | "revoked";
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** ISO; null: never. Expiry is not a status: an expired credential keeps its stored status. */
  expiresAt: string | null;
  /** ISO: when THIS credential was rolled (it is the old one). */
  rolledAt: string | null;
  /** The credential that replaced this one by a roll. */
  replacedBy: { id: string; name: string } | null;
  /** The credential this one replaced by a roll. */
  replaces: { id: string; name: string } | null;
  /** The client address of the use recorded with lastUsedAt. */
  lastUsedAddress: string | null;
  /** Canonical CIDRs; empty: any address. */
  allowedAddresses: string[];
  /** Why it is revoked (null while active): by a member, found in public (a leak report), or a public report. */
  revokedReason: RevokedReason | null;
  /** Where and when its token was found in public (lib/credentials/leaks.ts); null: never reported. */
  leak: { at: string; url: string; source: string } | null;
  /** Its /v1 requests in the last 24 hourly buckets, every outcome (lib/usage/queries.ts); as of the last flush. */
  requests24h: number;
};

export type RevokedReason = (typeof revokedReasons)[number];

/** The list's banner: a credential whose token was found in public and that has not been rolled. */
export type LeakNotice = { id: string; name: string; url: string; at: string; revoked: boolean };

export type CredentialPage = {
  credentials: CredentialDto[];
  total: number;
  page: number;
  pageSize: number;
  /** Not revoked, expired or replaced, and expiring within EXPIRING_SOON_DAYS: the list's banner. */
  expiringSoon: number;
  /** Found in public and not yet rolled, newest first (at most 5): the list's leak banner. */
  leaks: LeakNotice[];
};
