"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { finishSignUpAction, verifyEmailAction } from "./actions";

/** A sign-up's link: the password chosen with it makes the account (and signs in). */
export function FinishSignUpForm({ token, email, submitLabel }: { token: string; email: string; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(finishSignUpAction, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      {/* For password managers: which account this password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus
        hint="The password you chose when you signed up."
        errors={state?.fieldErrors?.password}
      />
      <FormError message={state?.fieldErrors ? undefined : state?.message} />
      <Button type="submit" pending={pending} pendingLabel="Creating your account…" className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}

/** An existing account's link: one button proves the address (a GET alone changes nothing: mail scanners open links). */
export function VerifyEmailForm({ token, submitLabel }: { token: string; submitLabel: string }) {
  const [state, formAction, pending] = useActionState(verifyEmailAction, null);
  if (state?.verified) {
    return (
      <div className="space-y-3 text-center" role="status">
        <p className="text-sm text-slate-700">Your email address is verified.</p>
        {state.verified.invitationGone ? (
          <p className="text-sm text-slate-600">
            The invitation you asked from is no longer valid. Ask the team’s Owner or Admin for a new one.
          </p>
        ) : null}
        <Link href="/dashboard" className="inline-block text-sm font-medium text-indigo-700 underline">
          Go to your dashboard
        </Link>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormError message={state?.message} />
      <Button type="submit" pending={pending} pendingLabel="Verifying…" className="w-full">
        {submitLabel}
      </Button>
    </form>
  );
}
