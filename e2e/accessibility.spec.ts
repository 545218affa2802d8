// axe-core on the screens that e2e/screen-sizes.spec.ts does not already scan at every size (it scans
// the credentials page, its dialogs and row menu, members, the invite dialog, activity and the phone's
// drawer at 390, 768 and 1280 pixels), and on a rolled credential's page and its dialogs: no serious
// or critical violation.
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { chooseRowAction, closeTokenDialog, createAndClose, uniqueName } from "./credentials-page";
import { callMe, credentialsUrl, demoAccounts, newClientAddress, storageStateOf, useSavedSession } from "./helpers";

// Toasts fade in and out; a scan that caught one half-transparent would report poor contrast
// for a frame no one reads. Users who ask for reduced motion get no fades (sonner honours it).
test.use({ reducedMotion: "reduce" });

test("a read-only member's view has no serious accessibility violations", async ({ page }) => {
  await useSavedSession(page, "viewer@example.com");
  await page.goto(credentialsUrl("acme", "live"));
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the sign-in and sign-up pages have no serious accessibility violations", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto("/signup");
  await expect(page.getByLabel("Password")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("a rolled credential's page and list, and the roll, change-expiry and allowed-address dialogs, have no serious accessibility violations", async ({
  page,
  browser,
  request,
}) => {
  test.slow(); // eight axe scans
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Accessible roll");
  const token = await createAndClose(page, name, { expires: "In 7 days" });
  const address = newClientAddress();
  expect((await callMe(request, token, address)).status()).toBe(200);

  await chooseRowAction(page, name, "Roll");
  const roll = page.getByRole("dialog", { name: `Roll “${name}”` });
  await expect(roll.getByRole("radiogroup", { name: "Old token stops working" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await roll.getByRole("radio", { name: "In 24 hours" }).check();
  await roll.getByRole("button", { name: "Roll" }).click();
  await expect(page.getByRole("dialog", { name: `“${name}” is ready` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await closeTokenDialog(page, name);
  // The list with a replaced row and (for the new one, 7 days) the banner.
  await expect(page.getByText(`Replaced by ${name}`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("row").filter({ hasText: "Replaced by" }).getByRole("rowheader").getByRole("link").click();
  await expect(page.getByRole("heading", { name: `Replaced by ${name}` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "Change expiry" }).click();
  const change = page.getByRole("dialog", { name: `Change expiry of “${name}”` });
  await change.getByLabel("Expires").selectOption({ label: "On a date…" });
  await expect(change.getByLabel("Expiry date")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "End now" }).click();
  await expect(page.getByRole("alertdialog", { name: `End “${name}” now?` })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("definition").filter({ hasText: `from ${address}` })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.getByRole("textbox", { name: "Allowed IP addresses" }).fill("10.0.0.0/8");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alertdialog", { name: "Refuse the address of the last request?" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  const viewer = await (
    await browser.newContext({ storageState: storageStateOf(demoAccounts.viewer), reducedMotion: "reduce" })
  ).newPage();
  await viewer.goto(page.url());
  await expect(viewer.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  expect(await seriousViolations(viewer)).toEqual([]);
});
