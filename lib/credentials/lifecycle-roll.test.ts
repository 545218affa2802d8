// Rolling credentials: the chain (old → new), what the new one inherits, what happens to the old one,
// and that a chain never has two current credentials — also when two rolls race.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDatabaseClient, getDb } from "@/db";
import { apiCredentials } from "@/db/schema";
import {
  changeExpiry,
  createCredential,
  getCredential,
  revokeCredential,
  rollCredential,
  setAllowedAddresses,
  setExpiry,
} from ".";
import type { TeamAccess } from "@/lib/teams";
import { seededTeams } from "@/lib/testing";

let access: TeamAccess;

beforeAll(async () => {
  access = (await seededTeams()).owner;
});

const get = (id: string) => getCredential(access, id);
const hoursFromNow = (iso: string | null) => (Date.parse(iso!) - Date.now()) / 3_600_000;

const setExpiresAt = async (id: string, value: string) =>
  setExpiry(await getDb(), eq(apiCredentials.id, id), sql.raw(value));

describe("rolling", () => {
  it("makes a new credential with the same name, allowed addresses and expiry lifetime; the old one ends after the grace", async () => {
    const { credential: a } = await createCredential(access, { name: "ERP", expiry: { choice: "90d" } });
    await setAllowedAddresses(access, { id: a.id, cidrs: ["10.0.0.0/8", "2001:db8::/32"] });
    const { credential: b, previous, token } = await rollCredential(access, { id: a.id, grace: "24h" });

    expect(token.startsWith("pk_test_")).toBe(true);
    expect(b).toMatchObject({
      name: "ERP",
      status: "active",
      allowedAddresses: ["10.0.0.0/8", "2001:db8::/32"],
      replaces: { id: a.id, name: "ERP" },
      replacedBy: null,
    });
    expect(b.tokenDisplay).not.toBe(a.tokenDisplay);
    expect(hoursFromNow(b.expiresAt) / 24).toBeCloseTo(90, 1);
    expect(previous).toMatchObject({
      id: a.id,
      replacedBy: { id: b.id, name: "ERP" },
      replaces: null,
      status: "active",
    });
    expect(hoursFromNow(previous.expiresAt)).toBeCloseTo(24, 1);
    expect(previous.rolledAt).toBe(b.createdAt);
  });

  it("a credential that never expires gives one that never expires", async () => {
    const { credential: a } = await createCredential(access, { name: "Forever" });
    const { credential: b, previous } = await rollCredential(access, { id: a.id, grace: "7d" });
    expect(b.expiresAt).toBeNull();
    expect(hoursFromNow(previous.expiresAt) / 24).toBeCloseTo(7, 1);
  });

  it("rolled twice makes a chain; rolling its first credential again rolls the newest", async () => {
    const { credential: a } = await createCredential(access, { name: "Chain" });
    const { credential: b } = await rollCredential(access, { id: a.id, grace: "1h" });
    const { credential: c, previous: fromB } = await rollCredential(access, { id: b.id, grace: "1h" });
    expect(fromB.id).toBe(b.id);
    const { credential: d, previous: fromA } = await rollCredential(access, { id: a.id, grace: "1h" });
    expect(fromA.id).toBe(c.id);
    expect((await get(a.id)).replacedBy?.id).toBe(b.id);
    expect((await get(b.id)).replacedBy?.id).toBe(c.id);
    expect(await get(c.id)).toMatchObject({ replaces: { id: b.id }, replacedBy: { id: d.id } });
    expect(await get(d.id)).toMatchObject({ replaces: { id: c.id }, replacedBy: null });
  });

  it("two rolls at once leave one current credential in the chain", async () => {
    const { credential: a } = await createCredential(access, { name: "Race" });
    const rollTwiceAtOnce = () =>
      Promise.all([
        rollCredential(access, { id: a.id, grace: "1h" }),
        rollCredential(access, { id: a.id, grace: "1h" }),
      ]);
    const client = await getDatabaseClient();
    let rolls: Awaited<ReturnType<typeof rollTwiceAtOnce>>;
    if (client.kind === "postgres") {
      // Hold the credential's row so both rolls are inside their transactions, waiting, before either goes on.
      const holder = await client.pool.connect();
      try {
        await holder.query("begin");
        await holder.query("select id from api_credentials where id = $1 for update", [a.id]);
        const both = rollTwiceAtOnce();
        for (let waiting = 0; waiting < 2;) {
          await new Promise((r) => setTimeout(r, 20));
          await holder.query("select pg_stat_clear_snapshot()"); // else the view stays as this transaction first saw it
          const { rows } = await holder.query(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          waiting = rows[0].n;
        }
        await holder.query("commit");
        rolls = await both;
      } finally {
        holder.release();
      }
    } else {
      rolls = await rollTwiceAtOnce(); // PGlite runs one transaction at a time
    }
    const [first, second] = rolls;
    const previousIds = new Set([first.previous.id, second.previous.id]);
    expect(previousIds.size).toBe(2); // the second rolled the first's new credential, not the same old one
    const chain = [a.id, first.credential.id, second.credential.id];
    const current = (await Promise.all(chain.map(get))).filter((c) => c.replacedBy === null);
    expect(current).toHaveLength(1);
  });

  it("never lengthens the old token's life: an expired credential stays expired, a revoked one stays revoked", async () => {
    const { credential: expired } = await createCredential(access, { name: "Leaked, expired" });
    await setExpiresAt(expired.id, "now() - interval '1 hour'");
    const { credential: fresh, previous } = await rollCredential(access, { id: expired.id, grace: "7d" });
    expect(hoursFromNow(previous.expiresAt)).toBeLessThan(-0.9);
    expect(fresh.status).toBe("active");

    const { credential: soon } = await createCredential(access, { name: "Ends in 2 hours" });
    await setExpiresAt(soon.id, "now() + interval '2 hours'");
    expect(hoursFromNow((await rollCredential(access, { id: soon.id, grace: "24h" })).previous.expiresAt)).toBeLessThan(
      2.1,
    );

    const { credential: revoked } = await createCredential(access, { name: "Leaked, revoked" });
    await revokeCredential(access, { id: revoked.id });
    const rolled = await rollCredential(access, { id: revoked.id, grace: "1h" });
    expect(rolled.previous.status).toBe("revoked");
    expect(rolled.credential.status).toBe("active");
  });

  it('"Now" ends the old credential at the roll, and Change expiry can extend it again', async () => {
    const { credential: a } = await createCredential(access, { name: "Now" });
    const { previous } = await rollCredential(access, { id: a.id, grace: "now" });
    expect(previous.expiresAt).toBe(previous.rolledAt);
    const extended = await changeExpiry(access, { id: a.id, expiry: { choice: "7d" } });
    expect(hoursFromNow(extended.expiresAt) / 24).toBeCloseTo(7, 1);
    expect(extended.replacedBy).not.toBeNull();
  });
});
