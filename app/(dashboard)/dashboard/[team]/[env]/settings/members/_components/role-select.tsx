"use client";
// The roles a member may be given (lib/teams/shared/permissions.ts grantableRoles), as a native select (keyboard and screen readers for free).
import { forwardRef, type SelectHTMLAttributes } from "react";
import { roleLabels, type Role } from "@/lib/platform/shared";

export const RoleSelect = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { roles: Role[] }>(
  function RoleSelect({ roles, className = "", ...props }, ref) {
    return (
      <select
        ref={ref}
        className={`rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${className}`}
        {...props}
      >
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabels[r]}
          </option>
        ))}
      </select>
    );
  },
);
