"use client";
// Client-side providers for the dashboard: React Query (the credential list) and toasts.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1 }, mutations: { retry: 0 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      {children}
      {/* Plain style: sonner's rich colours fall below WCAG AA contrast. */}
      <Toaster position="bottom-right" closeButton />
    </QueryClientProvider>
  );
}
