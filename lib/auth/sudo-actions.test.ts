// Every server action is accounted for by sudo mode: each export of each "use server" file under app/
// (found by reading the files, so a new one shows up here by itself) is either a path to a row of the
// sudo table (lib/auth/sudo.ts) or on the list of actions that cannot change Live access, with why.
// A new action that is on neither fails this test: whoever adds it decides, and writes the reason down.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { SUDO_RULES, type SudoRow } from "./sudo";

/** The actions that reach a row of the sudo table, and which rows (the replays: ./sudo.test.ts, ./sudo-team.test.ts). */
const GUARDED: Record<string, SudoRow[]> = {
  createCredentialAction: ["credential.create"],
  enableCredentialAction: ["credential.enable"],
  deleteCredentialAction: ["credential.delete"],
  rollCredentialAction: ["credential.roll"],
  changeExpiryAction: ["credential.expiry"],
  setAllowedAddressesAction: ["credential.allowed_addresses"],
  inviteMemberAction: ["member.invite"],
  changeRoleAction: ["member.role"],
  removeMemberAction: ["member.remove"],
  setLeakResponseAction: ["team.leak_response"],
};

/** The actions that cannot grant, widen or keep Live access, each with the reason in one line. */
const CANNOT_CHANGE_LIVE_ACCESS: Record<string, string> = {
  listCredentialsAction: "reads the list; the tokens themselves are never in it",
  credentialNameInUseAction: "reads whether a name is taken",
  renameCredentialAction: "changes a name only: the token, its state and its addresses stay as they were",
  revokeCredentialAction: "takes a token's access away",
  revokeInvitationAction: "takes a pending invitation away",
  leaveTeamAction: "ends the caller's own access (the last Owner cannot leave)",
  confirmPasswordAction: "is the confirmation itself, after the password is checked like a sign-in",
  createTeamAction: "makes a new, empty team of the caller's own; no existing team changes",
  joinTeamAction: "accepts an invitation, which asked for the password when it was created",
  acceptAsNewUserAction: "mails a link to the invited address; the account and membership come when it is opened",
  finishSignUpAction:
    "makes the account a mailed link was for, and its own new team or the invitation's membership (asked for when the invitation was made)",
  verifyEmailAction:
    "marks the caller's own address verified (joining an invitation's team, asked for when it was made)",
  sendVerificationLinkAction: "mails the caller a link to verify their own address",
  signInWithPassword: "starts a session with the password; grants nothing in a team",
  signUp: "makes a new account and its own new team; no existing team changes",
  signOutAction: "ends the caller's session",
  signOutEverywhereAction: "ends the caller's own sessions",
};

type Found = { file: string; name: string };

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const parse = (file: string) =>
  ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);

const isDirective = (statement: ts.Statement, text: string) =>
  ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression) && statement.expression.text === text;

/** A "use server" file: the directive opens the file (before any other statement). */
function isServerFile(source: ts.SourceFile): boolean {
  for (const statement of source.statements) {
    if (isDirective(statement, "use server")) return true;
    if (!(ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression))) return false;
  }
  return false;
}

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Every value a file exports, by name ("*" for `export * from`, which cannot be listed). Types are left out. */
function valueExports(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly) continue;
      if (!statement.exportClause) {
        names.push("*");
      } else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) if (!element.isTypeOnly) names.push(element.name.text);
      } else {
        names.push(statement.exportClause.name.text); // export * as name from
      }
    } else if (ts.isExportAssignment(statement)) {
      names.push("default");
    } else if (exported(statement)) {
      if (ts.isVariableStatement(statement))
        for (const declaration of statement.declarationList.declarations) names.push(declaration.name.getText(source));
      else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
        const isDefault = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
        names.push(isDefault ? "default" : (statement.name?.text ?? "default"));
      }
    }
  }
  return names;
}

/** Every server action of the app: each value exported by a "use server" file under app/. */
function serverActions(): Found[] {
  return filesUnder("app")
    .map(parse)
    .filter(isServerFile)
    .flatMap((source) => valueExports(source).map((name) => ({ file: source.fileName, name })));
}

describe("every server action is in the sudo table or says why it cannot change Live access", () => {
  const actions = serverActions();

  it("the files are found and read (the check sees actions at all)", () => {
    const names = actions.map((a) => a.name);
    expect(names).toContain("inviteMemberAction");
    expect(names).toContain("setLeakResponseAction");
    expect(names).toContain("confirmPasswordAction");
    expect(names).not.toContain("AcceptState"); // a type, erased: not an endpoint
    expect(new Set(actions.map((a) => a.file)).size).toBeGreaterThanOrEqual(8);
  });

  it("each action is listed, once", () => {
    const unlisted = actions
      .filter(({ name }) => !(name in GUARDED) && !(name in CANNOT_CHANGE_LIVE_ACCESS))
      .map(({ file, name }) => `${file}: ${name}`);
    expect(unlisted, "add each to GUARDED (and the sudo table) or to CANNOT_CHANGE_LIVE_ACCESS with why").toEqual([]);
    const both = Object.keys(GUARDED).filter((name) => name in CANNOT_CHANGE_LIVE_ACCESS);
    expect(both).toEqual([]);
    // Names are the key: two files exporting one name would share an entry.
    const seen = actions.map((a) => a.name);
    expect(seen.filter((name, i) => seen.indexOf(name) !== i)).toEqual([]);
  });

  it("no entry names an action that is gone, and every reason is written", () => {
    const names = new Set(actions.map((a) => a.name));
    expect([...Object.keys(GUARDED), ...Object.keys(CANNOT_CHANGE_LIVE_ACCESS)].filter((n) => !names.has(n))).toEqual(
      [],
    );
    for (const [name, reason] of Object.entries(CANNOT_CHANGE_LIVE_ACCESS))
      expect(reason.trim().length, name).toBeGreaterThan(10);
  });

  it("every row of the sudo table is reached by an action, and every action's rows are in the table", () => {
    const reached = new Set(Object.values(GUARDED).flat());
    expect(Object.keys(SUDO_RULES).filter((row) => !reached.has(row as SudoRow))).toEqual([]);
    expect([...reached].filter((row) => !(row in SUDO_RULES))).toEqual([]);
  });

  it('no server action hides elsewhere: "use server" appears only at the top of a file under app/', () => {
    const hidden: string[] = [];
    for (const file of [...filesUnder("app"), ...filesUnder("components"), ...filesUnder("lib")]) {
      const source = parse(file);
      const top = isServerFile(source);
      const visit = (node: ts.Node) => {
        if (ts.isStringLiteral(node) && node.text === "use server" && ts.isExpressionStatement(node.parent)) {
          const atTop = node.parent.parent === source && top;
          if (!atTop || !file.startsWith(`app${path.sep}`)) hidden.push(file);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(hidden).toEqual([]);
  });
});
