"use client";
// A menu of actions (Radix): arrow keys, typeahead, Escape, and focus back on its button.
import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import type { ComponentProps, ComponentPropsWithoutRef } from "react";

/**
 * Not modal: a modal menu marks the rest of the page aria-hidden while it stays focusable (axe's
 * aria-hidden-focus, serious). A menu button leaves the page as it is (WAI-ARIA APG); Escape, a click
 * outside or choosing an item closes it, and Tab does not leave it.
 */
export function Menu(props: ComponentProps<typeof RadixMenu.Root>) {
  return <RadixMenu.Root modal={false} {...props} />;
}
export const MenuTrigger = RadixMenu.Trigger;

export function MenuContent({ className = "", ...props }: ComponentPropsWithoutRef<typeof RadixMenu.Content>) {
  return (
    <RadixMenu.Portal>
      <RadixMenu.Content
        align="end"
        sideOffset={4}
        collisionPadding={8}
        className={`z-30 min-w-40 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg focus:outline-none ${className}`}
        {...props}
      />
    </RadixMenu.Portal>
  );
}

type MenuItemProps = ComponentPropsWithoutRef<typeof RadixMenu.Item> & { tone?: "default" | "danger" };

export function MenuItem({ tone = "default", className = "", ...props }: MenuItemProps) {
  const colours =
    tone === "danger" ? "text-red-700 data-[highlighted]:bg-red-50" : "text-slate-800 data-[highlighted]:bg-slate-100";
  return (
    <RadixMenu.Item
      className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none select-none data-[disabled]:cursor-not-allowed data-[disabled]:text-slate-400 ${colours} ${className}`}
      {...props}
    />
  );
}
