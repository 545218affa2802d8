import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { nameText } from "@/lib/platform/shared";

/** bcrypt reads only the first 72 bytes of a password: more would be silently ignored. */
export const PASSWORD_MAX_BYTES = 72;
const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/**
 * A password someone chooses (sign-up, accepting an invitation). Signing in does not apply these
 * rules: a password chosen before them must keep working.
 */
export const NewPassword = z
  .string()
  .min(10, "Use at least 10 characters.")
  .refine(
    (password) => utf8Length(password) <= PASSWORD_MAX_BYTES,
    "Use at most 72 bytes (about 72 letters; fewer with accents or emoji).",
  )
  .refine((password) => !isCommonPassword(password), "This password is too common. Choose another.");

/** A person's name (sign-up, accepting an invitation as a new user): the one name rule. */
export const PERSON_NAME_MAX_LENGTH = 100;
export const PersonName = nameText({ max: PERSON_NAME_MAX_LENGTH, required: "Enter your name." });

export const SignUpInput = z.object({
  name: PersonName,
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: NewPassword,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const ConfirmPasswordInput = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Wrong password."),
});
