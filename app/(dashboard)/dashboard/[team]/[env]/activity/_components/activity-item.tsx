// One entry of the activity log: who, what, on which credential or member, when. Server-rendered.
// Never a token: credentials appear by name and masked token only.
import { ExternalLink } from "@/components/ui/external-link";
import type { ActivityEntry, AutomaticActor } from "@/lib/activity";
import type { GracePeriod } from "@/lib/credentials/shared";
import { roleLabels } from "@/lib/platform/shared";

const quoted = (name: string) => `“${name}”`;
const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/** Who it was when no member acted. */
const automaticActors: Record<AutomaticActor, string> = {
  secret_scanning: "Secret scanning",
  public_report: "Someone holding its token",
};

const stopsWorking: Record<GracePeriod, string> = {
  now: "at once",
  "1h": "after 1 hour",
  "24h": "after 24 hours",
  "7d": "after 7 days",
};

/** At most three ranges in a sentence; the rest counted. */
function ranges(cidrs: string[]): string {
  const shown = cidrs.slice(0, 3).join(", ");
  return cidrs.length > 3 ? `${shown} and ${cidrs.length - 3} more` : shown;
}

function what(entry: ActivityEntry): string {
  if (entry.kind === "credential") {
    const name = quoted(entry.credential.name);
    switch (entry.action) {
      case "created":
        return `created the credential ${name}`;
      case "renamed":
        return entry.renamed
          ? `renamed the credential ${quoted(entry.renamed.from)} to ${quoted(entry.renamed.to)}`
          : `renamed the credential ${name}`;
      case "revoked":
      case "leak_reported":
        // What follows the masked token (`LeakTail`) says how and where.
        return `${entry.action === "revoked" ? "revoked" : "reported"} the credential ${name}`;
      case "enabled":
        return `enabled the credential ${name}`;
      case "deleted":
        return `deleted the credential ${name}`;
      case "rolled":
        return `rolled the credential ${name}`;
      case "expiry_changed": {
        const to = entry.expiryChange?.to;
        if (!to) return `set the credential ${name} to never expire`;
        // "End now" stores the change's own time as the expiry.
        return to <= entry.at ? `ended the credential ${name}` : `set the credential ${name} to expire at ${utc(to)}`;
      }
      case "allowed_addresses_changed": {
        const to = entry.allowedAddressesChange?.to ?? [];
        return to.length
          ? `allowed the credential ${name} only from ${ranges(to)}`
          : `allowed the credential ${name} from any IP address`;
      }
    }
  }
  const who = entry.subject.name ? `${entry.subject.name} (${entry.subject.email})` : entry.subject.email;
  const as = entry.role ? ` as ${roleLabels[entry.role]}` : "";
  switch (entry.action) {
    case "invited":
      return `invited ${who}${as}`;
    case "invitation_revoked":
      return `revoked the invitation for ${who}`;
    case "joined":
      return `joined the team${as}`;
    case "role_changed":
      return entry.roleChange
        ? `changed the role of ${who} from ${roleLabels[entry.roleChange.from]} to ${roleLabels[entry.roleChange.to]}`
        : `changed the role of ${who}`;
    case "removed":
      return `removed ${who} from the team`;
    case "left":
      return "left the team";
  }
}

type CredentialEntry = Extract<ActivityEntry, { kind: "credential" }>;

/** After the masked token: why a revoke or an enable was special (a leak, a public report). */
function LeakTail({ entry }: { entry: CredentialEntry }) {
  const at = entry.foundAt ? <ExternalLink url={entry.foundAt} className="text-slate-900" /> : "an unknown address";
  if (entry.action === "leak_reported") return <>: found in public at {at} (the team only notifies)</>;
  if (entry.revokedReason === "leaked") return <> automatically: found in public at {at}</>;
  if (entry.revokedReason === "public_report") return <> by a public report</>;
  if (entry.enabledLeaked) return <> (its token was found in public)</>;
  return null;
}

export function ActivityItem({ entry }: { entry: ActivityEntry }) {
  return (
    <li
      className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm"
      data-action={entry.action}
    >
      <p className="min-w-0 text-slate-700">
        {entry.kind === "credential" && entry.automatic ? (
          <span className="font-medium text-slate-900">{automaticActors[entry.automatic]}</span>
        ) : entry.actor ? (
          <>
            <span className="font-medium text-slate-900">{entry.actor.name}</span>{" "}
            <span className="text-slate-500">({entry.actor.email})</span>
          </>
        ) : (
          <span className="font-medium text-slate-900">A deleted user</span>
        )}{" "}
        {what(entry)}
        {entry.kind === "credential" && entry.credential.tokenDisplay && (
          <>
            {" "}
            <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-700">
              {entry.credential.tokenDisplay}
            </code>
          </>
        )}
        {entry.kind === "credential" && <LeakTail entry={entry} />}
        {entry.kind === "credential" && entry.rolled && (
          <>
            {entry.rolled.newTokenDisplay && (
              <>
                {" "}
                → <span className="sr-only">new token </span>
                <code className="rounded bg-slate-100 px-1 py-0.5 text-xs text-slate-700">
                  {entry.rolled.newTokenDisplay}
                </code>
              </>
            )}
            {entry.rolled.grace && `; the old token stops working ${stopsWorking[entry.rolled.grace]}`}
          </>
        )}
      </p>
      <time dateTime={entry.at} className="shrink-0 text-xs text-slate-500">
        {entry.at.slice(0, 19).replace("T", " ")} UTC
      </time>
    </li>
  );
}
