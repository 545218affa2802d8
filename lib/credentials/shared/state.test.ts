import { describe, expect, it } from "vitest";
import { credentialState, expiringSoonText, formatTimeLeft, type CredentialLifecycle } from "./state";

const now = Date.parse("2026-03-10T12:00:00.000Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(now + offset).toISOString();

const active: CredentialLifecycle = {
  status: "active",
  expiresAt: null,
  rolledAt: null,
  replacedBy: null,
  lastUsedAt: null,
  lastUsedAddress: null,
  revokedReason: null,
  leak: null,
};
const labels = (credential: Partial<CredentialLifecycle>) =>
  credentialState({ ...active, ...credential }, now).badges.map((b) => b.label);

describe("a credential's status", () => {
  it("is Active without an expiry, and while its expiry is more than 7 days away", () => {
    expect(labels({})).toEqual(["Active"]);
    expect(labels({ expiresAt: at(8 * DAY) })).toEqual(["Active"]);
    expect(credentialState({ ...active, expiresAt: at(8 * DAY) }, now)).toMatchObject({
      expired: false,
      expiringSoon: false,
      refusal: null,
    });
  });

  it("says how long is left once the expiry is 7 days away or less", () => {
    expect(labels({ expiresAt: at(7 * DAY) })).toEqual(["Expires in 7 days"]);
    expect(labels({ expiresAt: at(3 * DAY + 2 * HOUR) })).toEqual(["Expires in 3 days"]);
    expect(labels({ expiresAt: at(1 * DAY) })).toEqual(["Expires in 1 day"]);
    expect(labels({ expiresAt: at(5 * HOUR) })).toEqual(["Expires in 5 hours"]);
    expect(labels({ expiresAt: at(59 * MINUTE + 50_000) })).toEqual(["Expires in 1 hour"]);
    expect(labels({ expiresAt: at(10_000) })).toEqual(["Expires in less than a minute"]);
    expect(credentialState({ ...active, expiresAt: at(DAY) }, now)).toMatchObject({
      expiringSoon: true,
      expired: false,
      refusal: null,
    });
  });

  it("is Expired from the expiry on, and its token is refused until the expiry changes", () => {
    for (const expiresAt of [at(0), at(-1), at(-30 * DAY)]) {
      const state = credentialState({ ...active, expiresAt }, now);
      expect(state.badges).toEqual([{ label: "Expired", tone: "danger" }]);
      expect(state).toMatchObject({ expired: true, expiringSoon: false });
      expect(state.refusal).toBe("Its token is refused: it has expired. Change its expiry to use it again.");
    }
  });

  it("is Revoked, and says Expired too when both hold, naming both fixes", () => {
    expect(labels({ status: "revoked" })).toEqual(["Revoked"]);
    expect(credentialState({ ...active, status: "revoked" }, now).refusal).toBe(
      "Its token is refused: it is revoked. Enable it to use it again.",
    );
    // A revoked credential is not "expiring soon": its token is refused already.
    expect(credentialState({ ...active, status: "revoked", expiresAt: at(DAY) }, now)).toMatchObject({
      expiringSoon: false,
      badges: [{ label: "Revoked" }],
    });

    const both = credentialState({ ...active, status: "revoked", expiresAt: at(-HOUR) }, now);
    expect(both.badges.map((b) => b.label)).toEqual(["Revoked", "Expired"]);
    expect(both.refusal).toBe(
      "Its token is refused: it is revoked and it has expired. Enable it and change its expiry to use it again.",
    );
  });
});

describe("a credential whose token was found in public", () => {
  const leak = { at: at(-HOUR), url: "https://github.com/acme/shop/blob/main/.env", source: "commit" };

  it("reads Leaked (danger), not Revoked, once revoked for it, and says to roll it", () => {
    const state = credentialState({ ...active, status: "revoked", revokedReason: "leaked", leak }, now);
    expect(state.badges).toEqual([{ label: "Leaked", tone: "danger" }]);
    expect(state).toMatchObject({ revoked: true, leaked: true });
    expect(state.refusal).toBe("Its token is refused: it was found in public and revoked. Roll it to get a new token.");
    expect(labels({ status: "revoked", revokedReason: "leaked", leak, expiresAt: at(-DAY) })).toEqual([
      "Leaked",
      "Expired",
    ]);
  });

  it("stays Revoked when revoked by a member or by a public report", () => {
    expect(labels({ status: "revoked", revokedReason: "public_report" })).toEqual(["Revoked"]);
    expect(labels({ status: "revoked", revokedReason: "manual", leak })).toEqual(["Revoked"]);
    expect(credentialState({ ...active, status: "revoked", revokedReason: "public_report" }, now).leaked).toBe(false);
  });

  it("still working (the team only notifies, or enabled again) reads Active and Found in public", () => {
    expect(credentialState({ ...active, leak }, now).badges).toEqual([
      { label: "Active", tone: "success" },
      { label: "Found in public", tone: "warning" },
    ]);
    expect(credentialState({ ...active, leak }, now)).toMatchObject({ revoked: false, leaked: false, refusal: null });
  });
});

describe("a rolled credential", () => {
  const rolled: CredentialLifecycle = {
    ...active,
    rolledAt: at(-10 * MINUTE),
    expiresAt: at(50 * MINUTE),
    replacedBy: { id: "new-id", name: "ERP" },
    lastUsedAt: at(-2 * HOUR),
    lastUsedAddress: "203.0.113.7",
  };

  it("is not one until it has a replacement", () => {
    expect(credentialState(active, now).roll).toBeNull();
  });

  it("names its replacement and counts down to the end of its grace period, which End now may cut short", () => {
    expect(credentialState(rolled, now).roll).toMatchObject({
      replacedBy: { id: "new-id", name: "ERP" },
      countdown: "Old token stops working in 50 minutes.",
      endable: true,
    });
    expect(labels(rolled)).toEqual(["Expires in 50 minutes"]);
    // Its end is planned: not one of the credentials the list warns about.
    expect(credentialState(rolled, now).expiringSoon).toBe(false);
  });

  it("says once its grace period is over that the old token no longer works", () => {
    expect(credentialState({ ...rolled, expiresAt: at(-MINUTE) }, now).roll).toMatchObject({
      countdown: "The old token no longer works.",
      endable: false,
    });
  });

  it("says so when its expiry was changed to never", () => {
    expect(credentialState({ ...rolled, expiresAt: null }, now).roll).toMatchObject({
      countdown: "The old token keeps working: it has no expiry.",
      endable: true,
    });
  });

  it("is not used since the roll when its last use came before it", () => {
    expect(credentialState(rolled, now).roll?.usage).toEqual({ kind: "quiet" });
    expect(credentialState({ ...rolled, lastUsedAt: null, lastUsedAddress: null }, now).roll?.usage).toEqual({
      kind: "quiet",
    });
    expect(credentialState({ ...rolled, lastUsedAt: rolled.rolledAt }, now).roll?.usage).toEqual({ kind: "quiet" });
  });

  it("is still in use when its token authenticated a request after the roll, with when and from where", () => {
    expect(
      credentialState({ ...rolled, lastUsedAt: at(-MINUTE), lastUsedAddress: "10.1.2.3" }, now).roll?.usage,
    ).toEqual({
      kind: "in_use",
      lastUsedAt: at(-MINUTE),
      address: "10.1.2.3",
    });
  });
});

describe("the time left in words", () => {
  it("rounds to the largest unit that fits", () => {
    expect(formatTimeLeft(20_000)).toBe("in less than a minute");
    expect(formatTimeLeft(MINUTE)).toBe("in 1 minute");
    expect(formatTimeLeft(59 * MINUTE)).toBe("in 59 minutes");
    expect(formatTimeLeft(HOUR)).toBe("in 1 hour");
    expect(formatTimeLeft(24 * HOUR - MINUTE)).toBe("in 1 day");
    expect(formatTimeLeft(23 * HOUR)).toBe("in 23 hours");
    expect(formatTimeLeft(7 * DAY - MINUTE)).toBe("in 7 days");
    expect(formatTimeLeft(90 * DAY)).toBe("in 3 months");
    expect(formatTimeLeft(366 * DAY)).toBe("in 1 year");
  });
});

describe("the banner over the list", () => {
  it("counts the credentials that expire within 7 days, in the singular for one", () => {
    expect(expiringSoonText(1)).toBe("1 credential expires within 7 days.");
    expect(expiringSoonText(2)).toBe("2 credentials expire within 7 days.");
    expect(expiringSoonText(12)).toBe("12 credentials expire within 7 days.");
  });
});
