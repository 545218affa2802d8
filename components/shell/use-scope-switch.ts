"use client";
// Choosing another team (the team selector) or environment (the Test/Live switch): the same section
// opens there, the choice shows at once, and the toasts go — each was about the team or environment
// being left ("Revoked …", "Your session has ended"), and would read as if about the new one.
import { usePathname, useRouter } from "next/navigation";
import { useOptimistic, useTransition } from "react";
import { toast } from "sonner";
import { switchTeamPath } from "@/lib/platform/shared";
import type { TeamScope } from "@/lib/teams/shared";

export function useScopeSwitch<T extends string>(current: T) {
  const router = useRouter();
  const pathname = usePathname();
  // Show the choice at once; the URL (and so `current`) follows when the navigation lands.
  const [selected, setSelected] = useOptimistic(current);
  const [pending, startTransition] = useTransition();
  const switchTo = (choice: T, to: Partial<TeamScope>) => {
    toast.dismiss();
    startTransition(() => {
      setSelected(choice);
      router.push(switchTeamPath(pathname, to));
    });
  };
  return { selected, pending, switchTo };
}
