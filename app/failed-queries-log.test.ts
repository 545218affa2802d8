// A failed query must not leave its parameters in the log (a password hash, a token's hash or masked
// form, an email, a recipient's name). Each entry point that writes is made to fail in the database
// (a CHECK that no new row passes), and everything logged is read back.
import { format } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { apiFetch, insertCredentialRow, startApi } from "@/api/testing";
import { touchLastUsed } from "@/lib/api-access/verify";
import { logAuthError } from "@/lib/auth/sign-in";
import type { SignedInUser } from "@/lib/auth/sessions";
import { justConfirmedSession, seededTeams } from "@/lib/testing";
import { createCredentialAction } from "./(dashboard)/dashboard/[team]/[env]/developers/api-credentials/actions";
import { inviteMemberAction } from "./(dashboard)/dashboard/[team]/[env]/settings/members/actions";
import { createTeamAction } from "./(dashboard)/dashboard/new-team/actions";
import { acceptAsNewUserAction } from "./(auth)/invite/[token]/actions";
import { signUp } from "./(auth)/signup/actions";

const session = vi.hoisted(() => ({ user: null as SignedInUser | null }));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));

const logged: string[] = [];
const scope = { team: "acme", environment: "test" as const };
let acmeId = "";
let invitationToken = "";
let credential = { id: "", token: "" };

async function refuseNewRows(table: string) {
  await (await getDb()).execute(sql.raw(`alter table ${table} add constraint refuse_new_rows check (false) not valid`));
}

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

/** What was logged since `from`, checked for every parameter a failed write of this test could carry. */
function expectCleanLines(from: number, secrets: string[]) {
  const lines = logged.slice(from);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line).not.toMatch(/params|Failed query|\$2[aby]?\$|[0-9a-f]{64}|pk_(test|live)_[0-9A-Za-z]/i);
    for (const secret of secrets) expect(line).not.toContain(secret);
  }
  return lines;
}

beforeAll(async () => {
  for (const method of ["error", "warn", "log", "info"] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void logged.push(format(...args)) /* as the console prints it, causes included */,
    );
  }
  const seeded = await seededTeams();
  session.user = { ...seeded.users.owner, session: justConfirmedSession(), emailVerified: true }; // sudo mode is not under test here
  acmeId = seeded.teams.acme;
  // An invitation to accept, made before invitations refuse new rows.
  const invited = await inviteMemberAction({ ...scope, email: "invitee.secret@example.com", role: "developer" });
  if (!invited.ok) throw new Error("could not invite");
  invitationToken = invited.data.token;
  credential = await insertCredentialRow(acmeId, "test");
  for (const table of ["api_credentials", "users", "invitations", "teams", "shipments"]) await refuseNewRows(table);
});

afterAll(() => vi.restoreAllMocks());

describe("a failed query is logged without its parameters", () => {
  it("create a credential (withTeamAction)", async () => {
    const from = logged.length;
    expect(await createCredentialAction({ ...scope, name: "Secret ERP name" })).toMatchObject({
      ok: false,
      code: "internal",
    });
    expect(expectCleanLines(from, ["Secret ERP name", acmeId])).toEqual([
      expect.stringMatching(/^\[action\] failed: \w+ \(23514\)/),
    ]);
  });

  it("invite a member", async () => {
    const from = logged.length;
    expect(await inviteMemberAction({ ...scope, email: "second.secret@example.com", role: "developer" })).toMatchObject(
      { ok: false, code: "internal" },
    );
    expectCleanLines(from, ["second.secret@example.com"]);
  });

  it("create a team (withUserAction)", async () => {
    const from = logged.length;
    expect(await createTeamAction({ name: "Secret Team Name" })).toMatchObject({ ok: false, code: "internal" });
    expectCleanLines(from, ["Secret Team Name", "secret-team-name"]);
  });

  it("sign up: no bcrypt hash, no email", async () => {
    const from = logged.length;
    const state = await signUp(
      null,
      form({ name: "Sam Secret", email: "sam.secret@example.com", password: "a-long-enough-password" }),
    );
    expect(state?.message).toBe("Something went wrong on our side. Try again.");
    expectCleanLines(from, ["sam.secret@example.com", "Sam Secret"]);
  });

  it("accept an invitation as a new person", async () => {
    const from = logged.length;
    const state = await acceptAsNewUserAction(
      null,
      form({ token: invitationToken, name: "Ivy Secret", password: "invitee-password-123" }),
    );
    expect(state?.message).toBe("Something went wrong on our side. Try again.");
    expectCleanLines(from, ["invitee.secret@example.com", "Ivy Secret", invitationToken]);
  });

  it("POST /v1/shipments and the last-use write", async () => {
    const api = await startApi();
    try {
      const { id, token } = credential;
      const from = logged.length;
      const body = JSON.stringify({
        reference: "REF-SECRET",
        recipient: { name: "Rita Recipient", address: "1 Secret Street" },
        weight_grams: 100,
      });
      expect((await apiFetch(api, "/v1/shipments", { method: "POST", token, body })).status).toBe(500);
      await touchLastUsed(id);
      const lines = expectCleanLines(from, ["Rita Recipient", "1 Secret Street", "REF-SECRET", token]);
      expect(lines.some((l) => l.startsWith("[api] POST /v1/shipments failed: "))).toBe(true);
      expect(lines.some((l) => l.startsWith("[api] could not record the last use"))).toBe(true);
    } finally {
      await api.close();
    }
  });

  it("Auth.js's error log (a failed query inside authorize)", async () => {
    const from = logged.length;
    const failed = await (
      await getDb()
    )
      .insert(users)
      .values({ email: "auth.secret@example.com", name: "A", passwordHash: "$2b$10$" + "N".repeat(53) })
      .catch((e: unknown) => e);
    logAuthError(
      Object.assign(new Error("Read more at https://errors.authjs.dev#callbackrouteerror"), {
        type: "CallbackRouteError",
        cause: { err: failed },
      }),
    );
    expectCleanLines(from, ["auth.secret@example.com"]);
  });
});
