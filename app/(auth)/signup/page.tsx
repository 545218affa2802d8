import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/dashboard";
import { SignUpForm } from "./signup-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/dashboard");
  return (
    <>
      <h1 className="text-center text-xl font-semibold">Create your eCourier account</h1>
      <p className="text-center text-sm text-slate-600">You get a team of your own to manage API credentials in.</p>
      <SignUpForm />
    </>
  );
}
