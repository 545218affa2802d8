// Back and forth between the pages of a list; nothing when everything fits on one. Given `href`,
// links (a server-rendered page with ?page= in its URL, working without JavaScript); given
// `onPage`, buttons (a list paged in the browser), disabled at either end.
import Link from "next/link";
import { Button } from "./button";

type PagerProps = {
  /** The navigation's accessible name, e.g. "Pages". */
  label: string;
  page: number;
  hasNext: boolean;
  /** The words for each way: "Previous"/"Next", or "Newer"/"Older" in a log. */
  previousLabel?: string;
  nextLabel?: string;
} & ({ href: (page: number) => string; onPage?: never } | { onPage: (page: number) => void; href?: never });

const link = "font-medium text-indigo-700 underline";

export function Pager({
  label,
  page,
  hasNext,
  previousLabel = "Previous",
  nextLabel = "Next",
  href,
  onPage,
}: PagerProps) {
  const hasPrevious = page > 1;
  if (!hasPrevious && !hasNext) return null;
  if (href) {
    return (
      <nav aria-label={label} className="flex items-center justify-between text-sm">
        {hasPrevious ? (
          <Link href={href(page - 1)} className={link}>
            {previousLabel}
          </Link>
        ) : (
          <span />
        )}
        <span className="text-slate-600">Page {page}</span>
        {hasNext ? (
          <Link href={href(page + 1)} className={link}>
            {nextLabel}
          </Link>
        ) : (
          <span />
        )}
      </nav>
    );
  }
  return (
    <nav aria-label={label} className="flex items-center justify-end gap-2">
      <Button variant="secondary" disabled={!hasPrevious} onClick={() => onPage(page - 1)}>
        {previousLabel}
      </Button>
      <Button variant="secondary" disabled={!hasNext} onClick={() => onPage(page + 1)}>
        {nextLabel}
      </Button>
    </nav>
  );
}
