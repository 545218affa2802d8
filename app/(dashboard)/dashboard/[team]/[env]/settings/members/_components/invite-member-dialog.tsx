"use client";
// Invite by email with a role. The one-time link is shown once, here, to copy; only its hash is stored.
// A role that reaches Live access asks for the password first (sudo mode, through useServerAction).
import { useRef, useState } from "react";
import { useServerAction } from "@/components/action-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { TextField } from "@/components/ui/text-field";
import { grantableRoles } from "@/lib/teams/shared";
import { roleLabels, type Role } from "@/lib/platform/shared";
import { inviteMemberAction } from "../actions";
import { RoleSelect } from "./role-select";

import type { TeamScope } from "@/lib/teams/shared";
type Created = { link: string; email: string; role: Role; expiresAt: string };

export function InviteMemberDialog({
  scope,
  teamName,
  actorRole,
}: {
  scope: TeamScope;
  teamName: string;
  actorRole: Role;
}) {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [errors, setErrors] = useState<{ message?: string; email?: string[] }>({});
  const { pending, run } = useServerAction();
  const form = useRef<HTMLFormElement>(null);

  function onOpenChange(next: boolean) {
    // Only a submission in flight keeps the form open. Once the link is shown, `pending` may still
    // be true while the page refreshes behind it, and must not make "Done" a dead button.
    if (pending && !created) return;
    setOpen(next);
    // The link leaves memory with the dialog: it is never shown again.
    if (!next) {
      setCreated(null);
      setErrors({});
    }
  }

  function submit(formData: FormData) {
    const email = String(formData.get("email") ?? "");
    const role = String(formData.get("role") ?? "") as Role;
    setErrors({});
    run(() => inviteMemberAction({ ...scope, email, role }), {
      success: `Invitation created for ${email.trim()}.`,
      onSuccess: ({ invitation, token }) =>
        setCreated({
          link: `${window.location.origin}/invite/${token}`,
          email: invitation.email,
          role: invitation.role,
          expiresAt: invitation.expiresAt,
        }),
      onError: (result) => setErrors({ message: result.message, email: result.fieldErrors?.email }),
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>Invite member</Button>
      </DialogTrigger>
      {created ? (
        <DialogContent
          title="Invitation link"
          description="Copy this link now and send it to the invitee. It is shown only once."
        >
          <SecretReveal
            label="Invitation link"
            value={created.link}
            fieldClassName="font-mono"
            copy={{ beside: "done", copiedToast: "Link copied." }}
            copyFailedToast="Could not copy. Select the link and copy it yourself."
            onDone={() => onOpenChange(false)}
          >
            <p className="text-sm text-slate-600">
              It lets {created.email} join {teamName} as {roleLabels[created.role]}, once, until{" "}
              <time dateTime={created.expiresAt}>{created.expiresAt.slice(0, 10)}</time>. You can revoke it while it is
              pending.
            </p>
          </SecretReveal>
        </DialogContent>
      ) : (
        <DialogContent
          title="Invite a member"
          description={`They get a one-time link to join ${teamName}. It expires after 7 days.`}
        >
          {/* onSubmit, not `action`: a form action clears the fields once it has run, and a refused or
              cancelled invitation ("Confirm your password", Cancel) must keep what was typed. */}
          <form
            ref={form}
            onSubmit={(event) => {
              event.preventDefault();
              submit(new FormData(event.currentTarget));
            }}
            noValidate
            className="space-y-4"
          >
            <TextField label="Email" name="email" type="email" autoComplete="off" required errors={errors.email} />
            <div className="space-y-1">
              <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
                Role
              </label>
              <RoleSelect
                id="invite-role"
                name="role"
                roles={grantableRoles(actorRole)}
                defaultValue="developer"
                className="w-full"
              />
            </div>
            <FormError message={errors.message} />
            <DialogFooter>
              <DialogClose asChild>
                <Button variant="secondary" disabled={pending}>
                  Cancel
                </Button>
              </DialogClose>
              <Button type="submit" pending={pending}>
                {pending ? "Creating…" : "Create invitation"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}
