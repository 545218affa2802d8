// The one result shape of a server action, as the browser receives it (lib/dashboard/action-guard.ts makes it,
// components/action-client.ts reads it).
import type { AppErrorCode } from "./errors";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "internal"; message: string; fieldErrors?: Record<string, string[]> };

/** The server refused or failed the action. */
export type ActionRefusal = Extract<ActionResult<never>, { ok: false }>;
