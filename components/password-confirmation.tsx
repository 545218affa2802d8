"use client";
// Sudo mode in the browser: "Confirm your password", asked when the server refuses a change with
// "password_confirmation_required". `useCallAction` (and `useServerAction`, components/action-client.ts)
// sends an action and, on that refusal, opens this dialog; once the password is accepted the same call
// goes again, so nothing has to be retyped.
// Cancel answers false: the change is not sent and nothing is said beyond "Nothing was changed."
import { useCallback, useContext, useRef, useState, type FormEvent, type ReactNode } from "react";
import type { ActionResult } from "@/lib/platform/shared";
import { ActionFailure, callAction, ConfirmPasswordContext, type ConfirmPassword } from "./action-client";
import { Button } from "./ui/button";
import { Dialog, DialogCancel, DialogContent, DialogFooter } from "./ui/dialog";
import { FormError } from "./ui/form-error";
import { TextField } from "./ui/text-field";

/** The server action that checks the password and marks this session as confirmed. */
export type ConfirmPasswordAction = (input: { password: string }) => Promise<ActionResult<void>>;

/** Calls an action, asking for the password when the server wants it confirmed first. */
export function useCallAction() {
  const confirmPassword = useContext(ConfirmPasswordContext);
  return useCallback(
    <T,>(call: () => Promise<ActionResult<T>>) => callAction(call, confirmPassword),
    [confirmPassword],
  );
}

export function PasswordConfirmationProvider({
  confirm,
  children,
}: {
  confirm: ConfirmPasswordAction;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  // One question at a time: a second change refused meanwhile waits for the same answer.
  const pending = useRef<{ promise: Promise<boolean>; resolve: (confirmed: boolean) => void } | null>(null);

  const ask = useCallback<ConfirmPassword>(() => {
    if (!pending.current) {
      let resolve!: (confirmed: boolean) => void;
      const promise = new Promise<boolean>((r) => (resolve = r));
      pending.current = { promise, resolve };
      setOpen(true);
    }
    return pending.current.promise;
  }, []);

  const answer = useCallback((confirmed: boolean) => {
    pending.current?.resolve(confirmed);
    pending.current = null;
    setOpen(false);
  }, []);

  return (
    <ConfirmPasswordContext.Provider value={ask}>
      {children}
      <PasswordDialog open={open} confirm={confirm} onAnswer={answer} />
    </ConfirmPasswordContext.Provider>
  );
}

function PasswordDialog({
  open,
  confirm,
  onAnswer,
}: {
  open: boolean;
  confirm: ConfirmPasswordAction;
  onAnswer: (confirmed: boolean) => void;
}) {
  const [password, setPassword] = useState("");
  const [failure, setFailure] = useState<{ field?: string[]; form?: string }>({});
  const [checking, setChecking] = useState(false);

  function finish(confirmed: boolean) {
    setPassword("");
    setFailure({});
    onAnswer(confirmed);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (checking) return;
    setChecking(true);
    try {
      await callAction(() => confirm({ password }));
      finish(true);
    } catch (error) {
      const { failure } = error as ActionFailure;
      const field = failure.fieldErrors?.password;
      setFailure(field ? { field } : { form: failure.message });
    } finally {
      setChecking(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !checking && finish(false)}>
      <DialogContent
        title="Confirm your password"
        description="This change needs your password again. You will not be asked again for 15 minutes."
        onInteractOutside={(event) => checking && event.preventDefault()}
      >
        <form onSubmit={submit} noValidate>
          <TextField
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            autoFocus
            required
            value={password}
            errors={failure.field}
            onChange={(event) => setPassword(event.target.value)}
          />
          <FormError message={failure.form} testId="confirm-password-error" />
          <DialogFooter>
            <DialogCancel disabled={checking} />
            <Button type="submit" pending={checking}>
              Confirm
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
