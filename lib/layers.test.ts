// The import rules of the tree (docs/architecture.md, "The tree"), checked on every import of every
// source file: layers point down, lib/ folders are entered only through their face and in one
// direction, and what a browser may load is visible in its path (`shared/`). The planted cases at the
// end prove each rule fails when it is broken.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** lib/'s folders, lowest first: a folder may import only folders before it (and itself). */
const FOLDER_ORDER = [
  ["platform"],
  ["auth", "shipments"],
  ["teams"],
  ["credentials"],
  ["members", "usage", "activity"],
  ["accounts", "api-access"],
  ["dashboard"],
] as const;

const rank = new Map<string, number>(FOLDER_ORDER.flatMap((group, i) => group.map((name) => [name, i] as const)));

/** The only lib/ files outside a folder: the test fixture (and this test). */
const LOOSE_LIB_FILES = new Set(["lib/testing.ts"]);

/** db/ opens before anything else: it may take these leaves of lib/platform directly. */
const DB_MAY_IMPORT = new Set([
  "lib/platform/process-state",
  "lib/platform/log",
  "lib/platform/shared/errors",
  "lib/platform/config",
]);

/** What a client-safe (`shared/`) module may import besides other shared paths. */
const SHARED_MAY_IMPORT = /^(zod|db\/schema|drizzle-orm|drizzle-orm\/pg-core|ipaddr\.js)$/;

type Source = { file: string; source: string };
type Import = { target: string; typeOnly: boolean };

function sourceFiles(dir: string, recurse = true): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory())
      return recurse && !["node_modules", ".next", "dist", ".data"].includes(entry.name) ? sourceFiles(full) : [];
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")
      ? [path.relative(".", full)]
      : [];
  });
}

/** Every module a file imports, as a path from the repository root ("lib/x") or a package name. */
function importsOf({ file, source }: Source): Import[] {
  const pattern =
    /^\s*(import|export)(\s+type\b)?[^'"]*?from\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm;
  return [...source.matchAll(pattern)].map((m) => {
    const spec = m[3] ?? m[4] ?? m[5];
    let target = spec;
    if (spec.startsWith("@/")) target = spec.slice(2);
    else if (spec.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    return { target: target.replace(/\/index$/, ""), typeOnly: Boolean(m[2]) };
  });
}

const folderOf = (p: string) => (p.startsWith("lib/") ? p.split("/")[1] : null);
const isShared = (p: string) => /^lib\/[^/]+\/shared(\/|$)/.test(p);
const isClient = (source: string) => /^\s*["']use client["']/.test(source);

/** Each rule broken by one import, as "file → target: rule". Empty: the tree keeps every rule. */
function violations(files: Source[]): string[] {
  const found: string[] = [];
  for (const f of files) {
    const from = folderOf(f.file);
    if (f.file.startsWith("lib/") && f.file.split("/").length === 2 && !LOOSE_LIB_FILES.has(f.file))
      found.push(`${f.file}: a loose file in lib/ (put it in a folder)`);
    if (from && !rank.has(from) && f.file.split("/").length > 2)
      found.push(`${f.file}: lib/${from} is not in FOLDER_ORDER`);
    for (const { target } of importsOf(f)) {
      const broke = (rule: string) => found.push(`${f.file} → ${target}: ${rule}`);
      const to = folderOf(target);
      // Layers point down: app → components → lib → db; api → lib → db.
      if (f.file.startsWith("components/") && /^app\//.test(target)) broke("components may not import app");
      if (f.file.startsWith("lib/") && /^(app|components|api)\//.test(target))
        broke("lib may not import app, components or api");
      if (f.file.startsWith("api/") && /^(app|components)\//.test(target))
        broke("api may not import app or components");
      // The /v1 path (api/, server.ts) never loads Next.js's or Auth.js's glue.
      if ((f.file.startsWith("api/") || f.file === "server.ts") && to === "dashboard")
        broke("the /v1 path may not import lib/dashboard (Next.js and Auth.js)");
      if (f.file.startsWith("db/") && to && !DB_MAY_IMPORT.has(target))
        broke("db may import only the lib/platform leaves in DB_MAY_IMPORT");
      if (f.file.startsWith("db/") && /^(app|components|api)\//.test(target))
        broke("db may not import app, components or api");
      // The browser loads only client-safe code.
      if (isClient(f.source) && to && !isShared(target))
        broke('a "use client" file may import only lib/<folder>/shared');
      if (isShared(f.file)) {
        if (to ? !isShared(target) : !SHARED_MAY_IMPORT.test(target))
          broke("a shared/ module may import only other shared/ modules, zod and db/schema");
      }
      if (!to || from === to) continue;
      // Another folder is entered through its face only.
      if (f.file.startsWith("db/")) continue;
      if (target !== `lib/${to}` && target !== `lib/${to}/shared` && target !== "lib/testing")
        broke(`enter lib/${to} through its face (lib/${to} or lib/${to}/shared)`);
      // And in one direction.
      if (from && rank.has(from) && rank.has(to) && rank.get(to)! >= rank.get(from)!)
        broke(`lib/${from} may not import lib/${to} (FOLDER_ORDER)`);
    }
  }
  return found;
}

function tree(): Source[] {
  const roots = sourceFiles(".", false);
  const files = [...roots, ...["app", "components", "lib", "api", "db"].flatMap((dir) => sourceFiles(dir))];
  return files.map((file) => ({ file, source: fs.readFileSync(file, "utf8") }));
}

describe("the tree's import rules", () => {
  it("hold for every source file, the root's auth and proxy included", () => {
    const files = tree();
    expect(files.map((f) => f.file)).toContain("proxy.ts");
    expect(files.map((f) => f.file)).toContain("lib/dashboard/auth-js.ts");
    expect(violations(files)).toEqual([]);
  });

  it("every lib/ folder has a face, and is in the order", () => {
    const folders = fs
      .readdirSync("lib", { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    for (const folder of folders) {
      expect(fs.existsSync(`lib/${folder}/index.ts`), `lib/${folder}/index.ts`).toBe(true);
      expect(rank.has(folder), `lib/${folder} in FOLDER_ORDER`).toBe(true);
    }
  });

  it("the check sees imports at all", () => {
    const imports = importsOf({
      file: "lib/credentials/queries.ts",
      source: fs.readFileSync("lib/credentials/queries.ts", "utf8"),
    }).map((i) => i.target);
    expect(imports).toContain("db");
    expect(imports).toContain("lib/teams");
    expect(imports).toContain("lib/credentials/store");
  });

  // One planted import per rule: each must be reported.
  const planted: [rule: string, file: string, source: string][] = [
    ["components may not import app", "components/ui/x.tsx", 'import { a } from "@/app/page";'],
    ["lib may not import app", "lib/credentials/x.ts", 'import { a } from "@/app/page";'],
    ["lib may not import api", "lib/usage/x.ts", 'import { a } from "@/api/app";'],
    ["api may not import components", "api/x.ts", 'import { a } from "@/components/ui/button";'],
    ["api may not import the dashboard's glue", "api/x.ts", 'import { auth } from "@/lib/dashboard";'],
    ["server.ts may not import the dashboard's glue", "server.ts", 'import { auth } from "@/lib/dashboard";'],
    ["db may not import lib beyond its leaves", "db/x.ts", 'import { a } from "@/lib/credentials";'],
    [
      "client file imports a server face",
      "components/x.tsx",
      '"use client";\nimport type { CredentialDto } from "@/lib/credentials";',
    ],
    [
      "client file imports a server module by path",
      "app/x.tsx",
      '"use client";\nimport { a } from "@/lib/credentials/store";',
    ],
    ["shared module imports server code", "lib/credentials/shared/x.ts", 'import { getDb } from "@/db";'],
    ["shared module imports a server sibling", "lib/credentials/shared/x.ts", 'import { a } from "../store";'],
    ["shared module imports next", "lib/teams/shared/x.ts", 'import { headers } from "next/headers";'],
    ["past the face", "app/x.ts", 'import { a } from "@/lib/credentials/store";'],
    ["past the face, from another folder", "lib/usage/x.ts", 'import { a } from "@/lib/credentials/store";'],
    ["past the face, from the root", "proxy.ts", 'import { a } from "@/lib/platform/shared/csp";'],
    ["against the order", "lib/teams/x.ts", 'import { a } from "@/lib/credentials";'],
    ["against the order, within one rank", "lib/usage/x.ts", 'import { a } from "@/lib/members";'],
    ["a loose lib/ file", "lib/helpers.ts", "export const a = 1;"],
  ];
  for (const [rule, file, source] of planted) {
    it(`reports a planted import: ${rule}`, () => {
      expect(violations([{ file, source }])).not.toEqual([]);
    });
  }
});
