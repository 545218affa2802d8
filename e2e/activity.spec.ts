// The activity log end to end: every credential change with who, what, which credential and when,
// newest first, filterable by action, never a token; every member may read it.
import { expect, test, type Page } from "@playwright/test";
import { credentialsUrl, demoAccounts, storageStateOf } from "./helpers";

const suffix = () => Math.random().toString(36).slice(2, 7);
const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test.describe("owner@example.com", () => {
  test.use({ storageState: storageStateOf(demoAccounts.owner) });

  test("sees each credential change in a new team's Test activity, newest first, filterable, with no token", async ({ page }) => {
    test.setTimeout(90_000);
    // A team of its own keeps this log free of other tests' changes.
    await page.goto("/dashboard/new-team");
    const teamName = `Activity E2E ${suffix()}`;
    await page.getByLabel("Name").fill(teamName);
    await page.getByRole("button", { name: "Create team" }).click();
    await expect(page).toHaveURL(/\/dashboard\/[^/]+\/test\/developers\/api-credentials$/);
    const team = new URL(page.url()).pathname.split("/")[2];

    const first = `ERP ${suffix()}`;
    const second = `${first} production`;
    await page.getByRole("button", { name: "New API credential" }).click();
    await page.getByRole("dialog", { name: "New API credential" }).getByLabel("Name").fill(first);
    await page.getByRole("dialog", { name: "New API credential" }).getByRole("button", { name: "Create" }).click();
    const token = await page.getByRole("dialog", { name: `“${first}” is ready` }).getByRole("textbox", { name: "Token" }).inputValue();
    expect(token).toMatch(/^pk_test_[0-9A-Za-z]{38}$/);
    await page.getByRole("button", { name: "Done" }).click();

    await row(page, first).getByRole("button", { name: "Rename" }).click();
    await page.getByRole("dialog").getByLabel("Name").fill(second);
    await page.getByRole("dialog").getByRole("button", { name: "Save" }).click();
    await expect(row(page, second)).toBeVisible();
    await row(page, second).getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke" }).click();
    await row(page, second).getByRole("button", { name: "Enable" }).click();
    await expect(row(page, second).getByRole("button", { name: "Revoke" })).toBeVisible();
    await row(page, second).getByRole("button", { name: "Delete" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
    await expect(row(page, second)).toHaveCount(0);

    await page.getByRole("link", { name: "Activity" }).click();
    await expect(page).toHaveURL(`/dashboard/${team}/test/activity`);
    const entries = page.getByRole("list", { name: "Activity" }).getByRole("listitem");
    const by = "Olivia Owner \\(owner@example.com\\)";
    await expect(entries).toHaveText([
      new RegExp(`${by} deleted the credential “${second}”`),
      new RegExp(`${by} enabled the credential “${second}”`),
      new RegExp(`${by} revoked the credential “${second}”`),
      new RegExp(`${by} renamed the credential “${first}” to “${second}”`),
      new RegExp(`${by} created the credential “${first}”`),
    ]);
    for (const entry of await entries.all()) await expect(entry.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    expect(await page.content()).not.toContain(token);

    await page.getByLabel("Action").selectOption({ label: "Credential renamed" });
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/\?action=renamed$/);
    await expect(entries).toHaveCount(1);
    await expect(entries).toContainText(`renamed the credential “${first}” to “${second}”`);

    // Credential events belong to their environment.
    await page.goto(`/dashboard/${team}/live/activity`);
    await expect(page.getByText("No activity yet.")).toBeVisible();
  });
});

test.describe("viewer@example.com", () => {
  test.use({ storageState: storageStateOf(demoAccounts.viewer) });

  test("a Read-only member may read the activity log, and not another team's", async ({ page }) => {
    await page.goto(credentialsUrl("acme", "test"));
    await page.getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();
    const response = await page.goto("/dashboard/globex/test/activity");
    expect(response?.status()).toBe(404);
  });
});
