"use client";
import { Search } from "lucide-react";
import { useId, type Ref } from "react";
import type { CredentialStatusFilter } from "@/lib/credentials/shared";

type Props = {
  /** The name filter's input, for focus. */
  nameField?: Ref<HTMLInputElement>;
  name: string;
  status: CredentialStatusFilter;
  onNameChange: (name: string) => void;
  onStatusChange: (status: CredentialStatusFilter) => void;
};

const fieldClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-indigo-600";

const statusOptions: { value: CredentialStatusFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "revoked", label: "Revoked" },
  { value: "expired", label: "Expired" },
  { value: "expiring_soon", label: "Expiring soon" },
];

export function CredentialFilters({ nameField, name, status, onNameChange, onStatusChange }: Props) {
  const id = useId();
  return (
    <div role="search" aria-label="Filter credentials" className="flex flex-wrap items-end gap-3">
      <div className="w-full max-w-xs">
        <label htmlFor={`${id}-name`} className="block text-sm font-medium text-slate-800">
          Filter by name
        </label>
        <div className="relative mt-1">
          <Search className="pointer-events-none absolute top-2.5 left-2.5 size-4 text-slate-500" aria-hidden />
          <input
            ref={nameField}
            id={`${id}-name`}
            type="search"
            value={name}
            onChange={(e) => onNameChange(e.target.value)}
            className={`${fieldClass} pl-8`}
          />
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-status`} className="block text-sm font-medium text-slate-800">
          Status
        </label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => onStatusChange(e.target.value as CredentialStatusFilter)}
          className={`mt-1 ${fieldClass} pr-8`}
        >
          {statusOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
