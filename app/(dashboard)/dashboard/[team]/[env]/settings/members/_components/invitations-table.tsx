"use client";
// Pending invitations; Owners and Admins may revoke them (Admins not an Owner's).
import { useServerAction } from "@/components/action-client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Table, TableBody, TableHead, Td, Th, Tr, Truncated } from "@/components/ui/table";
import type { InvitationDto } from "@/lib/members/shared";
import { invitationRefusal } from "@/lib/teams/shared";
import { roleLabels, type Role } from "@/lib/platform/shared";
import { revokeInvitationAction } from "../actions";
import { DateOf, HeaderRow } from "./cells";

import type { TeamScope } from "@/lib/teams/shared";

export function InvitationsTable({
  scope,
  invitations,
  actorRole,
  canManage,
}: {
  scope: TeamScope;
  invitations: InvitationDto[];
  actorRole: Role;
  canManage: boolean;
}) {
  if (invitations.length === 0) return <p className="text-sm text-slate-600">No pending invitations.</p>;
  return (
    <Table caption="Pending invitations">
      <TableHead>
        <HeaderRow columns={["Email", "Role", "Invited by", "Expires"]} withActions={canManage} />
      </TableHead>
      <TableBody>
        {invitations.map((i) => (
          <Tr key={i.id}>
            <Th scope="row" sticky="start" className="font-medium text-slate-900">
              <Truncated text={i.email} />
            </Th>
            <Td>{roleLabels[i.role]}</Td>
            <Td>{i.invitedBy ?? "—"}</Td>
            <Td>
              <DateOf iso={i.expiresAt} />
            </Td>
            {canManage && (
              <Td sticky="end" className="text-right">
                {!invitationRefusal(actorRole, i.role) && <RevokeInvitation scope={scope} invitation={i} />}
              </Td>
            )}
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}

function RevokeInvitation({ scope, invitation }: { scope: TeamScope; invitation: InvitationDto }) {
  const { pending, run } = useServerAction();
  return (
    <ConfirmButton
      variant="secondary"
      aria-label={`Revoke invitation for ${invitation.email}`}
      title={`Revoke the invitation for ${invitation.email}?`}
      description="The link stops working at once. You can invite them again afterwards."
      confirmLabel="Revoke"
      pending={pending}
      onConfirm={(close) =>
        run(() => revokeInvitationAction({ ...scope, id: invitation.id }), {
          success: `Invitation for ${invitation.email} revoked.`,
          onSuccess: close,
          onError: close,
        })
      }
    >
      Revoke
    </ConfirmButton>
  );
}
