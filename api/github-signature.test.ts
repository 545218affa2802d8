import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { GitHubKeys } from "./github-signature";

const key = (id: string) => {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  return {
    id,
    privateKey,
    entry: { key_identifier: id, key: publicKey.export({ type: "spki", format: "pem" }).toString(), is_current: true },
  };
};

describe("GitHubKeys", () => {
  it("after a fetch that did not know an identifier, fetches again only once a minute has passed", async () => {
    const a = key("a");
    const b = key("b");
    let clock = 0;
    let published = [a.entry];
    let fetches = 0;
    const keys = new GitHubKeys(
      "http://keys.test",
      async () => (fetches++, { public_keys: published }),
      () => clock,
    );
    const body = Buffer.from("[]");
    const signedBy = (k: typeof a) =>
      sign("sha256", body, { key: k.privateKey, dsaEncoding: "der" }).toString("base64");

    expect(await keys.verify(body, "a", signedBy(a))).toBe("valid");
    expect(await keys.verify(body, "b", signedBy(b))).toBe("invalid"); // not published yet: a miss
    published = [b.entry, a.entry];
    clock += 59_000;
    expect(await keys.verify(body, "b", signedBy(b))).toBe("invalid");
    expect(fetches).toBe(2);
    clock += 1_000;
    expect(await keys.verify(body, "b", signedBy(b))).toBe("valid");
    expect(fetches).toBe(3);
    expect(await keys.verify(body, "a", signedBy(b))).toBe("invalid"); // b's signature under a's identifier
  });

  it("says the keys are unavailable while no document could be fetched", async () => {
    // The failed fetch is logged; expected here, so kept out of the run's output.
    const quiet = vi.spyOn(console, "error").mockImplementation(() => {});
    onTestFinished(() => quiet.mockRestore());
    const keys = new GitHubKeys("http://keys.test", async () => {
      throw new Error("offline");
    });
    expect(await keys.verify(Buffer.from("[]"), "a", "c2ln")).toBe("keys_unavailable");
  });
});
