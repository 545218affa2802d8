// Sudo mode's table, row by row, as pure decisions (lib/auth/sudo.ts): which changes need the password
// confirmed again. The replays through the real actions are lib/auth/sudo.test.ts and sudo-team.test.ts.
import { describe, expect, it } from "vitest";
import { roles, type Role } from "@/lib/platform/shared";
import { rolesWith } from "@/lib/teams/shared";
import { addressRangesCover } from "./address-ranges";
import {
  needsPasswordConfirmation,
  ROLES_THAT_GOVERN,
  ROLES_WITH_LIVE_ACCESS,
  SUDO_RULES,
  type SudoChange,
} from "./sudo";

const needs = (change: SudoChange) => needsPasswordConfirmation(change);

describe("Live credentials: create, enable, delete, roll and a new expiry other than “End now”", () => {
  for (const row of ["credential.create", "credential.enable", "credential.delete", "credential.roll"] as const) {
    it(`${row}: in Live only`, () => {
      expect(needs({ row, environment: "live" })).toBe(true);
      expect(needs({ row, environment: "test" })).toBe(false);
    });
  }

  it("credential.expiry: any new expiry in Live but “End now”; never in Test", () => {
    for (const choice of ["never", "7d", "30d", "90d", "date"])
      expect(needs({ row: "credential.expiry", environment: "live", expiry: { choice } })).toBe(true);
    expect(needs({ row: "credential.expiry", environment: "live", expiry: { choice: "now" } })).toBe(false);
    expect(needs({ row: "credential.expiry", environment: "test", expiry: { choice: "30d" } })).toBe(false);
  });
});

describe("a Live credential's allowed addresses: widening or clearing asks, narrowing does not", () => {
  const addresses = (before: string[], after: string[], environment: "live" | "test" = "live") =>
    needs({ row: "credential.allowed_addresses", environment, before, after });

  it("from no restriction to a list is a narrowing; from a list to none is a clearing", () => {
    expect(addresses([], ["10.0.0.1/32"])).toBe(false);
    expect(addresses([], [])).toBe(false);
    expect(addresses(["10.0.0.1/32"], [])).toBe(true);
  });

  it("compares ranges by what they contain, not as strings", () => {
    expect(addresses(["10.0.0.0/8"], ["10.1.2.3/32", "10.200.0.0/16"])).toBe(false); // inside
    expect(addresses(["10.0.0.0/8"], ["10.0.0.0/8"])).toBe(false); // the same
    expect(addresses(["10.0.0.1/32"], ["10.0.0.0/31"])).toBe(true); // 10.0.0.0 is new
    expect(addresses(["10.0.0.1/32"], ["10.0.0.1/32", "10.0.0.2/32"])).toBe(true); // one added
    expect(addresses(["10.0.0.0/8"], ["11.0.0.0/8"])).toBe(true); // elsewhere
    expect(addresses(["10.0.0.0/8"], ["0.0.0.0/0"])).toBe(true); // everywhere
    expect(addresses(["10.0.0.0/9", "10.128.0.0/9"], ["10.0.0.0/8"])).toBe(false); // two halves make the whole
    expect(addresses(["10.0.0.0/9", "10.192.0.0/10"], ["10.0.0.0/8"])).toBe(true); // a quarter missing
    expect(addresses(["10.0.0.0/8", "2001:db8::/32"], ["2001:db8:1::/48"])).toBe(false);
    expect(addresses(["2001:db8::/32"], ["2001:db9::/32"])).toBe(true);
    expect(addresses(["10.0.0.0/8"], ["b"])).toBe(true); // not a range: covered by nothing
  });

  it("an IPv4 list never covers IPv6 addresses, nor the other way round", () => {
    expect(addresses(["0.0.0.0/0"], ["::/0"])).toBe(true);
    expect(addresses(["::/0"], ["10.0.0.1/32"])).toBe(true);
  });

  it("in Test it never asks", () => {
    expect(addresses(["10.0.0.1/32"], [], "test")).toBe(false);
  });

  it("the coverage is a set relation: the old list covers itself and anything inside, and an empty list covers all", () => {
    expect(addressRangesCover(["10.0.0.0/24", "10.0.1.0/24"], ["10.0.1.0/24", "10.0.0.0/24"])).toBe(true);
    expect(addressRangesCover(["10.0.0.0/24", "10.0.1.0/24"], ["10.0.0.0/23"])).toBe(true);
    expect(addressRangesCover(["10.0.0.0/24", "10.0.2.0/24"], ["10.0.0.0/23"])).toBe(false);
    expect(addressRangesCover([], ["::/0", "0.0.0.0/0"])).toBe(true);
  });

  it("decides quickly even on a hundred scattered single addresses inside a wide new range", () => {
    const before = Array.from({ length: 100 }, (_, i) => `2001:db8:${((i * 613) % 65536).toString(16)}::1/128`);
    const started = performance.now();
    expect(addressRangesCover(before, ["2001:db8::/32"])).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
  });
});

describe("members", () => {
  const all = [...roles];

  it("inviting asks for a role that reaches Live access (Owner, Admin, Developer), not for Read-only", () => {
    const asked = all.filter((role) => needs({ row: "member.invite", role }));
    expect(asked).toEqual(["owner", "admin", "developer"]);
  });

  it("a role change asks when it touches an Owner or Admin, or gives Live access to someone without it", () => {
    const asked: string[] = [];
    for (const from of all)
      for (const to of all) if (needs({ row: "member.role", from, to })) asked.push(`${from}→${to}`);
    expect(asked.sort()).toEqual(
      [
        "owner→admin",
        "owner→developer",
        "owner→read_only",
        "admin→owner",
        "admin→developer",
        "admin→read_only",
        "developer→owner",
        "developer→admin",
        "read_only→owner",
        "read_only→admin",
        "read_only→developer",
      ].sort(),
    );
    // Never asked: keeping the role, or taking Live access away from a Developer.
    expect(needs({ row: "member.role", from: "developer", to: "read_only" })).toBe(false);
  });

  it("removing any member asks", () => {
    for (const role of all) expect(needs({ row: "member.remove", role })).toBe(true);
  });

  it("the roles the table calls Live-reaching and governing are those of the permission table", () => {
    const sorted = (set: Iterable<Role>) => [...set].sort();
    expect(sorted(ROLES_WITH_LIVE_ACCESS)).toEqual(sorted(rolesWith("credentials:manage")));
    expect(sorted(ROLES_THAT_GOVERN)).toEqual(sorted(rolesWith("members:manage")));
    expect(sorted(ROLES_THAT_GOVERN)).toEqual(sorted(rolesWith("settings:manage")));
  });
});

describe("the team's leak response", () => {
  it("asks for any change, either way; saving the same value asks nothing", () => {
    expect(needs({ row: "team.leak_response", from: "revoke", to: "notify" })).toBe(true);
    expect(needs({ row: "team.leak_response", from: "notify", to: "revoke" })).toBe(true);
    expect(needs({ row: "team.leak_response", from: "revoke", to: "revoke" })).toBe(false);
  });
});

it("every row says why it is there", () => {
  for (const [row, rule] of Object.entries(SUDO_RULES)) expect(rule.why.length, row).toBeGreaterThan(10);
});
