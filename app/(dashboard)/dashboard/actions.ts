"use server";
// "Confirm your password" (sudo mode) acts on no team: it needs only a signed-in user (withUserAction),
// and marks the caller's own session as having confirmed the password just now.
import { headers } from "next/headers";
import { withUserAction } from "@/lib/dashboard";
import { clientAddress } from "@/lib/platform";
import { confirmPassword } from "@/lib/auth";
import { ConfirmPasswordInput } from "@/lib/auth";

export const confirmPasswordAction = withUserAction(ConfirmPasswordInput, async ({ password }, { user }) =>
  confirmPassword(user, password, clientAddress(await headers())),
);
