// Types of scripts/audit-production.mjs for its test.
export function auditVerdict(output: string): { verdict: "passed" | "failed" | "unavailable"; lines: string[] };
