import { expect, test } from "@playwright/test";
import { credentialsUrl, demoAccounts, storageStateOf } from "./helpers";

test.describe("developer@example.com", () => {
  test.use({ storageState: storageStateOf(demoAccounts.developer) });

  test("sees exactly their two teams and their role in each", async ({ page }) => {
    await page.goto("/dashboard");
    const team = page.getByRole("combobox", { name: "Team" });
    await expect(team.getByRole("option")).toHaveText(["Acme Logistics", "Globex Freight"]);
    await expect(page.getByText("Role in Acme Logistics: Developer")).toBeVisible();
  });

  test("switching team and environment changes the URL and the page, and a reload keeps both", async ({ page }) => {
    await page.goto(credentialsUrl("acme", "test"));
    await page.getByRole("combobox", { name: "Team" }).selectOption({ label: "Globex Freight" });
    await expect(page).toHaveURL(credentialsUrl("globex", "test"));
    await expect(page.getByText("Role in Globex Freight: Read-only")).toBeVisible();

    await page.getByRole("radio", { name: "Live" }).check();
    await expect(page).toHaveURL(credentialsUrl("globex", "live"));
    await expect(page.getByTestId("live-mode-banner")).toBeVisible();

    await page.reload();
    await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue("globex");
    await expect(page.getByRole("radio", { name: "Live" })).toBeChecked();
    await expect(page.getByTestId("live-mode-banner")).toContainText("Live mode");

    await page.getByRole("radio", { name: "Test" }).check();
    await expect(page).toHaveURL(credentialsUrl("globex", "test"));
    await expect(page.getByTestId("live-mode-banner")).toHaveCount(0);
  });
});

test.describe("viewer@example.com", () => {
  test.use({ storageState: storageStateOf(demoAccounts.viewer) });

  test("sees only Acme Logistics in the team selector", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("combobox", { name: "Team" }).getByRole("option")).toHaveText(["Acme Logistics"]);
    await expect(page.getByText("Role in Acme Logistics: Read-only")).toBeVisible();
  });

  test("gets a 404, not the team's data, for another team's URL or an unknown environment", async ({ page }) => {
    for (const url of [
      credentialsUrl("globex", "test"),
      "/dashboard/globex/live",
      "/dashboard/acme/staging/developers/api-credentials",
      "/dashboard/no-such-team/test",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
      await expect(page.getByText("Globex Freight")).toHaveCount(0);
    }
  });
});

test("after sign-out the dashboard sends you to sign in", async ({ browser }) => {
  const context = await browser.newContext({ storageState: undefined });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(demoAccounts.owner);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(credentialsUrl("acme", "test"));
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto(credentialsUrl("acme", "test"));
  await expect(page).toHaveURL(/\/login\?next=/);
  await context.close();
});
