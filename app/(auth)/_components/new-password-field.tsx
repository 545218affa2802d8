// The password a person chooses (sign-up, accepting an invitation): the same rule and hint everywhere.
import { TextField } from "@/components/ui/text-field";

export function NewPasswordField({ errors }: { errors?: string[] }) {
  return (
    <TextField
      label="Password"
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={10}
      hint="At least 10 characters and at most 72 bytes; not a common password."
      errors={errors}
    />
  );
}
