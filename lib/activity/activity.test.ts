import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { apiCredentials, credentialEvents } from "@/db/schema";
import { ActivityItem } from "@/app/(dashboard)/dashboard/[team]/[env]/activity/_components/activity-item";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ACTIVITY_PAGE_SIZE, listActivity } from "./activity";
import { changeExpiry, createCredential, rollCredential, setAllowedAddresses } from "@/lib/credentials";
import { changeRole, inviteMember } from "@/lib/members";
import { displayToken, generateToken, hashToken } from "@/lib/credentials/tokens";
import { seededTeams, type SeededTeams } from "@/lib/testing";

let users: SeededTeams["users"];
let teamIds: SeededTeams["teams"];
let accessOf: SeededTeams["accessOf"];
const token = generateToken("test");

async function credentialEvent(
  values: Partial<typeof credentialEvents.$inferInsert> &
    Pick<typeof credentialEvents.$inferInsert, "action" | "credentialId" | "credentialName">,
  at: Date,
) {
  const db = await getDb();
  await db
    .insert(credentialEvents)
    .values({ teamId: teamIds.acme, environment: "test", actorUserId: users.developer.id, createdAt: at, ...values });
}

beforeAll(async () => {
  ({ users, teams: teamIds, accessOf } = await seededTeams());
  const db = await getDb();

  const [kept] = await db
    .insert(apiCredentials)
    .values({
      teamId: teamIds.acme,
      environment: "test",
      name: "ERP production",
      tokenHash: hashToken(token),
      tokenDisplay: displayToken(token),
      createdBy: users.developer.id,
    })
    .returning();
  const t0 = Date.now() - 60_000;
  await credentialEvent({ action: "created", credentialId: kept.id, credentialName: "ERP" }, new Date(t0));
  await credentialEvent(
    {
      action: "renamed",
      credentialId: kept.id,
      credentialName: "ERP production",
      details: { from: "ERP", to: "ERP production" },
    },
    new Date(t0 + 1000),
  );
  // A deleted credential: no row left, its event keeps the masked token.
  await credentialEvent(
    {
      action: "deleted",
      credentialId: crypto.randomUUID(),
      credentialName: "Old shop",
      details: { tokenDisplay: "pk_test_Zz9y…0000" },
    },
    new Date(t0 + 2000),
  );
  // The same team's Live environment must not show up in Test.
  await credentialEvent(
    { action: "created", credentialId: crypto.randomUUID(), credentialName: "Live only", environment: "live" },
    new Date(t0 + 3000),
  );

  await inviteMember(await accessOf("owner", "acme"), { email: "nora@example.com", role: "developer" });
  await changeRole(await accessOf("admin", "acme"), { userId: users.viewer.id, role: "developer" });
});

describe("the activity log", () => {
  it("merges the environment's credential events with the team's member events, newest first, with who did it", async () => {
    const { entries, hasOlder } = await listActivity(await accessOf("viewer", "acme", "test"), {
      page: 1,
    });
    expect(hasOlder).toBe(false);
    expect(entries.map((e) => e.action)).toEqual(["role_changed", "invited", "deleted", "renamed", "created"]);
    expect(entries[0]).toMatchObject({
      kind: "member",
      actor: { name: "Adam Admin", email: "admin@example.com" },
      subject: { email: "viewer@example.com", name: "Victor Viewer" },
      roleChange: { from: "read_only", to: "developer" },
    });
    expect(entries[1]).toMatchObject({
      kind: "member",
      actor: { email: "owner@example.com" },
      subject: { email: "nora@example.com" },
      role: "developer",
    });
    expect(entries[2]).toMatchObject({
      kind: "credential",
      credential: { name: "Old shop", tokenDisplay: "pk_test_Zz9y…0000" },
    });
    expect(entries[3]).toMatchObject({
      credential: { name: "ERP production", tokenDisplay: displayToken(token) },
      renamed: { from: "ERP", to: "ERP production" },
    });
    expect(entries[4]).toMatchObject({
      actor: { name: "Dana Developer", email: "developer@example.com" },
      credential: { name: "ERP" },
    });
  });

  it("shows member events in both environments, credential events only in their own", async () => {
    const { entries } = await listActivity(await accessOf("owner", "acme", "live"), { page: 1 });
    expect(entries.map((e) => [e.action, e.kind === "credential" ? e.credential.name : e.subject.email])).toEqual([
      ["role_changed", "viewer@example.com"],
      ["invited", "nora@example.com"],
      ["created", "Live only"],
    ]);
  });

  it("filters by action", async () => {
    const renamed = await listActivity(await accessOf("owner", "acme", "test"), {
      page: 1,
      action: "renamed",
    });
    expect(renamed.entries.map((e) => e.action)).toEqual(["renamed"]);
    const invited = await listActivity(await accessOf("owner", "acme", "test"), {
      page: 1,
      action: "invited",
    });
    expect(invited.entries.map((e) => e.action)).toEqual(["invited"]);
  });

  it("never contains a token", async () => {
    const page = await listActivity(await accessOf("owner", "acme", "test"), { page: 1 });
    expect(JSON.stringify(page)).not.toContain(token);
    expect(JSON.stringify(page)).not.toContain(hashToken(token));
  });

  it("pages 50 at a time", async () => {
    const db = await getDb();
    const base = Date.now() - 3_600_000;
    await db.insert(credentialEvents).values(
      Array.from({ length: ACTIVITY_PAGE_SIZE + 5 }, (_, i) => ({
        teamId: teamIds.globex,
        environment: "test" as const,
        credentialId: crypto.randomUUID(),
        credentialName: `Credential ${i}`,
        action: "created" as const,
        actorUserId: users.globex.id,
        createdAt: new Date(base + i * 1000),
      })),
    );
    const first = await listActivity(await accessOf("developer", "globex", "test"), { page: 1 });
    expect([first.entries.length, first.hasOlder]).toEqual([ACTIVITY_PAGE_SIZE, true]);
    expect(first.entries[0]).toMatchObject({ credential: { name: `Credential ${ACTIVITY_PAGE_SIZE + 4}` } });
    const second = await listActivity(await accessOf("developer", "globex", "test"), { page: 2 });
    expect(second.entries.map((e) => (e.kind === "credential" ? e.credential.name : ""))).toEqual([
      "Credential 4",
      "Credential 3",
      "Credential 2",
      "Credential 1",
      "Credential 0",
    ]);
    expect(second.hasOlder).toBe(false);
  });

  it("is not shown to a non-member", async () => {
    await expect(
      accessOf("globex", "acme", "test").then((access) => listActivity(access, { page: 1 })),
    ).rejects.toMatchObject({ code: "not_found" });
  });

  it("reads a roll, an expiry change and an allowed-addresses change back, and the page says them in words", async () => {
    const access = await accessOf("globex", "globex", "live");
    const { credential, token: first } = await createCredential(access, { name: "Warehouse" });
    const rolled = await rollCredential(access, { id: credential.id, grace: "24h" });
    // lib takes the action's validated input (its "within a year" rule is tested in lib/credentials/shared/expiry.test.ts).
    await changeExpiry(access, { id: rolled.credential.id, expiry: { choice: "date", date: "2099-01-01" } });
    await changeExpiry(access, { id: rolled.credential.id, expiry: { choice: "never" } });
    await setAllowedAddresses(access, {
      id: rolled.credential.id,
      cidrs: ["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32", "198.51.100.7/32"],
    });
    await setAllowedAddresses(access, { id: rolled.credential.id, cidrs: [] });
    await changeExpiry(access, { id: credential.id, expiry: { choice: "now" } });

    const { entries } = await listActivity(access, { page: 1 });
    expect(entries.map((e) => e.action)).toEqual([
      "expiry_changed",
      "allowed_addresses_changed",
      "allowed_addresses_changed",
      "expiry_changed",
      "expiry_changed",
      "rolled",
      "created",
    ]);
    const [ended, cleared, limited, never, dated, roll] = entries;
    expect(roll).toMatchObject({
      credential: { name: "Warehouse", tokenDisplay: credential.tokenDisplay },
      rolled: { newTokenDisplay: rolled.credential.tokenDisplay, grace: "24h" },
    });
    expect(dated).toMatchObject({ expiryChange: { from: null, to: "2099-01-01T23:59:59.999Z" } });
    expect(never).toMatchObject({ expiryChange: { from: "2099-01-01T23:59:59.999Z", to: null } });
    expect(limited).toMatchObject({
      allowedAddressesChange: { from: [], to: ["10.0.0.0/8", "192.0.2.0/24", "2001:db8::/32", "198.51.100.7/32"] },
    });

    const words = (entry: (typeof entries)[number]) =>
      renderToStaticMarkup(createElement(ActivityItem, { entry })).replace(/<[^>]+>/g, "");
    expect(words(roll)).toContain(
      `rolled the credential “Warehouse” ${credential.tokenDisplay} → new token ${rolled.credential.tokenDisplay}; the old token stops working after 24 hours`,
    );
    expect(words(dated)).toContain("set the credential “Warehouse” to expire at 2099-01-01 23:59 UTC");
    expect(words(never)).toContain("set the credential “Warehouse” to never expire");
    expect(words(limited)).toContain(
      "allowed the credential “Warehouse” only from 10.0.0.0/8, 192.0.2.0/24, 2001:db8::/32 and 1 more",
    );
    expect(words(cleared)).toContain("allowed the credential “Warehouse” from any IP address");
    expect(words(ended)).toContain("ended the credential “Warehouse”");
    expect(JSON.stringify(entries)).not.toContain(first.slice(8));
    expect(JSON.stringify(entries)).not.toContain(rolled.token.slice(8));
  });

  it("says who acted when no member did, where a token was found in public, and never the token", async () => {
    const db = await getDb();
    const leakedToken = generateToken("test");
    const tokenDisplay = displayToken(leakedToken);
    const url = "https://github.com/globex/shop/blob/main/.env";
    const base = {
      teamId: teamIds.globex,
      environment: "test" as const,
      credentialId: crypto.randomUUID(),
      credentialName: "Shop",
    };
    const t0 = Date.now() + 60_000;
    await db.insert(credentialEvents).values([
      {
        ...base,
        action: "revoked",
        actorUserId: null,
        details: { reason: "leaked", url, source: "commit", tokenDisplay },
        createdAt: new Date(t0),
      },
      {
        ...base,
        action: "enabled",
        actorUserId: users.globex.id,
        details: { leaked: true, tokenDisplay },
        createdAt: new Date(t0 + 1000),
      },
      {
        ...base,
        action: "leak_reported",
        actorUserId: null,
        details: { url: "javascript:alert(1)", source: "npm", tokenDisplay },
        createdAt: new Date(t0 + 2000),
      },
      {
        ...base,
        action: "revoked",
        actorUserId: null,
        details: { reason: "public_report", tokenDisplay },
        createdAt: new Date(t0 + 3000),
      },
      {
        ...base,
        action: "revoked",
        actorUserId: users.globex.id,
        details: { reason: "manual", tokenDisplay },
        createdAt: new Date(t0 + 4000),
      },
    ]);
    const { entries } = await listActivity(await accessOf("globex", "globex", "test"), { page: 1 });
    const [manual, publicReport, notified, enabled, leaked] = entries;
    expect(leaked).toMatchObject({
      action: "revoked",
      actor: null,
      automatic: "secret_scanning",
      revokedReason: "leaked",
      foundAt: url,
    });
    expect(publicReport).toMatchObject({
      actor: null,
      automatic: "public_report",
      revokedReason: "public_report",
      foundAt: null,
    });
    expect(manual).toMatchObject({ automatic: null, revokedReason: "manual", actor: { email: "globex@example.com" } });

    const html = (entry: (typeof entries)[number]) => renderToStaticMarkup(createElement(ActivityItem, { entry }));
    const words = (entry: (typeof entries)[number]) => html(entry).replace(/<[^>]+>/g, "");
    expect(words(leaked)).toMatch(
      new RegExp(
        `^Secret scanning revoked the credential “Shop” \\S+ automatically: found in public at ${url.replace(/\./g, "\\.")}\\d{4}-`,
      ),
    );
    expect(html(leaked)).toContain(`<a href="${url}" target="_blank" rel="noreferrer noopener"`);
    expect(words(notified)).toContain(
      `Secret scanning reported the credential “Shop” ${tokenDisplay}: found in public at javascript:alert(1) (the team only notifies)`,
    );
    // An address that is not a web page is shown, never linked.
    expect(html(notified)).not.toContain("href");
    expect(words(enabled)).toContain(
      `Grace Globex (globex@example.com) enabled the credential “Shop” ${tokenDisplay} (its token was found in public)`,
    );
    expect(words(publicReport)).toContain(
      `Someone holding its token revoked the credential “Shop” ${tokenDisplay} by a public report`,
    );
    expect(words(manual)).toMatch(/^Grace Globex \(globex@example.com\) revoked the credential “Shop” \S+\d{4}-/);
    expect(entries.map(words).join()).not.toContain("A deleted user");
    expect(JSON.stringify(entries)).not.toContain(leakedToken.slice(8, -4));
  });
});
