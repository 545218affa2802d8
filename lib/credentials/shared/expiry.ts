// When credentials stop working: the choices of "Expires" and "Change expiry" and the grace periods
// of a roll ("expired" and "expiring soon" are ./expiry-rules.ts). Pure, no "server-only": the dialogs
// show the labels, lib/credentials/store.ts (`expiresAtSql`) turns a choice into SQL (so the
// database's clock decides, as /v1 compares with now()).
import {
  CREATE_EXPIRY_CHOICES,
  EXPIRY_CHOICES,
  GRACE_PERIODS,
  expiryDateBounds,
  type Expiry,
  type ExpiryChoice,
  type GracePeriod,
} from "./schemas";

export {
  CREATE_EXPIRY_CHOICES,
  EXPIRY_CHOICES,
  GRACE_PERIODS,
  expiryDateBounds,
  type Expiry,
  type ExpiryChoice,
  type GracePeriod,
};

export const expiryChoiceLabels: Record<ExpiryChoice, string> = {
  never: "Never",
  "7d": "In 7 days",
  "30d": "In 30 days",
  "90d": "In 90 days",
  "1y": "In 1 year",
  date: "On a date…",
  now: "End now",
};

export const gracePeriodLabels: Record<GracePeriod, string> = {
  now: "Now",
  "1h": "In 1 hour",
  "24h": "In 24 hours",
  "7d": "In 7 days",
};

/** PostgreSQL intervals of the relative choices, added to the database's now(). */
export const expiryIntervals = {
  "7d": "7 days",
  "30d": "30 days",
  "90d": "90 days",
  "1y": "1 year",
} as const satisfies Partial<Record<ExpiryChoice, string>>;
export const graceIntervals = {
  now: "0 seconds",
  "1h": "1 hour",
  "24h": "24 hours",
  "7d": "7 days",
} as const satisfies Record<GracePeriod, string>;

/** "On a date…": the credential works through the end of that day, UTC. */
export const endOfExpiryDate = (date: string) => `${date}T23:59:59.999Z`;
