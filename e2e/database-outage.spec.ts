// The dashboard with its database gone: a built instance (dist/server.js) whose PostgreSQL is behind a
// fault proxy (e2e/fault-proxy.ts). With the proxy refusing every connection (a stopped server), every
// page says "eCourier is having trouble reaching its database" — not a stack, not a blank — and
// "Try again" brings the page back once the database is.
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { credentialsUrl, DEMO_PASSWORD, demoAccounts, expectNoSidewaysScroll } from "./helpers";
import { startFaultProxy, type FaultProxy } from "./fault-proxy";
import { scratchDatabase, startInstance, type Instance } from "./instances";

const SENTENCE = "eCourier is having trouble reaching its database. Try again in a moment.";
const port = Number(process.env.E2E_PORT || 3210) + 8;

let instance: Instance, proxy: FaultProxy, dropDatabase: () => Promise<void>;

test.describe.configure({ mode: "serial", timeout: 120_000 });

test.beforeAll(async () => {
  const database = await scratchDatabase();
  dropDatabase = database.drop;
  proxy = await startFaultProxy("127.0.0.1:5432");
  instance = await startInstance(port, { DATABASE_URL: proxy.url(database.url) }, ["--demo"]);
});

test.afterAll(async () => {
  proxy?.set("pass");
  await instance?.stop();
  await proxy?.close();
  await dropDatabase?.();
});

test.afterEach(() => proxy.set("pass"));

async function signIn(page: Page) {
  await page.goto(`${instance.url}/login`);
  await page.getByLabel("Email").fill(demoAccounts.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/acme\/test\//);
}

/** The outage page: its heading, the sentence and the button, in the page's main region (Next.js adds a role=alert of its own). */
async function expectOutagePage(page: Page) {
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: "Temporarily unavailable" })).toBeVisible();
  await expect(main.getByText(SENTENCE)).toBeVisible();
  await expect(main.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.getByText(/Application error|Internal Server Error|at \w+ \(/)).toHaveCount(0);
}

test("a signed-in member sees the outage page on every dashboard page and sign-in, and Try again brings the page back", async ({
  page,
}) => {
  await signIn(page);
  const pages = ["/dashboard", credentialsUrl("acme", "test"), "/dashboard/acme/test/settings/members", "/login"];
  proxy.set("refuse");
  for (const path of pages) {
    await page.goto(`${instance.url}${path}`);
    await expectOutagePage(page);
    await expectNoSidewaysScroll(page);
  }
  for (const width of [390, 768, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(`${instance.url}${credentialsUrl("acme", "test")}`);
    await expectOutagePage(page);
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`outage-${width}.png`) }); // kept with the run's results
  }

  proxy.set("pass");
  await page.getByRole("main").getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  await expect(page.getByText(SENTENCE)).toHaveCount(0);
});

test("an action while the database is unreachable answers with the same sentence", async ({ page }) => {
  await signIn(page);
  await page.goto(`${instance.url}${credentialsUrl("acme", "test")}`);
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  proxy.set("refuse");
  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  await form.getByLabel("Name").fill("During the outage");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(page.getByText(SENTENCE).first()).toBeVisible();
});

test("signing in while the database is unreachable says so, rather than “Wrong email or password”", async ({
  page,
}) => {
  proxy.set("refuse");
  await page.goto(`${instance.url}/login`); // signed out: the form needs no database
  await page.getByLabel("Email").fill(demoAccounts.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(SENTENCE).first()).toBeVisible();
  await expect(page.getByText("Wrong email or password.")).toHaveCount(0);
});
