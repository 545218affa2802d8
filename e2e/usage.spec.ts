// Usage as members see it: a new token's calls in its "Requests" chart, the list's "Requests (24 h)"
// column and the team's Usage page (after a flush: the e2e server flushes every 500 ms,
// USAGE_FLUSH_INTERVAL_MS in scripts/e2e-server.mjs); a read-only member sees all of it; both
// screens fit a phone and a laptop with no serious axe violation; and the server flushes on SIGTERM.
import { expect, test, type Locator, type Page } from "@playwright/test";
import pg from "pg";
import { displayToken, generateToken, hashToken } from "@/lib/credentials/tokens";
import { seriousViolations } from "./axe";
import { createAndClose, credentialRow, openCredentialPage, revokeCredential, uniqueName } from "./credentials-page";
import {
  callMe,
  credentialsUrl,
  demoAccounts,
  expectNoSidewaysScroll,
  newClientAddress,
  useSavedSession,
} from "./helpers";
import { scratchDatabase, startInstance } from "./instances";

const usageUrl = (team: string, env: "test" | "live") => `/dashboard/${team}/${env}/developers/usage`;

/** The row's cell under the column headed `header`. */
async function cellUnder(page: Page, row: Locator, header: string): Promise<Locator> {
  const headers = await page.getByRole("columnheader").allInnerTexts();
  const index = headers.findIndex((text) => text.trim().toLowerCase() === header.toLowerCase());
  expect(index, `a column headed ${header}`).toBeGreaterThan(0);
  return row.getByRole("cell").nth(index - 1); // the first column is the row's header
}

/** The value shown under a total's name in a "Requests" section. */
const total = (region: Locator, name: string) =>
  region
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${name}$`) })
    .locator("xpath=following-sibling::dd[1]");

/** Reloads until `check` passes: counts reach the database within the flush interval. */
async function afterFlush(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000 });
}

async function newTeam(page: Page, name: string): Promise<string> {
  await page.goto("/dashboard/new-team");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/test\/developers\/api-credentials$/);
  return new URL(page.url()).pathname.split("/")[2];
}

test("a new token's calls show in its Requests chart, the list's column and the Usage page, refusals included", async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await useSavedSession(page, demoAccounts.owner);
  // A team of its own: its Usage page holds this test's credentials only.
  const team = await newTeam(page, uniqueName("Usage E2E"));
  const name = uniqueName("Parcel tracker");
  const token = await createAndClose(page, name);
  const address = newClientAddress();
  for (let i = 0; i < 3; i++) expect((await callMe(request, token, address)).status()).toBe(200);
  const missing = await request.get("/v1/no-such-endpoint", {
    headers: { Authorization: `Bearer ${token}`, "x-forwarded-for": address },
  });
  expect(missing.status()).toBe(404);

  // The list's column: every outcome of the last 24 hours.
  await afterFlush(page, async () => {
    await expect(await cellUnder(page, credentialRow(page, name), "Requests (24 h)")).toHaveText("4", {
      timeout: 1000,
    });
  });

  // The credential's chart: totals per outcome, the period, the table.
  await openCredentialPage(page, name);
  const requests = page.getByRole("region", { name: "Requests" });
  await expect(total(requests, "Total")).toHaveText("4");
  await expect(total(requests, "Success")).toHaveText("3");
  await expect(total(requests, "Client error \\(4xx\\)")).toHaveText("1");
  await expect(
    requests.getByRole("img", { name: /^Requests in the last 24 hours \(UTC\): 3 success, 1 client error \(4xx\)\.$/ }),
  ).toBeVisible();
  await expect(requests.locator(".recharts-bar-rectangle").first()).toBeVisible(); // the bars are drawn
  const period = requests.getByRole("radiogroup", { name: "Period" });
  await expect(period.getByRole("radio", { name: "24 hours" })).toBeChecked();
  await period.getByRole("radio", { name: "7 days" }).check();
  await expect(requests.getByRole("img", { name: /^Requests in the last 7 days/ })).toBeVisible();
  await expect(total(requests, "Total")).toHaveText("4");
  await requests.getByRole("button", { name: "Show as table" }).click();
  const table = requests.getByRole("table", { name: "Requests in the last 7 days, by day (UTC)" });
  await expect(table.getByRole("row")).toHaveCount(8); // the header and 7 days
  const today = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" }).format(
    new Date(),
  );
  await expect(table.getByRole("row", { name: new RegExp(`^${today} 3 1 4$`) })).toBeVisible();
  await requests.getByRole("button", { name: "Hide table" }).click();
  await expect(table).toBeHidden();

  // Revoked and still called: the Usage page lists it under refused.
  await page.goto(credentialsUrl(team, "test"));
  await revokeCredential(page, name);
  for (let i = 0; i < 2; i++) expect((await callMe(request, token, address)).status()).toBe(401);
  await page.goto(usageUrl(team, "test"));
  await afterFlush(page, async () => {
    const refused = page.getByRole("table", { name: "Credentials with refused requests in the last 24 hours" });
    await expect(refused.getByRole("row", { name: new RegExp(`^${name} 2 2$`) })).toBeVisible({ timeout: 1000 });
  });
  const top = page.getByRole("table", { name: "Most used credentials in the last 30 days" });
  await expect(top.getByRole("row", { name: new RegExp(`^${name} 6 2$`) })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "Requests per day" })
      .getByRole("img", { name: /3 success, 1 client error \(4xx\), 2 revoked\.$/ }),
  ).toBeVisible();
  // The link leads to the credential's page.
  await top.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
});

test("a read-only member sees the Usage page and a credential's Requests, from the demo's week of usage", async ({
  page,
}) => {
  await useSavedSession(page, demoAccounts.viewer);
  await page.goto(credentialsUrl("acme", "test"));
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Usage" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Usage" })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Most used credentials in the last 30 days" })
      .getByRole("link", { name: "Warehouse sync" }),
  ).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Credentials with refused requests in the last 24 hours" })
      .getByRole("link", { name: "Old ERP key" }),
  ).toBeVisible();
  await page.getByRole("link", { name: "Warehouse sync" }).click();
  const requests = page.getByRole("region", { name: "Requests" });
  await expect(total(requests, "Success")).not.toHaveText("0");
  await requests.getByRole("radiogroup", { name: "Period" }).getByRole("radio", { name: "30 days" }).check();
  await expect(
    requests.getByRole("img", { name: /^Requests in the last 30 days \(UTC\): [\d,]+ success/ }),
  ).toBeVisible();
});

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`the Usage page and a credential's Requests fit ${viewport.width} px with no serious axe violation`, async ({
    page,
  }) => {
    test.slow(); // four axe scans
    await page.setViewportSize(viewport);
    await useSavedSession(page, demoAccounts.owner);
    await page.goto(usageUrl("acme", "test"));
    await expect(
      page.getByRole("region", { name: "Requests per day" }).locator(".recharts-bar-rectangle").first(),
    ).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("region", { name: "Requests per day" }).getByRole("button", { name: "Show as table" }).click();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("link", { name: "Old ERP key" }).first().click();
    const requests = page.getByRole("region", { name: "Requests" });
    await expect(requests.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const period = requests.getByRole("radiogroup", { name: "Period" });
    await period.scrollIntoViewIfNeeded();
    await expect(period).toBeInViewport({ ratio: 1 });
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    await requests.getByRole("button", { name: "Show as table" }).click();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test("the dashboard's server (dist/server.js) writes its last counts when it is stopped", async ({ request }) => {
  test.setTimeout(90_000);
  const database = await scratchDatabase();
  // An hour between flushes: the counts can only reach the database through the SIGTERM flush.
  const server = await startInstance(
    Number(process.env.E2E_PORT || 3210) + 5,
    { DATABASE_URL: database.url, USAGE_FLUSH_INTERVAL_MS: "3600000" },
    ["--demo"],
  );
  const db = new pg.Client({ connectionString: database.url });
  try {
    await db.connect();
    const token = generateToken("test");
    const [{ id }] = (
      await db.query<{ id: string }>(
        "insert into api_credentials (team_id, environment, name, token_hash, token_display) select id, 'test', 'Shutdown flush', $1, $2 from teams where slug = 'acme' returning id",
        [hashToken(token), displayToken(token)],
      )
    ).rows;
    for (let i = 0; i < 5; i++)
      expect(
        (await request.get(`${server.url}/v1/me`, { headers: { Authorization: `Bearer ${token}` } })).status(),
      ).toBe(200);
    const counted = async () =>
      Number(
        (await db.query("select coalesce(sum(count), 0) as n from credential_usage where credential_id = $1", [id]))
          .rows[0].n,
      );
    expect(await counted()).toBe(0); // still in the server's memory
    await server.stop();
    expect(await counted()).toBe(5);
  } finally {
    await db.end();
    await server.stop();
    await database.drop();
  }
});
