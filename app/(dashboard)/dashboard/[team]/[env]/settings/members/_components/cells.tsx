// Table pieces the Members page's two tables share.
import { Th } from "@/components/ui/table";

/** Column headings (the first, the row's name, held at the start), plus an actions column (named for screen readers only, held at the end) when there are controls. */
export function HeaderRow({ columns, withActions }: { columns: string[]; withActions: boolean }) {
  return (
    <tr>
      {columns.map((c, i) => (
        <Th key={c} scope="col" sticky={i === 0 ? "start" : undefined}>
          {c}
        </Th>
      ))}
      {withActions && (
        <Th scope="col" sticky="end">
          <span className="sr-only">Actions</span>
        </Th>
      )}
    </tr>
  );
}

/** A date, shown as YYYY-MM-DD, machine-readable in full. */
export const DateOf = ({ iso }: { iso: string }) => <time dateTime={iso}>{iso.slice(0, 10)}</time>;
