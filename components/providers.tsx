"use client";
// Client-side providers for the dashboard: React Query (the credential list), toasts, and
// "Confirm your password" (sudo mode), which needs the server action that checks the password.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { PasswordConfirmationProvider, type ConfirmPasswordAction } from "./password-confirmation";

export function Providers({ confirmPassword, children }: { confirmPassword: ConfirmPasswordAction; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 }, mutations: { retry: 0 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <PasswordConfirmationProvider confirm={confirmPassword}>{children}</PasswordConfirmationProvider>
      {/* Plain style: sonner's rich colours fall below WCAG AA contrast. */}
      <Toaster position="bottom-right" closeButton />
    </QueryClientProvider>
  );
}
