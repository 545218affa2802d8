// The activity log end to end: every credential change with who, what, which credential and when,
// newest first, filterable by action, never a token; every member may read it.
import { expect, test } from "@playwright/test";
import {
  createAndClose,
  deleteCredential,
  enableCredential,
  renameCredential,
  revokeCredential,
} from "./credentials-page";
import { credentialsUrl, demoAccounts, storageStateOf } from "./helpers";

const suffix = () => Math.random().toString(36).slice(2, 7);

test.describe("owner@example.com", () => {
  test.use({ storageState: storageStateOf(demoAccounts.owner) });

  test("sees each credential change in a new team's Test activity, newest first, filterable, with no token", async ({
    page,
  }) => {
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
    const token = await createAndClose(page, first);
    await renameCredential(page, first, second);
    await revokeCredential(page, second);
    await enableCredential(page, second);
    await deleteCredential(page, second);

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
    for (const entry of await entries.all())
      await expect(entry.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
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
