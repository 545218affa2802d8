// Throttles hold across instances: two dist/server.js processes on one PostgreSQL database (and
// again with REDIS_URL), with TRUST_PROXY=1 so each test can be its own client address.
import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { generateToken } from "@/lib/credentials/tokens";
import { asNewClient, DEMO_PASSWORD, demoAccounts } from "./helpers";
import { scratchDatabase, startInstance, type Instance } from "./instances";

const basePort = Number(process.env.E2E_PORT || 3210);
let addressCount = 0;
/** A client address of its own (sent as a proxy would append it), so budgets don't leak between tests. */
const freshAddress = () => `198.51.${100 + (process.pid % 50)}.${++addressCount}`;
const fromAddress = (address: string) => ({ "x-forwarded-for": address });
/** A well-formed token (pattern and checksum right) that matches no credential: it reaches the database. */
const wellFormedGuess = () => generateToken("test");

async function failSignIn(request: APIRequestContext, baseURL: string, email: string, address: string) {
  const { csrfToken } = await (await request.get(`${baseURL}/api/auth/csrf`, { headers: fromAddress(address) })).json();
  const response = await request.post(`${baseURL}/api/auth/callback/credentials`, {
    form: { email, password: `wrong-${randomBytes(4).toString("hex")}`, csrfToken },
    headers: fromAddress(address),
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

async function signInOn(page: Page, baseURL: string, email: string) {
  await page.goto(`${baseURL}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

for (const store of ["PostgreSQL", "Redis"] as const) {
  test.describe(`two instances sharing ${store === "Redis" ? "Redis (REDIS_URL)" : "one PostgreSQL database"}`, () => {
    test.describe.configure({ mode: "serial", timeout: 120_000 });
    let a: Instance, b: Instance, dropDatabase: () => Promise<void>;

    test.beforeAll(async () => {
      const database = await scratchDatabase();
      dropDatabase = database.drop;
      const offset = store === "Redis" ? 3 : 1;
      const env: Record<string, string> = { DATABASE_URL: database.url, TRUST_PROXY: "1" };
      if (store === "Redis")
        Object.assign(env, {
          REDIS_URL: "redis://127.0.0.1:6379",
          REDIS_KEY_PREFIX: `e2e-${randomBytes(6).toString("hex")}`,
        });
      a = await startInstance(basePort + offset, env, ["--demo"]); // seeds the demo data
      b = await startInstance(basePort + offset + 1, env);
    });

    test.afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await dropDatabase?.();
    });

    test("failed /v1 credentials through instance A count on instance B: one budget, not two", async ({ request }) => {
      const address = freshAddress();
      const refused: number[] = [];
      // Round-robin over both, as a load balancer would, until both answer 429.
      for (let i = 0; i < 80; i++) {
        const res = await request.get(`${(i % 2 ? b : a).url}/v1/me`, {
          headers: { ...fromAddress(address), authorization: `Bearer ${wellFormedGuess()}` },
        });
        refused.push(res.status());
        if (refused.slice(-2).every((s) => s === 429) && refused.length >= 2) break;
      }
      const guessed = refused.filter((s) => s === 401).length;
      // One budget of 30 across both (per instance it would be 60), plus at most one guess per other instance.
      expect(guessed).toBeGreaterThanOrEqual(30);
      expect(guessed).toBeLessThanOrEqual(31);
      expect(refused.slice(-2)).toEqual([429, 429]);
      // Another address is not affected.
      expect(
        (
          await request.get(`${b.url}/v1/me`, {
            headers: { ...fromAddress(freshAddress()), authorization: `Bearer ${wellFormedGuess()}` },
          })
        ).status(),
      ).toBe(401);
    });

    test("a sign-in lockout on instance A holds on instance B, except for the owner's known browser", async ({
      page,
      browser,
      request,
    }) => {
      const email = demoAccounts.globex;
      const office = freshAddress();
      // The owner signed in on A once: the browser holds a device cookie (both instances are one host
      // to the browser, so B gets it too). Then only the session cookie is dropped, as a sign-out would.
      await page.setExtraHTTPHeaders(fromAddress(office));
      await signInOn(page, a.url, email);
      await expect(page).toHaveURL(/\/dashboard\/globex\/test\//);
      await page.context().clearCookies({ name: /session-token/ });

      // 5 wrong passwords for the email through A, from the owner's own address (a shared NAT).
      for (let i = 0; i < 5; i++) await failSignIn(request, a.url, email, office);
      // On B, a browser without the device cookie is locked out (per email and address)…
      const stranger = await browser.newPage({ extraHTTPHeaders: fromAddress(office) });
      await signInOn(stranger, b.url, email);
      await expect(stranger.getByTestId("sign-in-error")).toHaveText(
        "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
      );
      // …another account signs in on B as usual…
      await signInOn(stranger, b.url, demoAccounts.viewer);
      await expect(stranger).toHaveURL(/\/dashboard\/acme\/test\//);
      await stranger.close();
      // …and the owner's browser, known since A, signs in on B at once.
      await signInOn(page, b.url, email);
      await expect(page).toHaveURL(/\/dashboard\/globex\/test\//);
    });
  });
}

test("sign-up allows 5 requests an hour from one address, then says to wait", async ({ page }) => {
  await asNewClient(page);
  const signUp = async (n: number) => {
    await page.context().clearCookies();
    await page.goto("/signup");
    await page.getByLabel("Name").fill(`Sam Signup ${n}`);
    await page.getByLabel("Email").fill(`signup-${n}-${randomBytes(4).toString("hex")}@example.com`);
    await page.getByLabel("Password").fill("a-long-enough-password");
    await page.getByRole("button", { name: "Create account" }).click();
  };
  for (let n = 1; n <= 5; n++) {
    await signUp(n);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  }
  await signUp(6);
  await expect(page.getByText(/^Too many sign-ups from your network\. Try again in \d+ minutes?\.$/)).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});
