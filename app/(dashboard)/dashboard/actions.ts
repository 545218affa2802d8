"use server";
// "Confirm your password" (sudo mode) acts on no team: it needs only a signed-in user (withUserAction),
// and marks the caller's own session as having confirmed the password just now.
import { headers } from "next/headers";
import { withUserAction } from "@/lib/action";
import { clientAddress } from "@/lib/client-address";
import { confirmPassword } from "@/lib/password-confirmation";
import { ConfirmPasswordInput } from "@/lib/validation/password-confirmation";

export const confirmPasswordAction = withUserAction(ConfirmPasswordInput, async ({ password }, { user }) =>
  confirmPassword(user, password, clientAddress(await headers())),
);
