"use client";
// Every member with their role and since when; role and removal controls for those who may use them.
import { useOptimistic } from "react";
import { useServerAction } from "@/components/action-client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Table, TableBody, TableHead, Td, Th, Tr, Truncated } from "@/components/ui/table";
import type { MemberDto } from "@/lib/members/shared";
import { grantableRoles, mayManageMember } from "@/lib/teams/shared";
import { roleLabels, type Role } from "@/lib/platform/shared";
import { changeRoleAction, removeMemberAction } from "../actions";
import { DateOf, HeaderRow } from "./cells";
import { RoleSelect } from "./role-select";

import type { TeamScope } from "@/lib/teams/shared";
type Props = {
  scope: TeamScope;
  teamName: string;
  members: MemberDto[];
  me: string;
  actorRole: Role;
  canManage: boolean;
};

export function MembersTable({ scope, teamName, members, me, actorRole, canManage }: Props) {
  // Admins may not touch Owners; the server refuses it with the same rule.
  const mayTouch = (m: MemberDto) => canManage && mayManageMember(actorRole, m.role);
  return (
    <Table caption={`Members of ${teamName}`}>
      <TableHead>
        <HeaderRow columns={["Name", "Email", "Role", "Member since"]} withActions={canManage} />
      </TableHead>
      <TableBody>
        {members.map((m) => (
          <Tr key={m.userId}>
            <Th scope="row" sticky="start" className="font-medium text-slate-900">
              <Truncated text={m.name}>
                {m.name}
                {m.userId === me && <span className="ml-1 font-normal text-slate-500">(you)</span>}
              </Truncated>
            </Th>
            <Td>{m.email}</Td>
            <Td>{mayTouch(m) ? <MemberRole scope={scope} member={m} actorRole={actorRole} /> : roleLabels[m.role]}</Td>
            <Td>
              <DateOf iso={m.since} />
            </Td>
            {canManage && (
              <Td sticky="end" className="text-right">
                {mayTouch(m) && m.userId !== me && <RemoveMember scope={scope} member={m} teamName={teamName} />}
              </Td>
            )}
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}

function MemberRole({ scope, member, actorRole }: { scope: TeamScope; member: MemberDto; actorRole: Role }) {
  const { pending, run } = useServerAction();
  // Shows the choice at once; falls back to the stored role if the server refuses it.
  const [role, setRole] = useOptimistic(member.role);
  return (
    <RoleSelect
      aria-label={`Role of ${member.name}`}
      aria-busy={pending || undefined}
      disabled={pending}
      roles={grantableRoles(actorRole)}
      value={role}
      onChange={(e) => {
        const next = e.target.value as Role;
        run(
          async () => {
            setRole(next);
            return changeRoleAction({ ...scope, userId: member.userId, role: next });
          },
          { success: `${member.name} is now ${roleLabels[next]}.` },
        );
      }}
    />
  );
}

function RemoveMember({ scope, member, teamName }: { scope: TeamScope; member: MemberDto; teamName: string }) {
  const { pending, run } = useServerAction();
  return (
    <ConfirmButton
      variant="secondary"
      aria-label={`Remove ${member.name}`}
      title={`Remove ${member.name}?`}
      description={`${member.name} (${member.email}) loses access to ${teamName} at once, including any page they have open.`}
      confirmLabel="Remove"
      pending={pending}
      onConfirm={(close) =>
        run(() => removeMemberAction({ ...scope, userId: member.userId }), {
          success: `${member.name} was removed.`,
          onSuccess: close,
          onError: close,
        })
      }
    >
      Remove
    </ConfirmButton>
  );
}
