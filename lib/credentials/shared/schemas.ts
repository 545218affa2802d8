// Input of the credential actions. Each rule is written once (CredentialName, CredentialId, the
// list filters) and the action inputs are derived from them and from the team scope.
import { z } from "zod";
import { credentialStatuses } from "@/db/schema";
import { TeamScope } from "@/lib/teams/shared";
import { nameText, plainText } from "@/lib/platform/shared";

export const CREDENTIAL_NAME_MAX_LENGTH = 64;

/** The one name rule (lib/platform/shared/text.ts): counted in characters, as PostgreSQL counts text. */
export const CredentialName = nameText({ max: CREDENTIAL_NAME_MAX_LENGTH });

export const CredentialId = z.uuid({ error: "Unknown credential." });

/** `active`: stored active and not expired; `expired`: past its expiry, whatever its stored status; `expiring_soon`: see ./expiry-rules.ts. */
export const CredentialStatusFilter = z.enum(["all", ...credentialStatuses, "expired", "expiring_soon"]);

// ---- Expiry (lib/credentials/shared/expiry.ts has the labels and what each choice means)

/** What the "Expires" select offers when creating; "Change expiry" adds "now" ("End now"). */
export const CREATE_EXPIRY_CHOICES = ["never", "7d", "30d", "90d", "1y", "date"] as const;
export const EXPIRY_CHOICES = [...CREATE_EXPIRY_CHOICES, "now"] as const;
/** "Old token stops working" when rolling. */
export const GRACE_PERIODS = ["now", "1h", "24h", "7d"] as const;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The dates "On a date…" accepts, as YYYY-MM-DD in UTC: from today (the credential works through
 * the end of the chosen day, UTC) to the same day next year.
 */
export function expiryDateBounds(now = new Date()): { min: string; max: string } {
  const nextYear = new Date(now);
  nextYear.setUTCFullYear(nextYear.getUTCFullYear() + 1);
  return { min: isoDay(now), max: isoDay(nextYear) };
}

const isCalendarDay = (text: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(text) && isoDay(new Date(`${text}T00:00:00Z`)) === text;

type ExpiryInput = { choice: (typeof EXPIRY_CHOICES)[number]; date?: string };

/** "On a date…" needs a real date, not in the past and at most a year ahead; the issue goes on the `date` field. */
function checkExpiryDate(expiry: ExpiryInput | undefined, ctx: z.RefinementCtx) {
  if (expiry?.choice !== "date") return;
  const date = expiry.date ?? "";
  const { min, max } = expiryDateBounds();
  const message = !isCalendarDay(date)
    ? "Choose a date."
    : date < min
      ? "Choose a date in the future."
      : date > max
        ? "Choose a date within a year."
        : null;
  if (message) ctx.addIssue({ code: "custom", path: ["date"], message });
}

const ExpiryShape = z.object({
  choice: z.enum(EXPIRY_CHOICES, { error: "Choose when it expires." }),
  date: z.string().optional(),
});
const CreateExpiryShape = ExpiryShape.extend({
  choice: z.enum(CREATE_EXPIRY_CHOICES, { error: "Choose when it expires." }),
});
export const Expiry = ExpiryShape.superRefine(checkExpiryDate);
export const CreateExpiry = CreateExpiryShape.superRefine(checkExpiryDate);
export const GracePeriod = z.enum(GRACE_PERIODS, { error: "Choose when the old token stops working." });

export type Expiry = z.infer<typeof Expiry>;
export type ExpiryChoice = Expiry["choice"];
export type GracePeriod = z.infer<typeof GracePeriod>;

export const CredentialFilters = z.object({
  name: plainText().max(CREDENTIAL_NAME_MAX_LENGTH).default(""),
  status: CredentialStatusFilter.default("all"),
  page: z.number().int().min(1).max(100_000).default(1),
});

const Credential = z.object({ id: CredentialId, name: CredentialName });

export const ListCredentialsInput = TeamScope.extend(CredentialFilters.shape);
export const RenameCredentialInput = TeamScope.extend(Credential.shape);
export const CredentialByIdInput = TeamScope.extend(Credential.pick({ id: true }).shape);
/** `acknowledgeLeak`: the member saw the warning that its token was found in public (commands.ts). */
export const EnableCredentialInput = CredentialByIdInput.extend({ acknowledgeLeak: z.boolean().optional() });
/** Is this name taken by another credential (other than `exceptId`, the one being renamed)? */
export const CredentialNameInUseInput = TeamScope.extend({
  ...Credential.pick({ name: true }).shape,
  exceptId: CredentialId.optional(),
});

// An action's expiry date problem is reported on `date` (not `expiry`), as the form names its field.
const dateOf = (input: { expiry?: ExpiryInput }, ctx: z.RefinementCtx) => checkExpiryDate(input.expiry, ctx);

export const CreateCredentialInput = TeamScope.extend({
  ...Credential.pick({ name: true }).shape,
  expiry: CreateExpiryShape.default({ choice: "never" }),
}).superRefine(dateOf);
export const ChangeExpiryInput = TeamScope.extend({
  ...Credential.pick({ id: true }).shape,
  expiry: ExpiryShape,
}).superRefine(dateOf);
export const RollCredentialInput = TeamScope.extend({ ...Credential.pick({ id: true }).shape, grace: GracePeriod });
/** The textarea's text; lib/credentials/shared/addresses.ts parses it (a bad line is a field error on `addresses`). */
export const SetAllowedAddressesInput = TeamScope.extend({
  ...Credential.pick({ id: true }).shape,
  addresses: z.string({ error: "Enter addresses, one per line." }).max(20_000, "Enter at most 100 addresses."),
});

export type CredentialFilters = z.infer<typeof CredentialFilters>;
export type CredentialStatusFilter = z.infer<typeof CredentialStatusFilter>;
