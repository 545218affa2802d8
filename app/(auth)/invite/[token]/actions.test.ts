// Accepting an invitation as a new person: the name and password follow the sign-up rules.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { inviteMember } from "@/lib/members/invitations";
import { seededTeams } from "@/lib/testing";
import { PLAIN_TEXT_MESSAGE } from "@/lib/platform/shared/text";
import { acceptAsNewUserAction } from "./actions";

vi.mock("@/lib/dashboard/auth-js", () => ({ signIn: vi.fn(async () => undefined) }));
// Each call its own client address, so these tests do not spend one another's sign-up budget.
let clients = 0;
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-forwarded-for": `192.0.2.${++clients % 250}` }),
}));
vi.mock("@/lib/dashboard/current-user", () => ({ getCurrentUser: async () => null }));

let token = "";

beforeAll(async () => {
  const { owner } = await seededTeams();
  ({ token } = await inviteMember(owner, { email: "invitee@example.com", role: "developer" }));
});

function form(fields: { name?: string; password?: string }) {
  const data = new FormData();
  for (const [key, value] of Object.entries({
    token,
    name: "Ivy Invitee",
    password: "invitee-password-123",
    ...fields,
  }))
    data.set(key, value);
  return data;
}

describe("accept an invitation as a new person", () => {
  it("refuses a name with a NUL as a field error", async () => {
    const state = await acceptAsNewUserAction(null, form({ name: "Ivy\u0000Invitee" }));
    expect(state?.fieldErrors?.name).toEqual([PLAIN_TEXT_MESSAGE]);
  });

  it("refuses a common password and one over 72 bytes", async () => {
    expect((await acceptAsNewUserAction(null, form({ password: "1234567890" })))?.fieldErrors?.password).toEqual([
      "This password is too common. Choose another.",
    ]);
    expect((await acceptAsNewUserAction(null, form({ password: "ü".repeat(40) })))?.fieldErrors?.password).toEqual([
      "Use at most 72 bytes (about 72 letters; fewer with accents or emoji).",
    ]);
  });

  it("joins with a good name and password", async () => {
    expect(await acceptAsNewUserAction(null, form({}))).toBeNull();
  });
});
