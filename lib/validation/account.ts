import { z } from "zod";
import { plainText } from "./text";

export const SignUpInput = z.object({
  name: plainText().min(1, "Enter your name.").max(100, "Use at most 100 characters."),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters."),
});
export type SignUpInput = z.infer<typeof SignUpInput>;
