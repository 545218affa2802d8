"use client";
// Below `md` the sidebar gives way to this: a "Menu" button that opens the same sidebar contents
// (sections, team, the signed-in member, sign-out) in a drawer. Escape and × close it, and so does
// going anywhere: a link in it, or a new team (a new path).
import { Menu } from "lucide-react";
import { usePathname } from "next/navigation";
import { useState, type MouseEvent, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";

export function MenuDrawer({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  // Open on the path where it was opened only: a navigation closes it without an effect.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  // A link to the page already shown changes no path: the click itself closes the drawer.
  const closeOnLink = (event: MouseEvent) => (event.target as Element).closest("a[href]") && setOpen(false);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" className="px-2.5 md:hidden">
          <Menu className="size-4" aria-hidden />
          Menu
        </Button>
      </DialogTrigger>
      <DialogContent title="Menu" placement="start" className="md:hidden" onClick={closeOnLink}>
        <div className="flex flex-col gap-6">{children}</div>
      </DialogContent>
    </Dialog>
  );
}
