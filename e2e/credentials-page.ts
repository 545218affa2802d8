// Steps on the API Credentials page, in the words a user would use.
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./helpers";

/** A name no other test (or earlier run on the same database) uses. */
export const uniqueName = (base: string) => `${base} ${Math.random().toString(36).slice(2, 7)}`;

export const masked = (token: string) => `${token.slice(0, 12)}…${token.slice(-4)}`;

export const credentialRow = (page: Page, name: string) =>
  page.getByRole("row").filter({ has: page.getByRole("rowheader", { name, exact: true }) });

/** The row's "⋯" button, which opens its menu of actions (Rename, Roll, Change expiry, Revoke or Enable, Delete). */
export const rowActions = (page: Page, name: string) =>
  credentialRow(page, name).getByRole("button", { name: `Actions for ${name}`, exact: true });

/** Opens the row's menu of actions and picks one. */
export type RowAction = "Rename" | "Roll" | "Change expiry" | "End now" | "Revoke" | "Enable" | "Delete";

export async function chooseRowAction(page: Page, name: string, action: RowAction) {
  await rowActions(page, name).click();
  await page
    .getByRole("menu", { name: `Actions for ${name}` })
    .getByRole("menuitem", { name: action, exact: true })
    .click();
}

/** Answers "Confirm your password" (sudo mode for Live changes) and waits until it has closed. */
export async function confirmPassword(page: Page, password = DEMO_PASSWORD) {
  const dialog = page.getByRole("dialog", { name: "Confirm your password" });
  await dialog.getByLabel("Password").fill(password);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toHaveCount(0);
}

export type CreateOptions = {
  /** The change is expected to ask for the password first (Live, no recent confirmation). */
  confirmingPassword?: boolean;
  /** An "Expires" choice other than "Never", by its label ("In 7 days"). */
  expires?: string;
};

/** Creates a credential through the dialog and returns the token it shows, leaving the dialog open. */
export async function createCredential(
  page: Page,
  name: string,
  { confirmingPassword = false, expires }: CreateOptions = {},
): Promise<string> {
  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  await form.getByLabel("Name").fill(name);
  if (expires) await form.getByLabel("Expires").selectOption({ label: expires });
  await form.getByRole("button", { name: "Create" }).click();
  if (confirmingPassword) await confirmPassword(page);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  const token = await reveal.getByRole("textbox", { name: "Token" }).inputValue();
  expect(token).toMatch(/^pk_(test|live)_[0-9A-Za-z]{38}$/);
  return token;
}

/** The question asked when a token dialog is closed before its token was copied. */
export const closeWithoutCopying = (page: Page) => page.getByRole("alertdialog", { name: "Close without copying?" });

/**
 * Closes the token dialog with Done. A token not `copied` is first asked about ("Close without
 * copying?"), and the answer is Close; a copied one closes at once.
 */
export async function closeTokenDialog(page: Page, name: string, { copied = false } = {}) {
  await page
    .getByRole("dialog", { name: `“${name}” is ready` })
    .getByRole("button", { name: "Done" })
    .click();
  if (!copied) await closeWithoutCopying(page).getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
}

export async function createAndClose(page: Page, name: string, options?: CreateOptions): Promise<string> {
  const token = await createCredential(page, name, options);
  await closeTokenDialog(page, name);
  await expect(credentialRow(page, name)).toBeVisible();
  return token;
}

export async function renameCredential(page: Page, from: string, to: string) {
  await chooseRowAction(page, from, "Rename");
  const dialog = page.getByRole("dialog", { name: `Rename “${from}”` });
  await dialog.getByLabel("Name").fill(to);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(credentialRow(page, to)).toBeVisible();
}

/**
 * Presses the confirm button of an open confirm dialog and waits until it has closed. While a
 * modal is open the rest of the page is hidden from the accessibility tree, so "the row is gone"
 * would hold before the server had even answered.
 */
export async function confirm(page: Page, title: string, button: string) {
  const dialog = page.getByRole("alertdialog", { name: title });
  await dialog.getByRole("button", { name: button }).click();
  await expect(dialog).toHaveCount(0);
}

export async function revokeCredential(page: Page, name: string) {
  await chooseRowAction(page, name, "Revoke");
  await confirm(page, `Revoke “${name}”?`, "Revoke");
  await expect(page.getByText(`Revoked “${name}”.`)).toBeVisible();
  await expect(credentialRow(page, name).getByText("Revoked", { exact: true })).toBeVisible();
}

export async function enableCredential(page: Page, name: string) {
  await chooseRowAction(page, name, "Enable");
  await expect(credentialRow(page, name).getByText("Active", { exact: true })).toBeVisible();
}

export async function deleteCredential(page: Page, name: string) {
  await chooseRowAction(page, name, "Delete");
  await confirm(page, `Delete “${name}”?`, "Delete");
  await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
  await expect(credentialRow(page, name)).toHaveCount(0);
}

export const manageControls = [
  "New API credential",
  "Rename",
  "Roll",
  "Change expiry",
  "End now",
  "Revoke",
  "Enable",
  "Delete",
  "Save",
] as const;

export async function expectNoManageControls(page: Page) {
  for (const name of manageControls) await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Actions for / })).toHaveCount(0);
}

/**
 * Holds every server action call of the page (its POSTs with a Next-Action header) for `ms` before
 * letting it through, as a slow server would: the list's refresh is one of those calls too.
 */
export async function slowServerActions(page: Page, ms = 3_000) {
  await page.route("**/developers/api-credentials", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"])
      await new Promise((resolve) => setTimeout(resolve, ms));
    await route.fallback();
  });
}

/** The names of the rows as listed, top to bottom. */
export const listedNames = (page: Page) => page.getByRole("rowheader").allInnerTexts();

/** Opens a credential's page from its row (the name is a link; the row header stays the name). */
export async function openCredentialPage(page: Page, name: string) {
  await credentialRow(page, name).getByRole("rowheader").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
}
