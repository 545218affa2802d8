// Every exported server action is a public endpoint: each must go through withTeamAction or withUserAction,
// except the few that by nature act before there is a team member (sign-in, sign-up, sign-out, an invitation,
// a mailed link).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const publicByNature = new Set([
  "app/(auth)/login/actions.ts",
  "app/(auth)/signup/actions.ts",
  "app/(auth)/invite/[token]/actions.ts",
  "app/(auth)/verify-email/[token]/actions.ts",
  "app/actions.ts",
]);

function actionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return actionFiles(full);
    return entry.name === "actions.ts" ? [path.relative(process.cwd(), full)] : [];
  });
}

describe("server actions", () => {
  const files = actionFiles("app");

  it("are found", () => {
    expect(files).toContain("app/(dashboard)/dashboard/[team]/[env]/settings/members/actions.ts");
  });

  for (const file of files) {
    it(`in ${file} all go through the action wrapper${publicByNature.has(file) ? " or say why not" : ""}`, () => {
      const source = fs.readFileSync(file, "utf8");
      expect(source.startsWith('"use server";')).toBe(true);
      const exports = source
        .split("\n")
        .filter((line) => line.startsWith("export ") && !line.startsWith("export type "));
      expect(exports.length).toBeGreaterThan(0);
      for (const line of exports) {
        if (publicByNature.has(file)) expect(line).toMatch(/^export async function \w+\(/);
        else expect(line).toMatch(/^export const \w+ = (withTeamAction|withUserAction)\(/);
      }
      if (publicByNature.has(file)) expect(source).toMatch(/^\/\/ .*(public|no authorize|no team)/im);
    });
  }
});
