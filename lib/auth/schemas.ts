import { z } from "zod";
import { isCommonPassword } from "./common-passwords";
import { plainText } from "@/lib/platform/shared";

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

export const SignUpInput = z.object({
  name: plainText().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: NewPassword,
});
export type SignUpInput = z.infer<typeof SignUpInput>;

export const ConfirmPasswordInput = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Wrong password."),
});
