"use client";
// Status comes right after the name: on a narrow screen it is what shows beside it. The name links
// to the credential's page and stays the row's header.
import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TableBody, TableHead, Td, Th, Tr, Truncated } from "@/components/ui/table";
import { formatCount } from "@/components/usage/format";
import { credentialState } from "@/lib/credentials/shared";
import type { CredentialDto } from "@/lib/credentials/shared";
import { CredentialActions } from "./credential-actions";
import { credentialPath } from "./credential-paths";
import { FoundInPublic, RollSummary, StatusBadges } from "./credential-status";
import type { TeamScope } from "@/lib/teams/shared";
import type { RowFocus } from "./use-row-focus";

type Props = {
  scope: TeamScope;
  credentials: CredentialDto[];
  /** The time their status is judged at (components/ui/use-now.ts). */
  now: number;
  canManage: boolean;
  caption: string;
  busy: boolean;
  rowFocus: RowFocus;
};

export function CredentialsTable({ scope, credentials, now, canManage, caption, busy, rowFocus }: Props) {
  return (
    <Table caption={caption}>
      <TableHead>
        <tr>
          <Th scope="col" sticky="start">
            Name
          </Th>
          <Th scope="col">Status</Th>
          <Th scope="col">Token</Th>
          <Th scope="col">Last used</Th>
          <Th scope="col" className="text-right">
            Requests (24 h)
          </Th>
          <Th scope="col">Created by</Th>
          <Th scope="col">Created</Th>
          {canManage ? (
            <Th scope="col" sticky="end">
              <span className="sr-only">Actions</span>
            </Th>
          ) : null}
        </tr>
      </TableHead>
      <TableBody aria-busy={busy || undefined}>
        {credentials.map((credential) => {
          const state = credentialState(credential, now);
          return (
            <Tr key={credential.id}>
              <Th scope="row" sticky="start" className="font-medium text-slate-900">
                <Link
                  href={credentialPath(scope, credential.id)}
                  className="text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                >
                  <Truncated text={credential.name} />
                </Link>
              </Th>
              <Td>
                <StatusBadges state={state} />
                {credential.leak ? (
                  <span className="mt-1 block w-56 text-xs whitespace-normal text-slate-700">
                    <FoundInPublic leak={credential.leak} oneLine />
                  </span>
                ) : null}
                {state.roll ? (
                  <span className="mt-1 block max-w-72 whitespace-normal">
                    <RollSummary scope={scope} roll={state.roll} />
                  </span>
                ) : null}
              </Td>
              <Td>
                <code className="font-mono text-xs text-slate-800">{credential.tokenDisplay}</code>
              </Td>
              <Td>
                {credential.lastUsedAt ? (
                  <RelativeTime iso={credential.lastUsedAt} />
                ) : (
                  <span className="text-slate-600">Never</span>
                )}
              </Td>
              <Td className="text-right tabular-nums">{formatCount(credential.requests24h)}</Td>
              <Td>{credential.createdBy ?? <span className="text-slate-500">Former member</span>}</Td>
              <Td>
                <RelativeTime iso={credential.createdAt} />
              </Td>
              {canManage ? (
                <Td sticky="end" className="py-1.5 text-right">
                  <CredentialActions
                    scope={scope}
                    credential={credential}
                    state={state}
                    now={now}
                    rowFocus={rowFocus}
                  />
                </Td>
              ) : null}
            </Tr>
          );
        })}
      </TableBody>
    </Table>
  );
}
