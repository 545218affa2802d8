"use client";
// What app/error.tsx and app/global-error.tsx show: a heading, one sentence and "Try again" (a reload:
// the page is asked for again, from the server). When the database cannot be reached
// (lib/dashboard/outage.ts marks the error with a digest of its own) it says so; anything else is a
// plain "Something went wrong" — never the error's message or stack. The reference is Next.js's
// digest of the error, which its server log line carries too.
import { RotateCw } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { DATABASE_UNAVAILABLE_DIGEST, DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/dashboard/shared";

export function ErrorPage({ digest }: { digest?: string }) {
  const outage = digest === DATABASE_UNAVAILABLE_DIGEST;
  const heading = useRef<HTMLHeadingElement>(null);
  // Shown in place of a page already on screen (a navigation): move focus to what replaced it.
  useEffect(() => heading.current?.focus(), []);
  return (
    <main className="mx-auto max-w-xl space-y-4 px-6 py-24 text-center" aria-labelledby="error-heading">
      <h1 id="error-heading" ref={heading} tabIndex={-1} className="text-2xl font-semibold outline-none">
        {outage ? "Temporarily unavailable" : "Something went wrong"}
      </h1>
      <p className="text-balance text-slate-600">
        {outage ? DATABASE_UNAVAILABLE_MESSAGE : "Something went wrong on our side. Try again in a moment."}
      </p>
      <Button onClick={() => window.location.reload()}>
        <RotateCw aria-hidden className="size-4" /> Try again
      </Button>
      {!outage && digest && <p className="text-xs text-slate-500">Reference: {digest}</p>}
    </main>
  );
}
