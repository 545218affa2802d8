"use client";
// The credential list's filters: the name as typed, and the name the list is filtered by once
// typing pauses; status; page. A new name or status goes back to the first page.
import { useEffect, useState } from "react";
import type { CredentialFilters, CredentialStatusFilter } from "@/lib/credentials/shared";
import { defaultFilters } from "./use-credentials";

/** How long typing pauses before what was typed is looked up. */
export const TYPING_PAUSE_MS = 250;

export function useCredentialFilters() {
  const [nameInput, setNameInput] = useState(defaultFilters.name);
  const [name, setName] = useState(defaultFilters.name);
  const [status, setStatus] = useState<CredentialStatusFilter>(defaultFilters.status);
  const [page, setPage] = useState(defaultFilters.page);

  useEffect(() => {
    const timer = setTimeout(() => {
      setName(nameInput.trim());
      setPage(1);
    }, TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [nameInput]);

  const filters: CredentialFilters = { name, status, page };
  return {
    filters,
    /** Whether the list shows only some credentials. */
    filtered: name !== defaultFilters.name || status !== defaultFilters.status,
    nameInput,
    setNameInput,
    setStatus: (next: CredentialStatusFilter) => {
      setStatus(next);
      setPage(1);
    },
    setPage,
    /** Back to every credential, at once (no pause as for typing). */
    clear: () => {
      setNameInput(defaultFilters.name);
      setName(defaultFilters.name);
      setStatus(defaultFilters.status);
      setPage(defaultFilters.page);
    },
  };
}
