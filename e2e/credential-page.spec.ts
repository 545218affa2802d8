// A credential's own page: what it shows, the way back to the list, a 404 for anything not of this
// team and environment, and a read-only member's view without controls.
import { expect, test, type Browser } from "@playwright/test";
import {
  createAndClose,
  credentialRow,
  expectNoManageControls,
  masked,
  openCredentialPage,
  uniqueName,
} from "./credentials-page";
import { callMe, credentialsUrl, demoAccounts, newClientAddress, storageStateOf, useSavedSession } from "./helpers";

async function signedIn(browser: Browser, email: string) {
  const context = await browser.newContext({ storageState: storageStateOf(email) });
  return context.newPage();
}

test("the name in the list opens the credential's page, which shows what it is and leads back", async ({
  page,
  request,
}) => {
  test.slow(); // a dozen page loads
  await useSavedSession(page, demoAccounts.owner);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Warehouse scanner");
  const token = await createAndClose(page, name);
  const address = newClientAddress();
  expect((await callMe(request, token, address)).status()).toBe(200);

  await openCredentialPage(page, name);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText(name);
  const detail = (term: string) =>
    page
      .getByRole("term")
      .filter({ hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]");
  await expect(detail("Token")).toHaveText(masked(token));
  await expect(detail("Status")).toHaveText("Active");
  await expect(detail("Environment")).toHaveText("Test");
  await expect(detail("Expires")).toHaveText("Never");
  await expect(detail("Created")).toContainText("by Olivia Owner");
  await expect(async () => {
    await page.reload();
    await expect(detail("Last used")).toContainText(`from ${address}`, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  for (const action of ["Rename", "Roll", "Change expiry", "Revoke", "Delete"]) {
    await expect(page.getByRole("button", { name: action, exact: true })).toBeVisible();
  }

  // The same actions as the row: renamed here, the page and the list say so.
  const renamed = uniqueName("Scanner");
  await page.getByRole("button", { name: "Rename", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Rename “${name}”` });
  await dialog.getByLabel("Name").fill(renamed);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: renamed, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename", exact: true })).toBeFocused();

  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "API Credentials" }).click();
  await expect(page).toHaveURL(credentialsUrl("acme", "test"));
  await openCredentialPage(page, renamed);

  // Deleted from its page: back to the list, where it is gone.
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await page
    .getByRole("alertdialog", { name: `Delete “${renamed}”?` })
    .getByRole("button", { name: "Delete" })
    .click();
  await expect(page.getByText(`Deleted “${renamed}”.`)).toBeVisible();
  await expect(page).toHaveURL(credentialsUrl("acme", "test"));
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  await expect(credentialRow(page, renamed)).toHaveCount(0);
});

test("a credential's page is a 404 in another team, in the other environment, and for an unknown id", async ({
  page,
}) => {
  test.slow(); // six page loads
  // Dana Developer is a member of both teams: Acme (Developer) and Globex (Read-only).
  await useSavedSession(page, demoAccounts.developer);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Acme only");
  await createAndClose(page, name);
  await openCredentialPage(page, name);
  const id = page.url().split("/").pop()!;

  for (const url of [
    `${credentialsUrl("globex", "test")}/${id}`,
    `${credentialsUrl("acme", "live")}/${id}`,
    `${credentialsUrl("acme", "test")}/00000000-0000-4000-8000-000000000000`,
    `${credentialsUrl("acme", "test")}/not-a-credential`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(name)).toHaveCount(0);
  }
});

test("a read-only member sees the whole page and no control", async ({ browser }) => {
  const owner = await signedIn(browser, demoAccounts.owner);
  await owner.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Fenced for viewers");
  const token = await createAndClose(owner, name);
  await openCredentialPage(owner, name);
  await owner.getByRole("textbox", { name: "Allowed IP addresses" }).fill("203.0.113.0/24\n2001:db8::/32");
  await owner.getByRole("button", { name: "Save" }).click();
  await expect(owner.getByText(`Saved. “${name}” is accepted only from the addresses listed.`)).toBeVisible();

  const viewer = await signedIn(browser, demoAccounts.viewer);
  await viewer.goto(owner.url());
  await expect(viewer.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
  await expect(viewer.getByText(masked(token))).toBeVisible();
  await expect(viewer.getByText("Your role (Read-only) can view this credential but not change it.")).toBeVisible();
  const allowed = viewer.getByRole("list", { name: "Allowed IP addresses" });
  await expect(allowed.getByRole("listitem")).toHaveText(["203.0.113.0/24", "2001:db8::/32"]);
  await expect(viewer.getByRole("textbox")).toHaveCount(0);
  await expectNoManageControls(viewer);
});
