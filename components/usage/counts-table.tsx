// A table of counts: one row per credential, hour or day (its header cell), one right-aligned,
// formatted number per column. The usage screens' tables are all this shape.
import type { ReactNode } from "react";
import { Table, TableBody, TableHead, Td, Th, Tr } from "@/components/ui/table";
import { formatCount } from "./format";

export type CountsColumn = { label: string; /** The total: in bold (and its own colour). */ strong?: string };
export type CountsRow = { key: string; header: ReactNode; counts: number[] };

export function CountsTable({
  caption,
  rowHeader,
  columns,
  rows,
}: {
  caption: string;
  rowHeader: string;
  columns: CountsColumn[];
  rows: CountsRow[];
}) {
  return (
    <Table caption={caption}>
      <TableHead>
        <tr>
          <Th scope="col" sticky="start">
            {rowHeader}
          </Th>
          {columns.map((column) => (
            <Th key={column.label} scope="col" className="text-right">
              {column.label}
            </Th>
          ))}
        </tr>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <Tr key={row.key}>
            <Th scope="row" sticky="start" className="font-normal text-slate-800">
              {row.header}
            </Th>
            {row.counts.map((count, i) => (
              <Td key={columns[i].label} className={`text-right tabular-nums ${columns[i].strong ?? ""}`}>
                {formatCount(count)}
              </Td>
            ))}
          </Tr>
        ))}
      </TableBody>
    </Table>
  );
}
