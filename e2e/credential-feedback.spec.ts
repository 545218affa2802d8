// What the page says while the server is slow (every action call held 3 s), and the Name field's limit.
import { expect, test } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  createAndClose,
  credentialRow,
  slowServerActions,
  uniqueName,
} from "./credentials-page";
import { credentialsUrl, useSavedSession } from "./helpers";

test.beforeEach(async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
});

test("while a slow create or rename is under way, its button says so and the name cannot be edited", async ({
  page,
}) => {
  test.setTimeout(60_000);
  await slowServerActions(page);
  const name = uniqueName("Slow");
  const renamed = uniqueName("Slow renamed");

  await page.getByRole("button", { name: "New API credential" }).click();
  const create = page.getByRole("dialog", { name: "New API credential" });
  await create.getByLabel("Name").fill(name);
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByRole("button", { name: "Creating…" })).toBeDisabled();
  await expect(create.getByLabel("Name")).not.toBeEditable();
  await closeTokenDialog(page, name);
  await expect(credentialRow(page, name)).toBeVisible();

  await chooseRowAction(page, name, "Rename");
  const rename = page.getByRole("dialog", { name: `Rename “${name}”` });
  await rename.getByLabel("Name").fill(renamed);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByRole("button", { name: "Saving…" })).toBeDisabled();
  await expect(rename.getByLabel("Name")).not.toBeEditable();
  // Every action call is held 3 s and a page sends them one at a time: the Name field's same-name
  // check, the save and the list's refresh queue behind each other, so the dialog can take 9 s and
  // more on a loaded machine (it took just over 15 s once, with one core kept busy, on PGlite).
  await expect(rename).toHaveCount(0, { timeout: 30_000 });
  await expect(credentialRow(page, renamed)).toBeVisible();
});

test("while a slow revoke, enable or delete is under way, the page says what it is doing", async ({ page }) => {
  test.setTimeout(60_000);
  const name = uniqueName("Slow row");
  await createAndClose(page, name);
  await slowServerActions(page);
  const row = credentialRow(page, name);

  await chooseRowAction(page, name, "Revoke");
  const revoke = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
  await revoke.getByRole("button", { name: "Revoke" }).click();
  await expect(revoke.getByRole("button", { name: "Revoking…" })).toBeDisabled();
  await expect(revoke).toHaveCount(0, { timeout: 15_000 });
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();

  await chooseRowAction(page, name, "Enable");
  await expect(row.getByText("Enabling…")).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByText("Enabling…")).toHaveCount(0);

  await chooseRowAction(page, name, "Delete");
  const remove = page.getByRole("alertdialog", { name: `Delete “${name}”?` });
  await remove.getByRole("button", { name: "Delete" }).click();
  await expect(remove.getByRole("button", { name: "Deleting…" })).toBeDisabled();
  await expect(row).toHaveCount(0, { timeout: 15_000 });
});

test("while the filtered list loads, the rows shown are not counted as matches", async ({ page }) => {
  test.setTimeout(60_000);
  const tag = uniqueName("Filtered").split(" ")[1];
  await createAndClose(page, `Match ${tag}`);
  await slowServerActions(page);

  await page.getByLabel("Filter by name").fill(tag);
  await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeVisible();
  await expect(page.getByText(/match(es)? these filters/)).toHaveCount(0);

  await expect(page.getByText("1 credential matches these filters.")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("Loading…")).toHaveCount(0);
  await expect(page.getByRole("rowheader")).toHaveText([`Match ${tag}`]);
});

test("the Name field says its limit, and counts from 50 characters on; the server still refuses a longer name", async ({
  page,
}) => {
  await page.getByRole("button", { name: "New API credential" }).click();
  const create = page.getByRole("dialog", { name: "New API credential" });
  const field = create.getByLabel("Name");
  await expect(field).toHaveAccessibleDescription(/Up to 64 characters\./);

  await field.fill("x".repeat(49));
  await expect(create.getByText(/\/64/)).toHaveCount(0);
  await field.fill("x".repeat(50));
  await expect(create.getByText("50/64")).toBeVisible();
  await field.pressSequentially("yz");
  await expect(create.getByText("52/64")).toBeVisible();
  // Counted as the server counts: one emoji is one character.
  await field.fill("🚚".repeat(64));
  await expect(create.getByText("64/64")).toBeVisible();
  await field.fill("x".repeat(70));
  await expect(create.getByText("70/64")).toBeVisible();
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByText("Use at most 64 characters.")).toBeVisible();
});
