// The dashboard when the database cannot be reached (lib/platform/outage.ts decides which errors say
// so): its pages show app/error.tsx's "trouble reaching its database" page, its actions answer with
// the same sentence. Each such request is counted in the outage's log lines, not logged on its own.
import "server-only";
import { databaseOutage, isDatabaseUnavailable } from "@/lib/platform";
import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from "./shared";

/**
 * Thrown to show the outage page. Next.js sends a server error to the browser as its `digest` (the
 * message is withheld in production) and keeps a digest the error already has
 * (next/dist/server/app-render/create-error-handler.js: "If the error already has a digest, respect
 * the original digest"); app/error.tsx tells this one by it. No cause and a one-line stack: Next.js
 * logs each error a page throws (one line for this one), and the outage itself is logged once, by
 * lib/platform/outage.ts.
 */
export class DatabaseUnavailableError extends Error {
  declare readonly digest: string;

  constructor() {
    super(DATABASE_UNAVAILABLE_MESSAGE);
    this.name = "DatabaseUnavailable";
    this.stack = `${this.name}: ${this.message}`;
    // Not enumerable: Next.js's log line for it is then one line, not the error and its properties.
    Object.defineProperty(this, "digest", { value: DATABASE_UNAVAILABLE_DIGEST, enumerable: false });
  }
}

/** Whether `err` is the outage page's error (already counted), by digest: lib/ may be loaded twice. */
export function isDatabaseUnavailableError(err: unknown): boolean {
  return (err as { digest?: unknown } | null)?.digest === DATABASE_UNAVAILABLE_DIGEST;
}

/** `read`'s result; if the database cannot be reached, the refusal is counted and the outage page thrown. */
export async function orOutagePage<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    throw asOutagePage(err);
  }
}

/** The outage page's error for an unreachable database (counted once), else `err` as it is. */
export function asOutagePage(err: unknown): unknown {
  if (isDatabaseUnavailableError(err) || !isDatabaseUnavailable(err)) return err;
  databaseOutage().refused(err);
  return new DatabaseUnavailableError();
}
