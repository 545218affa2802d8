// Where keyboard focus lands after each change of a row: back on that row's "Actions for …" button,
// on a neighbour's after a delete, and on the name field after a refused name.
import { expect, test } from "@playwright/test";
import { chooseRowAction, confirm, createAndClose, listedNames, rowActions, uniqueName } from "./credentials-page";
import { credentialsUrl, useSavedSession } from "./helpers";

test.beforeEach(async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
});

test("after Rename, Revoke and Enable, saved or cancelled, focus is back on the row's Actions button", async ({
  page,
}) => {
  const name = uniqueName("Focus");
  const renamed = uniqueName("Focus renamed");
  await createAndClose(page, name);

  await chooseRowAction(page, name, "Rename");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(rowActions(page, name)).toBeFocused();

  await chooseRowAction(page, name, "Rename");
  const rename = page.getByRole("dialog", { name: `Rename “${name}”` });
  await rename.getByLabel("Name").fill(renamed);
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename).toHaveCount(0);
  await expect(rowActions(page, renamed)).toBeFocused();

  await chooseRowAction(page, renamed, "Revoke");
  await page
    .getByRole("alertdialog", { name: `Revoke “${renamed}”?` })
    .getByRole("button", { name: "Cancel" })
    .click();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(rowActions(page, renamed)).toBeFocused();

  await chooseRowAction(page, renamed, "Revoke");
  await confirm(page, `Revoke “${renamed}”?`, "Revoke");
  await expect(page.getByText(`Revoked “${renamed}”.`)).toBeVisible();
  await expect(rowActions(page, renamed)).toBeFocused();

  await chooseRowAction(page, renamed, "Enable");
  await expect(page.getByText(`Enabled “${renamed}”.`)).toBeVisible();
  await expect(rowActions(page, renamed)).toBeFocused();
});

test("after a delete, focus moves to the next row's Actions button, the previous one after the last row, and New API credential when none is left", async ({
  page,
}) => {
  // Three credentials made and deleted through the UI: 12 server round trips, about 1 s each with a CI run on
  // the other core (measured from the traces), so the default 30 s is too tight.
  test.slow();
  const tag = uniqueName("Neighbours").split(" ")[1];
  for (const letter of ["A", "B", "C"]) await createAndClose(page, `${letter} ${tag}`);
  await page.getByLabel("Filter by name").fill(tag);
  await expect(page.getByText("3 credentials match these filters.")).toBeVisible();
  const [first, middle, last] = await listedNames(page);

  async function deleteRow(name: string) {
    await chooseRowAction(page, name, "Delete");
    await confirm(page, `Delete “${name}”?`, "Delete");
    await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
  }

  await deleteRow(middle);
  await expect(rowActions(page, last)).toBeFocused();
  await deleteRow(last);
  await expect(rowActions(page, first)).toBeFocused();
  await deleteRow(first);
  await expect(page.getByText("No credentials match these filters.")).toBeVisible();
  await expect(page.getByRole("button", { name: "New API credential" })).toBeFocused();
});

test("a refused name puts focus on the Name field, in the rename and the create dialog", async ({ page }) => {
  const name = uniqueName("Refused");
  await createAndClose(page, name);

  await chooseRowAction(page, name, "Rename");
  const rename = page.getByRole("dialog", { name: `Rename “${name}”` });
  await rename.getByLabel("Name").fill("");
  await rename.getByRole("button", { name: "Save" }).click();
  await expect(rename.getByText("Enter a name.")).toBeVisible();
  await expect(rename.getByLabel("Name")).toBeFocused();
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "New API credential" }).click();
  const create = page.getByRole("dialog", { name: "New API credential" });
  await create.getByLabel("Name").fill("x".repeat(65));
  await create.getByRole("button", { name: "Create" }).click();
  await expect(create.getByText("Use at most 64 characters.")).toBeVisible();
  await expect(create.getByLabel("Name")).toBeFocused();
});
