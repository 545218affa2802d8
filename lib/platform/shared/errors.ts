// Domain errors that entry points turn into their own answers (action results, HTTP statuses).
export type AppErrorCode =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "conflict"
  | "throttled"
  // Sudo mode: the change needs the member's password typed again (lib/auth/sudo.ts).
  | "password_confirmation_required";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (message = "Not found.") => new AppError("not_found", message);
export const forbidden = (message = "Your role does not allow this.") => new AppError("forbidden", message);
export const unauthenticated = () => new AppError("unauthenticated", "Your session has ended. Sign in again.");
