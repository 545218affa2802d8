"use client";
// The password a person chooses (sign-up, accepting an invitation): the same rule and hint everywhere.
// While they type, zxcvbn's feedback on a password too easy to guess shows under the field (the
// server checks the same way on submit, and its refusal shows as the field's error).
import { useEffect, useRef, useState } from "react";
import { TextField } from "@/components/ui/text-field";

/** Short passwords get the length rule's message on submit; zxcvbn speaks from this length on. */
const MIN_LENGTH = 10;

export function NewPasswordField({ errors, email }: { errors?: string[]; email?: string }) {
  const [warning, setWarning] = useState("");
  const typed = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    // The form is reset once its action answers (React's form actions): the hint goes with the password.
    const form = input.current?.form;
    const clear = () => {
      typed.current++;
      setWarning("");
    };
    form?.addEventListener("reset", clear);
    return () => {
      form?.removeEventListener("reset", clear);
      clearTimeout(timer.current);
    };
  }, []);

  function check(input: HTMLInputElement) {
    const password = input.value;
    const call = ++typed.current;
    clearTimeout(timer.current);
    if (password.length < MIN_LENGTH) {
      setWarning("");
      return;
    }
    // The person's own words count: the form's Email and Name fields (an invitation passes its fixed email).
    const field = (name: string) => {
      const element = input.form?.elements.namedItem(name);
      return element instanceof HTMLInputElement ? element.value : undefined;
    };
    timer.current = setTimeout(async () => {
      const { passwordFeedback } = await import("./password-estimator");
      if (call !== typed.current) return; // typed again meanwhile
      setWarning(passwordFeedback(password, { email: email ?? field("email"), name: field("name") }) ?? "");
    }, 250);
  }

  return (
    <TextField
      ref={input}
      label="Password"
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={MIN_LENGTH}
      hint="At least 10 characters and at most 72 bytes, hard to guess: not a common password, pattern or your own name."
      errors={errors}
      // Not twice: the server's refusal already says what the live check would.
      warning={errors?.includes(warning) ? "" : warning}
      onChange={(event) => check(event.currentTarget)}
    />
  );
}
