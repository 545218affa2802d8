"use client";
// How a credential's state reads, in the list and on its page: the status badges, the expiry, and
// for a rolled credential what replaced it, the countdown and whether the old token is still in use,
// and where and when its token was found in public.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ExternalLink } from "@/components/ui/external-link";
import { RelativeTime, UtcTime } from "@/components/ui/relative-time";
import { formatTimeLeft, type CredentialState, type RollState } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import type { TeamScope } from "@/lib/teams/shared";
import { credentialPath } from "./credential-paths";

const link = "font-medium text-indigo-700 underline hover:text-indigo-900";

export function StatusBadges({ state }: { state: CredentialState }) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {state.badges.map((badge) => (
        <Badge key={badge.label} tone={badge.tone}>
          {badge.label}
        </Badge>
      ))}
    </span>
  );
}

/** "Never", or the exact time with how far off it is ("in 3 days") or that it has passed. */
export function ExpiryText({ expiresAt, now }: { expiresAt: string | null; now: number }) {
  if (!expiresAt) return <>Never</>;
  const left = Date.parse(expiresAt) - now;
  return (
    <>
      <UtcTime iso={expiresAt} /> ({left > 0 ? formatTimeLeft(left) : "expired"})
    </>
  );
}

/** "Still in use — last used 3 minutes ago from 10.1.2.3", or "Not used since the roll". */
export function RollUsage({ usage }: { usage: RollState["usage"] }) {
  if (usage.kind === "quiet") return <>Not used since the roll</>;
  return (
    <>
      Still in use — last used <RelativeTime iso={usage.lastUsedAt} />
      {usage.address ? ` from ${usage.address}` : ""}
    </>
  );
}

/** The replacement, linked, then the countdown and the old token's use since the roll. */
export function RollSummary({ scope, roll }: { scope: TeamScope; roll: RollState }) {
  return (
    <span className="block space-y-0.5 text-xs text-slate-700">
      <span className="block">
        Replaced by{" "}
        <Link href={credentialPath(scope, roll.replacedBy.id)} className={link}>
          {roll.replacedBy.name}
        </Link>
        . {roll.countdown}
      </span>
      <span className={`block ${roll.usage.kind === "in_use" ? "font-medium text-amber-900" : ""}`}>
        <RollUsage usage={roll.usage} />
      </span>
    </span>
  );
}

/**
 * "Found in public at <url> (commit) on 2026-03-10 12:00 UTC": the scanner's source, its underscores as
 * spaces. `oneLine`: the address on a line of its own, cut short (a list row on a phone stays short).
 */
export function FoundInPublic({
  leak,
  oneLine = false,
}: {
  leak: NonNullable<CredentialDto["leak"]>;
  oneLine?: boolean;
}) {
  const source = leak.source.replaceAll("_", " ");
  return (
    <>
      Found in public at <ExternalLink url={leak.url} oneLine={oneLine} />
      {source ? ` (${source})` : ""} on <UtcTime iso={leak.at} />
    </>
  );
}
