// The dashboard shell (a sidebar from `md` up, a "Menu" drawer below): team selector, Test/Live switch, sections, the signed-in user and their role.
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import { EnvironmentSwitch } from "@/components/shell/environment-switch";
import { MenuDrawer } from "@/components/shell/menu-drawer";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { TeamSelector } from "@/components/shell/team-selector";
import { listTeamsOfUser } from "@/lib/teams";
import { requireTeamPage } from "@/lib/dashboard";
import { roleLabels } from "@/lib/platform/shared";
import { SignOutButton, SignOutEverywhereButton } from "@/app/_components/sign-out-button";
import { VerifyEmailNotice } from "@/app/_components/verify-email-notice";
import { confirmPasswordAction } from "../../actions";

export default async function TeamShell({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ team: string; env: string }>;
}) {
  const { team: slug, env } = await params;
  const { access, user } = await requireTeamPage(slug, env);
  const { team, role, environment } = access;
  const teams = (await listTeamsOfUser(user.id)).map((m) => m.team);
  const live = environment === "live";
  // The sidebar's contents: beside the page from `md` up, in the "Menu" drawer below it.
  const navigation = (
    <>
      <TeamSelector teams={teams} current={team.slug} />
      <SidebarNav team={team.slug} environment={environment} />
      <div className="mt-auto space-y-2 border-t border-slate-200 pt-4 text-sm">
        <p className="font-medium">{user.name}</p>
        <p className="truncate text-slate-600">{user.email}</p>
        <p className="text-slate-600">
          Role in {team.name}: <span className="font-medium text-slate-800">{roleLabels[role]}</span>
        </p>
        <SignOutButton />
        <SignOutEverywhereButton />
      </div>
    </>
  );
  return (
    <Providers confirmPassword={confirmPasswordAction}>
      {live && (
        <div
          className="bg-amber-400 px-4 py-1.5 text-center text-sm font-semibold text-amber-950"
          data-testid="live-mode-banner"
        >
          Live mode — credentials here act on real shipments
        </div>
      )}
      <div className="flex min-h-screen">
        <aside className="hidden w-60 shrink-0 flex-col gap-6 border-r border-slate-200 bg-white p-4 md:flex">
          <p className="text-lg font-semibold tracking-tight text-indigo-700">eCourier</p>
          {navigation}
        </aside>
        <div className="min-w-0 flex-1">
          <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-4 py-3 md:px-6">
            <div className="flex min-w-0 items-center gap-3">
              <MenuDrawer>{navigation}</MenuDrawer>
              <p className="min-w-0 text-sm text-slate-600">
                <span className="font-medium text-slate-900">{team.name}</span>
                {live ? (
                  <span className="ml-2 rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-800">
                    LIVE
                  </span>
                ) : (
                  <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-700">
                    TEST
                  </span>
                )}
              </p>
            </div>
            <EnvironmentSwitch current={environment} />
          </header>
          <main className="p-4 md:p-6">
            {user.emailVerified ? null : (
              <div className="mb-4">
                <VerifyEmailNotice>
                  Verify your email address, <span className="font-medium break-words">{user.email}</span>: until then
                  you cannot join a team by invitation.
                </VerifyEmailNotice>
              </div>
            )}
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
