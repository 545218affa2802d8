"use server";
// Sign-up is public: there is no team to authorize yet. It makes no account: it asks lib/accounts for
// one, which mails the address — the link that makes the account to a new address, a note that
// someone tried to a taken one — and the answer is "Check your email" either way, so it says nothing
// about who has an account (docs/decisions/016).
import { headers } from "next/headers";
import { z } from "zod";
import { requestOrigin, toActionError } from "@/lib/dashboard";
import { clientAddress, spendAttempt } from "@/lib/platform";
import { SignUpInput } from "@/lib/auth";
import { requestSignUp } from "@/lib/accounts";

export type SignUpState = {
  values: { name: string; email: string };
  message?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "password", string[]>>;
  /** The request was taken: the page says "Check your email" (the same for a new and a taken address). */
  sentTo?: string;
} | null;

const FORM_NEEDED = "Enter your name, email and a password in the form.";
const CHECK_FIELDS = "Check the highlighted fields.";

// An exported action is a public endpoint: a POST can send any arguments, so the form is checked first.
export async function signUp(_prev: SignUpState, formData: unknown): Promise<SignUpState> {
  if (!(formData instanceof FormData)) return { values: { name: "", email: "" }, message: FORM_NEEDED };
  const raw = {
    name: String(formData.get("name") ?? ""),
    email: String(formData.get("email") ?? ""),
    password: String(formData.get("password") ?? ""),
  };
  const values = { name: raw.name, email: raw.email };
  const parsed = SignUpInput.safeParse(raw);
  if (!parsed.success) return { values, message: CHECK_FIELDS, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    // Before any bcrypt or strength work and any email lookup: each attempt costs the server, and
    // without a budget sign-up would be a free way to make it work.
    await spendAttempt(
      "sign-up per address",
      clientAddress(await headers()),
      (wait) => `Too many sign-ups from your network. Try again in ${wait}.`,
    );
    await requestSignUp(parsed.data, await requestOrigin());
  } catch (err) {
    // A field's refusal (a password too easy to guess) as the parse's are; anything else for the form.
    // An unexpected failure is logged redacted, never rethrown with its query's parameters.
    const { message, fieldErrors } = toActionError(err);
    return fieldErrors ? { values, message: CHECK_FIELDS, fieldErrors } : { values, message };
  }
  return { values, sentTo: parsed.data.email };
}
