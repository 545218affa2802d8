"use client";
// Calling a server action from the browser. Its result becomes the data, or a thrown ActionFailure
// carrying the server's plain-words message and field errors; a call that never reached the server
// becomes one too. `useServerAction` adds pending state, the toasts and a refresh of the page.
// `toastFailure` is the one way a failure becomes a toast: a session that has ended offers "Sign in",
// which comes back to this page.
// A refusal "password_confirmation_required" (sudo mode) can be answered: given a `confirmPassword`
// (components/password-confirmation.tsx asks the member), the same call is sent again once confirmed.
// `useServerAction` and `useCallAction` both answer it, so no change the server may ask about is a dead button.
import { useRouter } from "next/navigation";
import { createContext, useContext, useTransition } from "react";
import { toast } from "sonner";
import type { ActionRefusal, ActionResult } from "@/lib/platform/shared";

/**
 * The server's refusal, "unreachable" when the call did not get an answer at all, or "cancelled" when
 * the member closed "Confirm your password" (nothing was sent, nothing changed).
 */
export type Failure = Pick<ActionRefusal, "message" | "fieldErrors"> & {
  code: ActionRefusal["code"] | "unreachable" | "cancelled";
};

export class ActionFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
    this.name = "ActionFailure";
  }
}

const unreachable: Failure = {
  code: "unreachable",
  message: "Could not reach eCourier. Check your connection and try again.",
};
const notConfirmed: Failure = { code: "cancelled", message: "Nothing was changed." };

/** Asks the member for their password; true once the server has accepted it for this session. */
export type ConfirmPassword = () => Promise<boolean>;

/**
 * How this page asks for the password: PasswordConfirmationProvider (components/password-confirmation.tsx)
 * opens "Confirm your password". Without a provider nothing can be asked: the refusal stands.
 */
export const ConfirmPasswordContext = createContext<ConfirmPassword>(async () => false);

/**
 * The action's data; throws an ActionFailure when it was refused or could not be sent. With
 * `confirmPassword`, a call refused for want of a recent password confirmation asks for it and is
 * sent again, unchanged.
 */
export async function callAction<T>(
  call: () => Promise<ActionResult<T>>,
  confirmPassword?: ConfirmPassword,
): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await call();
  } catch {
    throw new ActionFailure(unreachable);
  }
  if (!result.ok && result.code === "password_confirmation_required" && confirmPassword) {
    if (!(await confirmPassword())) throw new ActionFailure(notConfirmed);
    return callAction(call, confirmPassword);
  }
  if (!result.ok) throw new ActionFailure(result);
  return result.data;
}

/** Where "Sign in" goes when the session has ended: the login page, back to this page (path and query). */
export function signInPath(here: Pick<Location, "pathname" | "search">): string {
  return `/login?next=${encodeURIComponent(here.pathname + here.search)}`;
}

/**
 * Says in a toast why an action failed. A session that has ended gets one toast (however many calls
 * failed) that stays until used or closed, with "Sign in": after signing in the member is back here.
 */
export function toastFailure(failure: { code?: Failure["code"]; message: string }) {
  if (failure.code === "unauthenticated") {
    toast.error(failure.message, {
      id: "session-ended",
      duration: Infinity,
      action: { label: "Sign in", onClick: () => window.location.assign(signInPath(window.location)) },
    });
  } else {
    toast.error(failure.message);
  }
}

/** The messages for one field, when the server refused the input because of it. */
export function fieldErrors(error: unknown, field: string): string[] | undefined {
  return error instanceof ActionFailure ? error.failure.fieldErrors?.[field] : undefined;
}

/** Whether the server refused the input because of one field or more (each then said beside its field). */
export function hasFieldErrors(error: unknown): boolean {
  return (
    error instanceof ActionFailure &&
    Object.values(error.failure.fieldErrors ?? {}).some((messages) => messages?.length)
  );
}

type RunOptions<T> = {
  /** The toast once it is done. */
  success: string;
  onSuccess?: (data: T) => void;
  /** A refusal by the server (not a lost connection: then only the toast, and the user may try again). */
  onError?: (refusal: ActionRefusal) => void;
};

/**
 * For pages rendered on the server: runs an action in a transition, toasts the outcome and, on
 * success, refreshes the page so it shows what the database now holds. `pending` lasts until the
 * refresh is done, "Confirm your password" included when the server asks for it.
 */
export function useServerAction() {
  const router = useRouter();
  const confirmPassword = useContext(ConfirmPasswordContext);
  const [pending, startTransition] = useTransition();
  function run<T>(call: () => Promise<ActionResult<T>>, { success, onSuccess, onError }: RunOptions<T>) {
    startTransition(async () => {
      let data: T;
      try {
        // Sudo mode: a change the server wants confirmed asks for the password, then goes again.
        data = await callAction(call, confirmPassword);
      } catch (error) {
        const { failure } = error as ActionFailure;
        // Cancelled "Confirm your password": nothing was sent, so nothing went wrong.
        if (failure.code === "cancelled") toast(failure.message);
        else toastFailure(failure);
        if (failure.code !== "unreachable" && failure.code !== "cancelled") onError?.(failure as ActionRefusal);
        return;
      }
      toast.success(success);
      onSuccess?.(data);
      router.refresh();
    });
  }
  return { pending, run };
}
