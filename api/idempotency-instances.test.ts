// Idempotency keys hold across instances: two API processes (api/standalone.ts) on one scratch
// PostgreSQL database, a client retrying through a load balancer that alternates between them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { insertTeamWithCredential, parcel as shipment, postShipment } from "./scratch-fixtures";
import { scratchDatabase, startStandaloneApi, type Instance } from "@/e2e/instances";

let a: Instance, b: Instance, drop: () => Promise<void>, db: pg.Client;
let token: string;

beforeAll(async () => {
  const database = await scratchDatabase();
  drop = database.drop;
  a = await startStandaloneApi(database.url); // migrates the scratch database
  b = await startStandaloneApi(database.url);
  db = new pg.Client({ connectionString: database.url });
  await db.connect();
  ({ token } = await insertTeamWithCredential(db, "two-instances", "Two Instances Co"));
}, 120_000);

afterAll(async () => {
  await db?.end();
  await Promise.all([a?.stop(), b?.stop()]);
  await drop?.();
});

const parcel = shipment("TWO-INSTANCES");

const post = (instance: Instance, key: string, body: unknown = parcel) =>
  postShipment(instance.url, token, key, body, "203.0.113.9");

describe("Idempotency-Key across two instances on one PostgreSQL", () => {
  it("racing requests through both instances make one shipment; a later retry on either is a replay", async () => {
    const key = "race-across-instances";
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? b : a, key)));
    const statuses = answers.map((res) =>
      res.status === 201 && !res.headers.get("idempotent-replayed")
        ? "ran"
        : res.status === 201
          ? "replayed"
          : res.status,
    );
    expect(statuses.filter((s) => s === "ran")).toHaveLength(1);
    expect(statuses.every((s) => s === "ran" || s === "replayed" || s === 409)).toBe(true);
    const first = await answers[statuses.indexOf("ran")].json();

    for (const instance of [a, b]) {
      const retry = await post(instance, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get("idempotent-replayed")).toBe("true");
      expect(await retry.json()).toEqual(first);
    }
    const count = await db.query("select count(*)::int as n from shipments where reference = 'TWO-INSTANCES'");
    expect(count.rows[0].n).toBe(1);
  });

  it("a key used on one instance with another body is refused on the other", async () => {
    expect((await post(a, "reuse-across-instances")).status).toBe(201);
    const reused = await post(b, "reuse-across-instances", { ...parcel, weight_grams: 5000 });
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe("idempotency_key_reused");
  });
});
