// Table pieces with the dashboard's spacing; semantics stay plain HTML. A table wider than its
// box scrolls inside it (never the page), with the row's name (`sticky="start"`) and its actions
// (`sticky="end"`) held at either edge, so every row stays named and every action in view.
import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

export function Table({ children, caption }: { children: ReactNode; caption: string }) {
  return (
    // Focusable, so a keyboard user can scroll it sideways even where it holds no control.
    <div
      role="region"
      aria-label={caption}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export function TableHead({ children }: { children: ReactNode }) {
  return <thead className="bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">{children}</thead>;
}

export function TableBody({ children, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return (
    <tbody className="divide-y divide-slate-100" {...props}>
      {children}
    </tbody>
  );
}

/** A body row: held cells take its background, and its name shows in full while focus is in it. */
export function Tr({ className = "", ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={`group/row bg-white hover:bg-slate-50 ${className}`} {...props} />;
}

type Sticky = { sticky?: "start" | "end" };

// A held cell covers what scrolls under it; a line marks the edge where the table is narrow enough to scroll.
const stickyClasses = {
  start: "sticky left-0 z-10 max-lg:shadow-[inset_-1px_0_0_var(--color-slate-200)]",
  end: "sticky right-0 z-10 max-lg:shadow-[inset_1px_0_0_var(--color-slate-200)]",
};

function stickyClass(sticky: Sticky["sticky"], inHead: boolean) {
  return sticky ? `${stickyClasses[sticky]} ${inHead ? "bg-slate-50" : "bg-inherit"}` : "";
}

export function Th({ className = "", sticky, ...props }: ThHTMLAttributes<HTMLTableCellElement> & Sticky) {
  return (
    <th
      className={`px-3 py-3 whitespace-nowrap ${stickyClass(sticky, props.scope === "col")} ${className}`}
      {...props}
    />
  );
}

export function Td({ className = "", sticky, ...props }: TdHTMLAttributes<HTMLTableCellElement> & Sticky) {
  return (
    <td
      className={`px-3 py-3 whitespace-nowrap text-slate-700 ${stickyClass(sticky, false)} ${className}`}
      {...props}
    />
  );
}

/**
 * A long value (a credential's name, an email) cut to the cell with "…": in full on hover (its
 * title), while keyboard focus is in its row (it wraps), and to screen readers (the text is all there).
 * Keyboard focus only (:focus-visible): a wrap on a click's mousedown would move the link away before
 * its mouseup, and the click would be lost (seen on a phone-wide table).
 */
export function Truncated({ text, children }: { text: string; children?: ReactNode }) {
  return (
    <span
      title={text}
      className="block max-w-32 truncate group-has-[:focus-visible]/row:whitespace-normal group-has-[:focus-visible]/row:[overflow-wrap:anywhere] sm:max-w-64"
    >
      {children ?? text}
    </span>
  );
}
