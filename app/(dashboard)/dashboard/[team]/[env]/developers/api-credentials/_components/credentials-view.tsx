"use client";
// The credential list of one team in one environment: filters, table, pages, empty state, and
// (for those who may) the create and row controls.
import { KeyRound, Plus } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { useNow } from "@/components/ui/use-now";
import type { CredentialPage } from "@/lib/credentials/shared";
import { rolesWith } from "@/lib/teams/shared";
import { roleLabels } from "@/lib/platform/shared";
import { CreateCredentialDialog } from "./create-credential-dialog";
import { CredentialFilters } from "./credential-filters";
import { CredentialsTable } from "./credentials-table";
import { ExpiringSoonBanner } from "./expiring-soon-banner";
import { LeakBanners } from "./leak-banners";
import { RollDialogHost } from "./roll-dialog";
import { useCredentialFilters } from "./use-credential-filters";
import type { TeamScope } from "@/lib/teams/shared";
import { useCredentialList } from "./use-credentials";
import { useRowFocus } from "./use-row-focus";

type Props = {
  scope: TeamScope;
  teamName: string;
  environmentLabel: string;
  canManage: boolean;
  roleLabel: string;
  initialPage: CredentialPage;
  /** The API origin, for the token dialog's curl command. */
  apiBaseUrl: string;
  /** When the server read `initialPage` (ms): statuses are judged at that time until the browser's clock takes over. */
  renderedAt: number;
};

// Who may create a credential, from the permission table: "Owner, Admin or Developer".
const managerLabels = rolesWith("credentials:manage").map((role) => roleLabels[role]);
const managers = `${managerLabels.slice(0, -1).join(", ")} or ${managerLabels.at(-1)}`;

export function CredentialsView({
  scope,
  teamName,
  environmentLabel,
  canManage,
  roleLabel,
  initialPage,
  apiBaseUrl,
  renderedAt,
}: Props) {
  const { filters, filtered, nameInput, setNameInput, setStatus, setPage, clear } = useCredentialFilters();
  const [creating, setCreating] = useState(false);
  const createButton = useRef<HTMLButtonElement>(null);
  const nameFilter = useRef<HTMLInputElement>(null);

  const list = useCredentialList(scope, filters, initialPage, renderedAt);
  const data = list.data ?? initialPage;
  // Never earlier than the data: a credential ended a moment ago reads "Expired" at once.
  const now = useNow(Math.max(list.dataUpdatedAt, renderedAt));
  // The rows of the filters before, kept in view (dimmed) while those of the new ones load: no count
  // then, as it would describe rows not shown.
  const loading = list.isPlaceholderData;
  const empty = data.total === 0 && !filtered && !loading;
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const rowFocus = useRowFocus(
    data.credentials.map((credential) => credential.id),
    createButton,
  );
  // One opener at a time (header, or the empty state), so the name stays unique on the page.
  const newCredentialButton = (
    <Button ref={createButton} aria-haspopup="dialog" onClick={() => setCreating(true)}>
      <Plus className="size-4" aria-hidden />
      New API credential
    </Button>
  );

  return (
    <RollDialogHost scope={scope} apiBaseUrl={apiBaseUrl}>
      <section aria-labelledby="api-credentials-heading" className="space-y-5">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 id="api-credentials-heading" className="text-2xl font-semibold text-slate-900">
              API Credentials
            </h1>
            <p className="mt-1 text-sm text-slate-600">
              Tokens your systems use to call the eCourier API for {teamName} in {environmentLabel}.
            </p>
          </div>
          {canManage && !empty ? newCredentialButton : null}
        </div>

        {canManage ? null : (
          <p className="rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-700">
            Your role ({roleLabel}) can view credentials but not change them.
          </p>
        )}

        <LeakBanners scope={scope} leaks={data.leaks} />

        <ExpiringSoonBanner
          count={data.expiringSoon}
          onShow={filters.status === "expiring_soon" ? undefined : () => setStatus("expiring_soon")}
        />

        {empty ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
            <KeyRound className="mx-auto size-8 text-slate-500" aria-hidden />
            <h2 className="mt-3 text-base font-semibold text-slate-900">
              No API credentials in {environmentLabel} yet
            </h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
              An API credential is a secret token that lets one of your systems, such as an ERP or a shop, call the
              eCourier API for {teamName} in {environmentLabel}. Make one for each service that integrates.
            </p>
            {canManage ? (
              <div className="mt-5">{newCredentialButton}</div>
            ) : (
              <p className="mx-auto mt-3 max-w-md text-sm text-slate-600">
                Ask an {managers} of {teamName} to create one.
              </p>
            )}
          </div>
        ) : (
          <>
            <CredentialFilters
              nameField={nameFilter}
              name={nameInput}
              status={filters.status}
              onNameChange={setNameInput}
              onStatusChange={setStatus}
            />
            <p role="status" className="text-sm text-slate-600">
              {loading ? (
                "Loading…"
              ) : (
                <ListCount total={data.total} filtered={filtered} page={data.page} pages={pages} />
              )}
            </p>
            <div className={loading ? "opacity-50 transition-opacity" : undefined}>
              {data.credentials.length > 0 ? (
                <CredentialsTable
                  scope={scope}
                  credentials={data.credentials}
                  now={now}
                  canManage={canManage}
                  busy={list.isFetching}
                  rowFocus={rowFocus}
                  caption={`API credentials of ${teamName} in ${environmentLabel}`}
                />
              ) : (
                <div className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-center">
                  <p className="text-sm text-slate-600">No credentials match these filters.</p>
                  <Button
                    variant="secondary"
                    className="mt-3"
                    onClick={() => {
                      clear();
                      // The button goes with the empty result: focus to the filter just emptied.
                      nameFilter.current?.focus();
                    }}
                  >
                    Clear filters
                  </Button>
                </div>
              )}
            </div>
            <Pager label="Pages" page={data.page} hasNext={data.page < pages} onPage={setPage} />
          </>
        )}

        {canManage ? (
          <CreateCredentialDialog
            scope={scope}
            teamName={teamName}
            environmentLabel={environmentLabel}
            apiBaseUrl={apiBaseUrl}
            open={creating}
            onOpenChange={setCreating}
            opener={createButton}
          />
        ) : null}
      </section>
    </RollDialogHost>
  );
}

function ListCount({
  total,
  filtered,
  page,
  pages,
}: {
  total: number;
  filtered: boolean;
  page: number;
  pages: number;
}) {
  return (
    <>
      {total === 1 ? "1 credential" : `${total} credentials`}
      {filtered ? (total === 1 ? " matches these filters" : " match these filters") : ""}
      {pages > 1 ? `, page ${page} of ${pages}` : ""}.
    </>
  );
}
