"use client";
// What a change means for the page that shows it. The list refetches by itself (React Query);
// the credential page is rendered on the server, so it asks the server again after a change, and
// goes back to the list once its credential is deleted. Without a provider, nothing extra happens.
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, type ReactNode } from "react";

export type CredentialChange = { kind: "changed" | "deleted" };

const AfterCredentialChangeContext = createContext<(change: CredentialChange) => void>(() => {});

export const useAfterCredentialChange = () => useContext(AfterCredentialChangeContext);

/** For a page rendered on the server: shows it again after each change, and leaves for `whenDeleted`. */
export function RefreshAfterCredentialChange({ whenDeleted, children }: { whenDeleted: string; children: ReactNode }) {
  const router = useRouter();
  const afterChange = useCallback(
    ({ kind }: CredentialChange) => (kind === "deleted" ? router.push(whenDeleted) : router.refresh()),
    [router, whenDeleted],
  );
  return <AfterCredentialChangeContext.Provider value={afterChange}>{children}</AfterCredentialChangeContext.Provider>;
}
