import { LogOut, MonitorSmartphone } from "lucide-react";
import { signOutAction, signOutEverywhereAction } from "../actions";
import { Button } from "@/components/ui/button";

/** Signs out and goes to sign-in, or to `returnTo` (a path on this site) when given. */
export function SignOutButton({ returnTo }: { returnTo?: string }) {
  return (
    <form action={signOutAction}>
      {returnTo && <input type="hidden" name="returnTo" value={returnTo} />}
      <Button type="submit" variant="ghost" className="w-full justify-start">
        <LogOut aria-hidden className="size-4" /> Sign out
      </Button>
    </form>
  );
}

/** Ends the member's sessions on every device (a lost laptop, a shared computer), this one included. */
export function SignOutEverywhereButton() {
  return (
    <form action={signOutEverywhereAction}>
      <Button type="submit" variant="ghost" className="w-full justify-start text-left">
        <MonitorSmartphone aria-hidden className="size-4 shrink-0" /> Sign out of all devices
      </Button>
    </form>
  );
}
