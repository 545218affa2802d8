// What CI makes of npm audit's JSON (scripts/audit-production.mjs): findings fail, a clean report
// passes, and an advisory endpoint that cannot be reached is told apart from both.
import { describe, expect, it } from "vitest";
import { auditVerdict } from "./audit-production.mjs";

const report = (vulnerabilities: Record<string, unknown>) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: {} } });

describe("the production audit", () => {
  it("fails on a high or critical advisory, naming the package", () => {
    const found = report({
      next: {
        name: "next",
        severity: "critical",
        range: "16.0.0 - 16.4.6",
        via: [{ title: "Authorization bypass in middleware" }],
        fixAvailable: true,
      },
      "left-pad": { name: "left-pad", severity: "moderate", range: "*", via: [], fixAvailable: false },
    });
    expect(auditVerdict(found)).toEqual({
      verdict: "failed",
      lines: ["critical: next 16.0.0 - 16.4.6 (Authorization bypass in middleware), fix available"],
    });
  });

  it("passes with moderate and low findings only", () => {
    const found = report({ x: { name: "x", severity: "moderate", range: "*", via: [], fixAvailable: false } });
    expect(auditVerdict(found).verdict).toBe("passed");
    expect(auditVerdict(report({})).verdict).toBe("passed");
  });

  it("tells an unreachable advisory endpoint apart (npm exits 1 for it too)", () => {
    const unreachable = JSON.stringify({
      message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk",
      statusCode: 405,
    });
    expect(auditVerdict(unreachable)).toEqual({
      verdict: "unavailable",
      lines: ["405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk"],
    });
    expect(auditVerdict("").verdict).toBe("unavailable");
  });
});
