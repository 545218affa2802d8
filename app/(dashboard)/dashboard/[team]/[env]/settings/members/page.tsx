// Settings → Members: everyone in the team may see who is in it; Owners and Admins may change it.
import type { Metadata } from "next";
import { listInvitations, listMembers } from "@/lib/members";
import { can, leaveRefusal } from "@/lib/teams/shared";
import { requireTeamPage } from "@/lib/dashboard";
import { roleLabels } from "@/lib/platform/shared";
import { InvitationsTable } from "./_components/invitations-table";
import { InviteMemberDialog } from "./_components/invite-member-dialog";
import { LeaveTeam } from "./_components/leave-team";
import { MembersTable } from "./_components/members-table";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ team: string; env: string }> }) {
  const { team: slug, env } = await params;
  const { access, user } = await requireTeamPage(slug, env);
  const { team, role, environment } = access;
  const [members, invitations] = await Promise.all([listMembers(access), listInvitations(access)]);
  const canManage = can(role, "members:manage");
  const scope = { team: team.slug, environment };
  // The last Owner may not leave: the button is disabled with the reason (the server refuses it too).
  const leaveRefused = leaveRefusal(role, members.filter((m) => m.role === "owner").length);
  return (
    <div className="max-w-5xl space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-xl font-semibold">Members</h1>
          <p className="text-sm text-slate-600">
            Everyone in {team.name}, in both Test and Live.{" "}
            {canManage
              ? "Owners and Admins invite members and change their roles."
              : `Your role (${roleLabels[role]}) can view members but not change them.`}
          </p>
        </div>
        {canManage && <InviteMemberDialog scope={scope} teamName={team.name} actorRole={role} />}
      </div>

      <MembersTable
        scope={scope}
        teamName={team.name}
        members={members}
        me={user.id}
        actorRole={role}
        canManage={canManage}
      />

      <section aria-labelledby="pending-invitations" className="space-y-3">
        <h2 id="pending-invitations" className="text-base font-semibold">
          Pending invitations
        </h2>
        <InvitationsTable scope={scope} invitations={invitations} actorRole={role} canManage={canManage} />
      </section>

      <section aria-labelledby="leave" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="leave" className="text-base font-semibold">
          Leave {team.name}
        </h2>
        <p className="text-sm text-slate-600">A team always keeps at least one Owner: the last Owner cannot leave.</p>
        <LeaveTeam scope={scope} teamName={team.name} refusal={leaveRefused?.message} />
      </section>
    </div>
  );
}
