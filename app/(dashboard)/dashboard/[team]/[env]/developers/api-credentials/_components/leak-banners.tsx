"use client";
// Above the list: one banner for each credential whose token was found in public and that has not
// been rolled yet (CredentialPage.leaks), revoked or still working. Its name links to its page, where
// Roll is.
import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { Banner } from "@/components/ui/banner";
import { ExternalLink } from "@/components/ui/external-link";
import { UtcTime } from "@/components/ui/relative-time";
import type { LeakNotice } from "@/lib/credentials/shared";
import type { TeamScope } from "@/lib/teams/shared";
import { credentialPath } from "./credential-paths";

const link = "font-semibold underline hover:text-red-950 focus-visible:outline-2 focus-visible:outline-indigo-600";

export function LeakBanners({ scope, leaks }: { scope: TeamScope; leaks: LeakNotice[] }) {
  if (leaks.length === 0) return null;
  return (
    <ul aria-label="Tokens found in public" className="space-y-2">
      {leaks.map((leak) => (
        <li key={leak.id}>
          <Banner tone="danger" icon={ShieldAlert}>
            <p className="min-w-0">
              <Link href={credentialPath(scope, leak.id)} className={`${link} [overflow-wrap:anywhere]`}>
                “{leak.name}”
              </Link>{" "}
              was found in public at <ExternalLink url={leak.url} /> on <UtcTime iso={leak.at} />
              {leak.revoked
                ? " and revoked. Roll it to get a new token."
                : ". It still works: roll it to get a new token."}
            </p>
          </Banner>
        </li>
      ))}
    </ul>
  );
}
