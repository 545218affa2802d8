// The arrows between layers point down (docs/architecture.md): app → components → lib → db, and
// api → lib → db. Validation is a leaf. This reads every import in the tree and fails on one that
// points the wrong way.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module a file imports, as a path from the repository root ("lib/x") or a package name. */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  return [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)].map((m) => {
    const spec = m[1] ?? m[2];
    if (spec.startsWith("@/")) return spec.slice(2);
    if (spec.startsWith(".")) return path.relative(process.cwd(), path.resolve(path.dirname(file), spec));
    return spec;
  });
}

const rules: [layer: string, mayNotImport: RegExp, except?: RegExp][] = [
  ["components", /^(app)\//],
  ["lib", /^(app|components|api)\//],
  ["api", /^(app|components)\//],
  ["db", /^(app|components|api|lib)\//, /^lib\/(process-state|redact)$/],
  ["lib/validation", /^(app|components|api|lib\/(?!validation\/))|^db\/(?!schema$)|^(next|next-auth|react)\b/],
];

describe("layers import downwards only", () => {
  for (const [layer, forbidden, except] of rules) {
    it(`${layer}/ imports nothing it may not`, () => {
      const wrong = sourceFiles(layer).flatMap((file) =>
        importsOf(file)
          .filter((target) => forbidden.test(target) && !except?.test(target))
          .map((target) => `${file} → ${target}`),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("the check sees imports at all", () => {
    expect(importsOf("lib/credentials.ts")).toContain("db");
    expect(importsOf("lib/credentials.ts")).toContain("lib/team-access");
  });
});
