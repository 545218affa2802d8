// Input of the credential actions. Each rule is written once (CredentialName, CredentialId, the
// list filters) and the action inputs are derived from them and from the team scope.
import { z } from "zod";
import { credentialStatuses } from "@/db/schema";
import { TeamScope } from "./team-scope";
import { plainText } from "./text";

export const CREDENTIAL_NAME_MAX_LENGTH = 64;

// Counted in characters (code points), as PostgreSQL counts text, not in UTF-16 units.
export const CredentialName = plainText({ error: "Enter a name." })
  .min(1, "Enter a name.")
  .refine((name) => [...name].length <= CREDENTIAL_NAME_MAX_LENGTH, `Use at most ${CREDENTIAL_NAME_MAX_LENGTH} characters.`);

export const CredentialId = z.uuid({ error: "Unknown credential." });

export const CredentialStatusFilter = z.enum(["all", ...credentialStatuses]);

export const CredentialFilters = z.object({
  name: plainText().max(CREDENTIAL_NAME_MAX_LENGTH).default(""),
  status: CredentialStatusFilter.default("all"),
  page: z.number().int().min(1).max(100_000).default(1),
});

const Credential = z.object({ id: CredentialId, name: CredentialName });

export const ListCredentialsInput = TeamScope.extend(CredentialFilters.shape);
export const CreateCredentialInput = TeamScope.extend(Credential.pick({ name: true }).shape);
export const RenameCredentialInput = TeamScope.extend(Credential.shape);
export const CredentialByIdInput = TeamScope.extend(Credential.pick({ id: true }).shape);

export type CredentialFilters = z.infer<typeof CredentialFilters>;
export type CredentialStatusFilter = z.infer<typeof CredentialStatusFilter>;
