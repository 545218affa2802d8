"use server";
// The page's server actions: public POST endpoints. Each goes through withTeamAction (session, zod
// input, the caller's membership from the database) and then lib/credentials, which checks the
// permission against that membership and scopes every query by team and environment.
import { withTeamAction } from "@/lib/dashboard";
import { parseAllowedAddresses } from "@/lib/credentials/shared";
import {
  changeExpiry,
  createCredential,
  credentialNameInUse,
  deleteCredential,
  enableCredential,
  listCredentials,
  renameCredential,
  revokeCredential,
  rollCredential,
  setAllowedAddresses,
} from "@/lib/credentials";
import { AppError } from "@/lib/platform";
import {
  ChangeExpiryInput,
  CreateCredentialInput,
  CredentialByIdInput,
  CredentialNameInUseInput,
  EnableCredentialInput,
  ListCredentialsInput,
  RenameCredentialInput,
  RollCredentialInput,
  SetAllowedAddressesInput,
} from "@/lib/credentials/shared";

export const listCredentialsAction = withTeamAction(ListCredentialsInput, ({ name, status, page }, { access }) =>
  listCredentials(access, { name, status, page }),
);

/** The name of another credential called that (ignoring case), or null: said under the Name field. */
export const credentialNameInUseAction = withTeamAction(CredentialNameInUseInput, ({ name, exceptId }, { access }) =>
  credentialNameInUse(access, { name, exceptId }),
);

/** With rollCredentialAction, the only responses that ever carry a plain token. */
export const createCredentialAction = withTeamAction(CreateCredentialInput, ({ name, expiry }, { access }) =>
  createCredential(access, { name, expiry }),
);

export const renameCredentialAction = withTeamAction(RenameCredentialInput, ({ id, name }, { access }) =>
  renameCredential(access, { id, name }),
);

export const revokeCredentialAction = withTeamAction(CredentialByIdInput, ({ id }, { access }) =>
  revokeCredential(access, { id }),
);

/** A credential whose token was found in public needs `acknowledgeLeak` (the confirm dialog's). */
export const enableCredentialAction = withTeamAction(EnableCredentialInput, ({ id, acknowledgeLeak }, { access }) =>
  enableCredential(access, { id, acknowledgeLeak }),
);

export const deleteCredentialAction = withTeamAction(CredentialByIdInput, ({ id }, { access }) =>
  deleteCredential(access, { id }),
);

/** → { credential (the new one), previous, token }. */
export const rollCredentialAction = withTeamAction(RollCredentialInput, ({ id, grace }, { access }) =>
  rollCredential(access, { id, grace }),
);

export const changeExpiryAction = withTeamAction(ChangeExpiryInput, ({ id, expiry }, { access }) =>
  changeExpiry(access, { id, expiry }),
);

/** The textarea's text; a bad line is a field error on `addresses` naming the line. */
export const setAllowedAddressesAction = withTeamAction(SetAllowedAddressesInput, ({ id, addresses }, { access }) => {
  const parsed = parseAllowedAddresses(addresses);
  if (!parsed.ok) throw new AppError("invalid_input", parsed.error, { addresses: [parsed.error] });
  return setAllowedAddresses(access, { id, cidrs: parsed.cidrs });
});
