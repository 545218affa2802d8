import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser, safeReturnPath } from "@/lib/dashboard";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await getCurrentUser()) redirect(safeReturnPath(next));
  return (
    <>
      <h1 className="text-center text-xl font-semibold">Sign in to your dashboard</h1>
      <LoginForm next={next ? safeReturnPath(next) : undefined} />
    </>
  );
}
