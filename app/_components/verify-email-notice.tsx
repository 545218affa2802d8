"use client";
// "Verify your email": shown to a signed-in person whose address is not verified (the dashboard, an
// invitation's page), with the button that mails them a link — so no one is stuck unable to join a team.
import { MailExclamationPoint } from "lucide-react";
import { useState, useTransition, type ReactNode } from "react";
import { Banner } from "@/components/ui/banner";
import { Button } from "@/components/ui/button";
import { sendVerificationLinkAction } from "@/app/(auth)/verify-email/actions";

export function VerifyEmailNotice({ invitation, children }: { invitation?: string; children: ReactNode }) {
  const [answer, setAnswer] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const send = () =>
    startTransition(async () => {
      const result = await sendVerificationLinkAction(invitation ? { invitation } : {});
      setAnswer(
        result.ok
          ? { ok: true, text: `We sent a link to ${result.data.sentTo}. Open it within 24 hours.` }
          : { ok: false, text: result.message },
      );
    });
  return (
    <Banner tone="warning" icon={MailExclamationPoint}>
      <p className="min-w-0">{children}</p>
      <Button variant="secondary" pending={pending} pendingLabel="Sending…" onClick={send} className="py-1">
        Send verification link
      </Button>
      <p aria-live="polite" className={`basis-full ${answer && !answer.ok ? "font-medium" : ""}`}>
        {answer?.text}
      </p>
    </Banner>
  );
}
