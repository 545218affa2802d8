"use client";
// A credential's page: what it is, whether its token works and why not, its roll chain, its
// actions (the row's, as buttons) and its allowed IP addresses. Rendered on the server; after a
// change it is rendered again (RefreshAfterCredentialChange), and after a delete it leaves for the list.
import { ChevronRight } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { RelativeTime } from "@/components/ui/relative-time";
import { useNow } from "@/components/ui/use-now";
import { credentialState } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import type { CredentialUsage } from "@/lib/usage/shared";
import { RefreshAfterCredentialChange } from "./after-credential-change";
import { AllowedAddresses } from "./allowed-addresses";
import { CredentialPageActions } from "./credential-page-actions";
import { CredentialRequests } from "./credential-requests";
import { credentialPath, credentialsPath } from "./credential-paths";
import { ExpiryText, FoundInPublic, RollUsage, StatusBadges } from "./credential-status";
import { RollDialogHost } from "./roll-dialog";
import type { TeamScope } from "@/lib/teams/shared";

type Props = {
  scope: TeamScope;
  credential: CredentialDto;
  /** Its requests by outcome (lib/usage/queries.ts), as of the page's render. */
  usage: CredentialUsage;
  environmentLabel: string;
  canManage: boolean;
  roleLabel: string;
  /** When the server read the credential (ms): see components/ui/use-now.ts. */
  renderedAt: number;
  /** The API origin, for the rolled token's curl command. */
  apiBaseUrl: string;
};

const link =
  "font-medium text-indigo-700 underline hover:text-indigo-900 focus-visible:outline-2 focus-visible:outline-indigo-600";

export function CredentialDetails({
  scope,
  credential,
  usage,
  environmentLabel,
  canManage,
  roleLabel,
  renderedAt,
  apiBaseUrl,
}: Props) {
  const now = useNow(renderedAt);
  const state = credentialState(credential, now);
  const listPath = credentialsPath(scope);

  return (
    <RefreshAfterCredentialChange whenDeleted={listPath}>
      <RollDialogHost scope={scope} apiBaseUrl={apiBaseUrl}>
        <article aria-labelledby="credential-heading" className="max-w-4xl space-y-6">
          <nav aria-label="Breadcrumb">
            <ol className="flex flex-wrap items-center gap-1 text-sm text-slate-600">
              <li>
                <Link href={listPath} className={link}>
                  API Credentials
                </Link>
              </li>
              <li aria-hidden>
                <ChevronRight className="size-4" />
              </li>
              <li aria-current="page" className="min-w-0 [overflow-wrap:anywhere]">
                {credential.name}
              </li>
            </ol>
          </nav>

          <header className="space-y-3">
            <div className="flex flex-wrap items-center gap-3">
              <h1
                id="credential-heading"
                className="min-w-0 text-2xl font-semibold [overflow-wrap:anywhere] text-slate-900"
              >
                {credential.name}
              </h1>
              <StatusBadges state={state} />
            </div>
            {canManage ? (
              <CredentialPageActions scope={scope} credential={credential} state={state} now={now} />
            ) : (
              <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
                Your role ({roleLabel}) can view this credential but not change it.
              </p>
            )}
          </header>

          {credential.leak || state.refusal ? (
            <div className="space-y-1 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
              {credential.leak ? (
                <p>
                  <FoundInPublic leak={credential.leak} />.
                  {state.revoked || state.expired ? "" : stillWorks(credential)}
                </p>
              ) : null}
              {state.refusal ? <p>{state.refusal}</p> : null}
            </div>
          ) : null}

          {state.roll ? (
            <section
              aria-labelledby="roll-heading"
              className="space-y-1 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
            >
              <h2 id="roll-heading" className="font-semibold">
                Replaced by{" "}
                <Link href={credentialPath(scope, state.roll.replacedBy.id)} className={link}>
                  {state.roll.replacedBy.name}
                </Link>
              </h2>
              <p>{state.roll.countdown}</p>
              <p className={state.roll.usage.kind === "in_use" ? "font-medium" : undefined}>
                <RollUsage usage={state.roll.usage} />.
              </p>
            </section>
          ) : null}

          <dl className="grid gap-x-6 gap-y-4 rounded-lg border border-slate-200 bg-white p-5 text-sm sm:grid-cols-2">
            <Detail term="Token">
              <code className="font-mono text-xs text-slate-800">{credential.tokenDisplay}</code>
            </Detail>
            <Detail term="Status">
              <StatusBadges state={state} />
            </Detail>
            <Detail term="Environment">{environmentLabel}</Detail>
            <Detail term="Expires">
              <ExpiryText expiresAt={credential.expiresAt} now={now} />
            </Detail>
            <Detail term="Created">
              <RelativeTime iso={credential.createdAt} /> by {credential.createdBy ?? "a former member"}
            </Detail>
            <Detail term="Last used">
              {credential.lastUsedAt ? (
                <>
                  <RelativeTime iso={credential.lastUsedAt} />
                  {credential.lastUsedAddress ? ` from ${credential.lastUsedAddress}` : ""}
                </>
              ) : (
                "Never"
              )}
            </Detail>
            {credential.replaces ? (
              <Detail term="Replaces">
                <Link href={credentialPath(scope, credential.replaces.id)} className={link}>
                  {credential.replaces.name}
                </Link>
              </Detail>
            ) : null}
          </dl>

          <CredentialRequests usage={usage} />

          <AllowedAddresses scope={scope} credential={credential} canManage={canManage} />
        </article>
      </RollDialogHost>
    </RefreshAfterCredentialChange>
  );
}

/** A leaked token that still works: anyone may use it until it is rolled (or, once rolled, ended). */
const stillWorks = (credential: CredentialDto) =>
  credential.replacedBy
    ? " Anyone may have its token, and it works until it ends."
    : " Anyone may have its token, and it still works: roll it to get a new token.";

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="font-medium text-slate-600">{term}</dt>
      <dd className="mt-1 [overflow-wrap:anywhere] text-slate-900">{children}</dd>
    </div>
  );
}
