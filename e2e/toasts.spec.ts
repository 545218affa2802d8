// What the toasts say and when they go: a change refused because the session has ended offers
// "Sign in", which comes back to the same page; toasts about one team or environment go when the
// member switches to another.
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { chooseRowAction, createAndClose, credentialRow, revokeCredential, uniqueName } from "./credentials-page";
import { credentialsUrl, DEMO_PASSWORD, demoAccounts, useSavedSession } from "./helpers";

test.use({ reducedMotion: "reduce" });

const sessionEnded = (page: Page) =>
  page.locator("[data-sonner-toast]").filter({ hasText: "Your session has ended. Sign in again." });

/** The browser loses its session cookie (expired, cleared), as happens to a tab left open. */
const endSession = (page: Page) => page.context().clearCookies();

test("a change after the session has ended offers Sign in, which comes back to the same page", async ({ page }) => {
  test.slow(); // two sign-ins (bcrypt) and an axe scan
  await useSavedSession(page, demoAccounts.owner);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Session ends");
  await createAndClose(page, name);

  // Through a credential change (React Query)…
  await endSession(page);
  await chooseRowAction(page, name, "Revoke");
  await page
    .getByRole("alertdialog", { name: `Revoke “${name}”?` })
    .getByRole("button", { name: "Revoke" })
    .click();
  const toast = sessionEnded(page);
  await expect(toast.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await toast.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(credentialsUrl("acme", "test"))}`);
  await page.getByLabel("Email").fill(demoAccounts.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(credentialsUrl("acme", "test"));
  await expect(credentialRow(page, name).getByText("Active", { exact: true })).toBeVisible();
  await revokeCredential(page, name);

  // …and through a members change (a server-rendered page), with the page's query kept.
  const members = "/dashboard/acme/test/settings/members?from=toast-test";
  await page.goto(members);
  await endSession(page);
  await page.getByRole("combobox", { name: "Role of Victor Viewer" }).selectOption({ label: "Developer" });
  await sessionEnded(page).getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(members)}`);
  await page.getByLabel("Email").fill(demoAccounts.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(members);
  // Nothing was changed while signed out.
  await expect(page.getByRole("combobox", { name: "Role of Victor Viewer" })).toHaveValue("read_only");
});

test("toasts about one team or environment go when switching to another", async ({ page }) => {
  test.slow(); // a credential made, four pages opened
  await useSavedSession(page, demoAccounts.developer);
  await page.goto(credentialsUrl("acme", "test"));
  await createAndClose(page, uniqueName("Switching away")); // so the list has its filters

  // A toast that stays until closed: the session ended while the list was loading (and the member
  // has signed in again since, in another tab say).
  async function showSessionEnded() {
    const cookies = await page.context().cookies();
    await endSession(page);
    await page.getByRole("combobox", { name: "Status" }).selectOption("Revoked");
    await expect(sessionEnded(page)).toBeVisible();
    await page.context().addCookies(cookies);
  }

  await showSessionEnded();
  await page.getByRole("combobox", { name: "Team" }).selectOption({ label: "Globex Freight" });
  await expect(page).toHaveURL(credentialsUrl("globex", "test"));
  await expect(page.getByText("Role in Globex Freight: Read-only")).toBeVisible();
  await expect(sessionEnded(page)).toHaveCount(0);

  await page.goto(credentialsUrl("acme", "test"));
  await showSessionEnded();
  await page.getByRole("radio", { name: "Live" }).check();
  await expect(page).toHaveURL(credentialsUrl("acme", "live"));
  await expect(page.getByTestId("live-mode-banner")).toBeVisible();
  await expect(sessionEnded(page)).toHaveCount(0);
});
