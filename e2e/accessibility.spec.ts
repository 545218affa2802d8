// axe-core on every screen and dialog: no serious or critical violation.
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { createAndClose, createCredential, uniqueName } from "./credentials-page";
import { credentialsUrl, demoAccounts, storageStateOf, useSavedSession } from "./helpers";

// Toasts fade in and out; a scan that caught one half-transparent would report poor contrast
// for a frame no one reads. Users who ask for reduced motion get no fades (sonner honours it).
test.use({ reducedMotion: "reduce" });

test("the credentials page, the create dialog and the token dialog have no serious accessibility violations", async ({ page }) => {
  test.slow(); // three axe scans of a full page
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  await createAndClose(page, uniqueName("Accessible"));
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "New API credential" }).click();
  await expect(page.getByRole("dialog", { name: "New API credential" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");

  const name = uniqueName("Token dialog");
  await createCredential(page, name);
  await expect(page.getByRole("dialog", { name: `“${name}” is ready` })).toBeVisible();
  await expect(page.getByText(`Created “${name}”.`)).toBeVisible(); // the toast is scanned too
  expect(await seriousViolations(page)).toEqual([]);
});

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

test.describe("as the Owner", () => {
  test.use({ storageState: storageStateOf(demoAccounts.owner) });

  test("the members page and the invite dialog have no serious accessibility violations", async ({ page }) => {
    await page.goto("/dashboard/acme/test/settings/members");
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Invite member" }).click();
    await expect(page.getByRole("dialog", { name: "Invite a member" })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test("the activity page has no serious accessibility violations", async ({ page }) => {
    // Acme's Test log holds the credentials made by the first test of this file.
    await page.goto("/dashboard/acme/test/activity");
    await expect(page.getByRole("list", { name: "Activity" }).getByRole("listitem").first()).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
