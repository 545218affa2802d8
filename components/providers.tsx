"use client";
// Client-side providers for the dashboard: React Query (the credential list), toasts, and
// "Confirm your password" (sudo mode), which needs the server action that checks the password.
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { ActionFailure, toastFailure } from "./action-client";
import { PasswordConfirmationProvider, type ConfirmPasswordAction } from "./password-confirmation";

export function Providers({
  confirmPassword,
  children,
}: {
  confirmPassword: ConfirmPasswordAction;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // A list that could not be loaded says why, like a change that failed (a session that has ended offers "Sign in").
        queryCache: new QueryCache({
          onError: (error) => toastFailure(error instanceof ActionFailure ? error.failure : error),
        }),
        defaultOptions: { queries: { staleTime: 10_000, retry: 1 }, mutations: { retry: 0 } },
      }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <PasswordConfirmationProvider confirm={confirmPassword}>{children}</PasswordConfirmationProvider>
      {/* Plain style: sonner's rich colours fall below WCAG AA contrast. */}
      <Toaster position="bottom-right" closeButton />
    </QueryClientProvider>
  );
}
