import { z } from "zod";

export const ConfirmPasswordInput = z.object({
  password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(200, "Wrong password."),
});
