// CI's audit of the production dependencies (`npm audit --omit=dev`): a high or critical advisory
// fails the run, naming each package. When the advisory endpoint cannot be reached at all (a registry
// mirror that serves packages but answers the audit POST with an error), the run says so loudly and
// goes on — or fails, with NPM_AUDIT_REQUIRED=1 — rather than failing every run for a network reason.
import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

/** "failed" (findings listed in `lines`), "passed", or "unavailable" (the endpoint's error in `lines`), from npm audit --json's output. */
export function auditVerdict(output) {
  let report;
  try {
    report = JSON.parse(output);
  } catch {
    return { verdict: "unavailable", lines: ["npm audit printed no JSON report"] };
  }
  if (!report.vulnerabilities || !report.metadata)
    return { verdict: "unavailable", lines: [String(report.message ?? report.error?.summary ?? "no report")] };
  const serious = Object.values(report.vulnerabilities).filter(
    (v) => v.severity === "high" || v.severity === "critical",
  );
  if (serious.length === 0) return { verdict: "passed", lines: [] };
  return {
    verdict: "failed",
    lines: serious.map((v) => {
      const titles = v.via.filter((via) => typeof via === "object").map((via) => via.title);
      return `${v.severity}: ${v.name} ${v.range}${titles.length ? ` (${titles.join("; ")})` : ""}${v.fixAvailable ? ", fix available" : ""}`;
    }),
  };
}

async function main() {
  // npm audit exits 1 both for findings and for an unreachable endpoint: its JSON tells them apart.
  const output = await promisify(execFile)("npm", ["audit", "--omit=dev", "--json"], { maxBuffer: 64 * 1024 * 1024 })
    .then((r) => r.stdout)
    .catch((err) => err.stdout ?? "");
  const { verdict, lines } = auditVerdict(output);
  if (verdict === "passed")
    return console.log("npm audit: no high or critical advisory in the production dependencies");
  if (verdict === "failed") {
    console.log("npm audit: high or critical advisories in the production dependencies:");
    for (const line of lines) console.log(`  ${line}`);
    process.exit(1);
  }
  console.log(`::: WARNING: npm audit could not reach the advisory endpoint: ${lines.join("; ")}`);
  console.log("::: WARNING: the production dependencies were NOT audited in this run");
  if (process.env.NPM_AUDIT_REQUIRED === "1") process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
