import { LogOut } from "lucide-react";
import { signOutAction } from "../actions";
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
