"use client";
// React Query for the credential list and one hook per change. Every change refreshes
// ['credentials', team, env] and explains a failure in a toast; none can be sent twice at once.
// Changes go through useCallAction: in Live the server may first want the password confirmed
// (sudo mode), and the same change is then sent again by itself.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type MutateOptions } from "@tanstack/react-query";
import { useRef } from "react";
import { toast } from "sonner";
import { ActionFailure, callAction, fieldErrors } from "@/components/action-client";
import { useCallAction } from "@/components/password-confirmation";
import type { CredentialDto, CredentialPage } from "@/lib/credentials";
import type { TeamScope } from "@/lib/validation/team-scope";
import type { CredentialFilters } from "@/lib/validation/credentials";
import {
  createCredentialAction,
  deleteCredentialAction,
  enableCredentialAction,
  listCredentialsAction,
  renameCredentialAction,
  revokeCredentialAction,
} from "../actions";

export type CredentialsScope = TeamScope;

export const credentialsKey = (scope: CredentialsScope) => ["credentials", scope.team, scope.environment] as const;
export const defaultFilters: CredentialFilters = { name: "", status: "all", page: 1 };

export function useCredentialList(scope: CredentialsScope, filters: CredentialFilters, initialPage: CredentialPage) {
  const isFirstView = filters.name === defaultFilters.name && filters.status === defaultFilters.status && filters.page === defaultFilters.page;
  return useQuery({
    queryKey: [...credentialsKey(scope), filters],
    queryFn: () => callAction(() => listCredentialsAction({ ...scope, ...filters })),
    initialData: isFirstView ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });
}

type MutationOptions<Input, Output> = {
  run: (scope: CredentialsScope, input: Input, call: ReturnType<typeof useCallAction>) => Promise<Output>;
  success: (output: Output) => string;
};

function useCredentialMutation<Input, Output>(scope: CredentialsScope, { run, success }: MutationOptions<Input, Output>) {
  const queryClient = useQueryClient();
  const call = useCallAction();
  const inFlight = useRef(false);
  const mutation = useMutation({
    mutationFn: (input: Input) => run(scope, input, call),
    onSuccess: (output) => toast.success(success(output)),
    onError: (error) => {
      // Cancelled "Confirm your password": nothing was sent, so nothing went wrong.
      if (error instanceof ActionFailure && error.failure.code === "cancelled") toast(error.message);
      // A field error is shown beside its field instead.
      else if (!fieldErrors(error, "name")) toast.error(error.message);
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
export function useCreateCredential(scope: CredentialsScope, onCreated: (created: { credential: CredentialDto; token: string }) => void) {
  return useCredentialMutation(scope, {
    run: async (scope, input: { name: string }, call) => {
      const created = await call(() => createCredentialAction({ ...scope, ...input }));
      onCreated(created);
      return { name: created.credential.name };
    },
    success: ({ name }) => `Created “${name}”.`,
  });
}

export const useRenameCredential = (scope: CredentialsScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string; name: string }, call) => call(() => renameCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Renamed to “${name}”.`,
  });

export const useRevokeCredential = (scope: CredentialsScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string }, call) => call(() => revokeCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Revoked “${name}”. Its token is refused until you enable it.`,
  });

export const useEnableCredential = (scope: CredentialsScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string }, call) => call(() => enableCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Enabled “${name}”. Its token works again.`,
  });

export const useDeleteCredential = (scope: CredentialsScope) =>
  useCredentialMutation(scope, {
    run: (scope, input: { id: string }, call) => call(() => deleteCredentialAction({ ...scope, ...input })),
    success: ({ name }) => `Deleted “${name}”.`,
  });
