"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { TextField } from "@/components/ui/text-field";
import { signInWithPassword } from "./actions";

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(signInWithPassword, null);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next && <input type="hidden" name="next" value={next} />}
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.email}
        autoFocus
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      <FormError message={state?.message} testId="sign-in-error" />
      <Button type="submit" pending={pending} pendingLabel="Signing in…" className="w-full">
        Sign in
      </Button>
      <p className="text-center text-sm text-slate-600">
        New to eCourier?{" "}
        <Link href="/signup" className="font-medium text-indigo-700 underline">
          Create an account
        </Link>
      </p>
    </form>
  );
}
