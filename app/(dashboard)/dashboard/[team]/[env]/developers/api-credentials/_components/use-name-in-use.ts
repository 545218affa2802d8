"use client";
// Another credential with the name being typed (names need not be unique, but two alike are easily
// confused): asked of the server once typing pauses, so that every credential counts and not only
// the page of the list in view. Cached under the list's key: any change to the credentials asks again.
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { callAction } from "@/components/action-client";
import { CREDENTIAL_NAME_MAX_LENGTH } from "@/lib/credentials/shared";
import { credentialNameInUseAction } from "../actions";
import { TYPING_PAUSE_MS } from "./use-credential-filters";
import type { TeamScope } from "@/lib/teams/shared";
import { credentialsKey } from "./use-credentials";

/** What to say under the Name field, or "" (`exceptId`: the credential being renamed). */
export function useNameInUseWarning(scope: TeamScope, typed: string, exceptId?: string): string {
  const name = typed.trim();
  const [asked, setAsked] = useState(name);
  useEffect(() => {
    const timer = setTimeout(() => setAsked(name), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [name]);

  const askable = asked !== "" && [...asked].length <= CREDENTIAL_NAME_MAX_LENGTH;
  const { data: other } = useQuery({
    queryKey: [...credentialsKey(scope), "name in use", asked, exceptId ?? null],
    queryFn: () => callAction(() => credentialNameInUseAction({ ...scope, name: asked, exceptId })),
    enabled: askable,
    retry: false,
  });
  // Only about the name as it stands: while it is being changed, the answer about the last one is not.
  return askable && asked === name && other ? `Another credential is already named “${other}”.` : "";
}
