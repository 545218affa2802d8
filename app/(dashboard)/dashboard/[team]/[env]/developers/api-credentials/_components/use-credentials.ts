"use client";
// React Query for the credential list and one hook per change. Every change refreshes
// ['credentials', team, env] and explains a failure in a toast; none can be sent twice at once.
// Changes go through useCallAction: in Live the server may first want the password confirmed
// (sudo mode), and the same change is then sent again by itself. A page that shows credentials
// rendered on the server (the credential page) hears of each change through useAfterCredentialChange.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type MutateOptions } from "@tanstack/react-query";
import { useRef } from "react";
import { toast } from "sonner";
import { ActionFailure, callAction, hasFieldErrors, toastFailure } from "@/components/action-client";
import { useCallAction } from "@/components/password-confirmation";
import { credentialState, formatTimeLeft } from "@/lib/credentials/shared";
import type { CredentialDto, CredentialPage } from "@/lib/credentials/shared";
import type { Expiry, GracePeriod } from "@/lib/credentials/shared";
import type { TeamScope } from "@/lib/teams/shared";
import type { CredentialFilters } from "@/lib/credentials/shared";
import {
  changeExpiryAction,
  createCredentialAction,
  deleteCredentialAction,
  enableCredentialAction,
  listCredentialsAction,
  renameCredentialAction,
  revokeCredentialAction,
  rollCredentialAction,
  setAllowedAddressesAction,
} from "../actions";
import { useAfterCredentialChange, type CredentialChange } from "./after-credential-change";

export const credentialsKey = (scope: TeamScope) => ["credentials", scope.team, scope.environment] as const;
export const defaultFilters: CredentialFilters = { name: "", status: "all", page: 1 };

export function useCredentialList(
  scope: TeamScope,
  filters: CredentialFilters,
  initialPage: CredentialPage,
  renderedAt: number,
) {
  const isFirstView =
    filters.name === defaultFilters.name &&
    filters.status === defaultFilters.status &&
    filters.page === defaultFilters.page;
  return useQuery({
    queryKey: [...credentialsKey(scope), filters],
    queryFn: () => callAction(() => listCredentialsAction({ ...scope, ...filters })),
    initialData: isFirstView ? initialPage : undefined,
    initialDataUpdatedAt: renderedAt,
    placeholderData: keepPreviousData,
  });
}

type MutationOptions<Input, Output> = {
  run: (scope: TeamScope, input: Input, call: ReturnType<typeof useCallAction>) => Promise<Output>;
  success: (output: Output) => string;
  /** What a server-rendered page does once it is done (default: shows the database's state again). */
  change?: CredentialChange["kind"];
};

function useCredentialMutation<Input, Output>(
  scope: TeamScope,
  { run, success, change = "changed" }: MutationOptions<Input, Output>,
) {
  const queryClient = useQueryClient();
  const call = useCallAction();
  const afterChange = useAfterCredentialChange();
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: (input: Input) => run(scope, input, call),
    onSuccess: (output) => {
      toast.success(success(output));
      afterChange({ kind: change });
    },
    onError: (error) => {
      // Cancelled "Confirm your password": nothing was sent, so nothing went wrong.
      if (error instanceof ActionFailure && error.failure.code === "cancelled") toast(error.message);
      // A field error is shown beside its field instead.
      else if (!hasFieldErrors(error)) toastFailure(error instanceof ActionFailure ? error.failure : error);
      // Refused (e.g. deleted by someone else meanwhile): the page shows what the database holds now.
      if (error instanceof ActionFailure && error.failure.code !== "cancelled" && error.failure.code !== "unreachable")
        afterChange({ kind: "changed" });
    },
    onSettled: () => {
      inFlight.current = false;
      return queryClient.invalidateQueries({ queryKey: credentialsKey(scope) });
    },
  });
  const submit = (input: Input, options?: MutateOptions<Output, Error, Input>) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(input, options);
  };
  return { ...mutation, submit };
}

/**
 * The plain token goes to `onCreated` (the dialog's own state) and never becomes the mutation's
 * data, so React Query's caches never hold it.
 */
export function useCreateCredential(
  scope: TeamScope,
  onCreated: (created: { credential: CredentialDto; token: string }) => void,
) {
  return useCredentialMutation(scope, {
    run: async (scope, input: { name: string; expiry: Expiry }, call) => {
      const created = await call(() => createCredentialAction({ ...scope, ...input }));
      onCreated(created);
      return { name: created.credential.name };
    },
    success: ({ name }) => `Created “${name}”.`,
  });
}

export const useRenameCredential = (scope: TeamScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string; name: string }, call) =>
      call(() => renameCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Renamed to “${name}”.`,
  });

export const useRevokeCredential = (scope: TeamScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string }, call) => call(() => revokeCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Revoked “${name}”. Its token is refused until you enable it.`,
  });

export const useEnableCredential = (scope: TeamScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string; acknowledgeLeak?: boolean }, call) =>
      call(() => enableCredentialAction({ ...scope, ...input })),
    // Enable does not touch the expiry: an expired credential stays refused, and the toast says why.
    success: (credential) =>
      credentialState(credential, Date.now()).expired
        ? `Enabled “${credential.name}”. Its token stays refused until you change its expiry.`
        : `Enabled “${credential.name}”. Its token works again.`,
  });

export const useDeleteCredential = (scope: TeamScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string }, call) => call(() => deleteCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Deleted “${name}”.`,
    change: "deleted",
  });

/** Like a creation: the new token goes to `onRolled` (the dialog's own state), never into a cache. */
export function useRollCredential(
  scope: TeamScope,
  onRolled: (rolled: { credential: CredentialDto; previous: CredentialDto; token: string }) => void,
) {
  return useCredentialMutation(scope, {
    run: async (scope, input: { id: string; grace: GracePeriod }, call) => {
      const rolled = await call(() => rollCredentialAction({ ...scope, ...input }));
      onRolled(rolled);
      return { name: rolled.previous.name };
    },
    success: ({ name }) => `Rolled “${name}”. Copy the new token now.`,
  });
}

export const useChangeExpiry = (scope: TeamScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string; expiry: Expiry }, call) => call(() => changeExpiryAction({ ...scope, ...input })),
    success: (credential) => expiryChanged(credential, Date.now()),
  });

export const useSetAllowedAddresses = (scope: TeamScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string; addresses: string }, call) =>
      call(() => setAllowedAddressesAction({ ...scope, ...input })),
    success: ({ name, allowedAddresses }) =>
      allowedAddresses.length
        ? `Saved. “${name}” is accepted only from the addresses listed.`
        : `Saved. “${name}” is accepted from any address.`,
  });

function expiryChanged(credential: Pick<CredentialDto, "name" | "expiresAt">, now: number): string {
  if (!credential.expiresAt) return `“${credential.name}” never expires now.`;
  const left = Date.parse(credential.expiresAt) - now;
  return left <= 0
    ? `Ended “${credential.name}”: its token is refused.`
    : `“${credential.name}” now expires ${formatTimeLeft(left)}.`;
}
