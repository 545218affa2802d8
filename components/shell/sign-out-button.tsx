import { LogOut } from "lucide-react";
import { signOutAction } from "@/app/(dashboard)/actions";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant="ghost" className="w-full justify-start">
        <LogOut aria-hidden className="size-4" /> Sign out
      </Button>
    </form>
  );
}
