"use server";
// The page's server actions: public POST endpoints. Each goes through withTeamAction (session, zod
// input, the caller's membership from the database) and then lib/credentials, which checks the
// permission against that membership and scopes every query by team and environment.
import { withTeamAction } from "@/lib/action";
import { createCredential, deleteCredential, enableCredential, listCredentials, renameCredential, revokeCredential } from "@/lib/credentials";
import {
  CreateCredentialInput,
  CredentialByIdInput,
  ListCredentialsInput,
  RenameCredentialInput,
} from "@/lib/validation/credentials";

export const listCredentialsAction = withTeamAction(ListCredentialsInput, ({ name, status, page }, { access }) =>
  listCredentials(access, { name, status, page }),
);

/** The only response that ever carries the plain token. */
export const createCredentialAction = withTeamAction(CreateCredentialInput, ({ name }, { access }) => createCredential(access, { name }));

export const renameCredentialAction = withTeamAction(RenameCredentialInput, ({ id, name }, { access }) => renameCredential(access, { id, name }));

export const revokeCredentialAction = withTeamAction(CredentialByIdInput, ({ id }, { access }) => revokeCredential(access, { id }));

export const enableCredentialAction = withTeamAction(CredentialByIdInput, ({ id }, { access }) => enableCredential(access, { id }));

export const deleteCredentialAction = withTeamAction(CredentialByIdInput, ({ id }, { access }) => deleteCredential(access, { id }));
