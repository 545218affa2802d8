import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { preparePasswordStrength } from "@/lib/auth";
import { getCurrentUser } from "@/lib/dashboard";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  // The strength check's dictionaries load while the person types, not after they submit.
  preparePasswordStrength();
  return <SignUpForm />;
}
