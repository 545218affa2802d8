"use server";
// The page's server actions: public POST endpoints. Each goes through withTeamAction (session, zod
// input, membership from the database, permission table) and then lib/credentials, which checks
// again and scopes every query by team and environment.
import { withTeamAction } from "@/lib/action";
import { createCredential, deleteCredential, enableCredential, listCredentials, renameCredential, revokeCredential } from "@/lib/credentials";
import {
  CreateCredentialInput,
  CredentialByIdInput,
  ListCredentialsInput,
  RenameCredentialInput,
} from "@/lib/validation/credentials";

export const listCredentialsAction = withTeamAction(ListCredentialsInput, "credentials:view", ({ team, environment, ...filters }, { actor }) =>
  listCredentials(actor, team, environment, filters),
);

/** The only response that ever carries the plain token. */
export const createCredentialAction = withTeamAction(CreateCredentialInput, "credentials:manage", ({ team, environment, name }, { actor }) =>
  createCredential(actor, team, environment, { name }),
);

export const renameCredentialAction = withTeamAction(RenameCredentialInput, "credentials:manage", ({ team, environment, ...input }, { actor }) =>
  renameCredential(actor, team, environment, input),
);

export const revokeCredentialAction = withTeamAction(CredentialByIdInput, "credentials:manage", ({ team, environment, id }, { actor }) =>
  revokeCredential(actor, team, environment, { id }),
);

export const enableCredentialAction = withTeamAction(CredentialByIdInput, "credentials:manage", ({ team, environment, id }, { actor }) =>
  enableCredential(actor, team, environment, { id }),
);

export const deleteCredentialAction = withTeamAction(CredentialByIdInput, "credentials:manage", ({ team, environment, id }, { actor }) =>
  deleteCredential(actor, team, environment, { id }),
);
