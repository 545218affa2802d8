// Names: two credentials may share one, but the create and rename dialogs say so as the name is
// typed; renaming to the name it already has changes nothing and records nothing.
import { expect, test, type Page } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  createAndClose,
  credentialRow,
  rowActions,
  uniqueName,
} from "./credentials-page";
import { credentialsUrl, useSavedSession } from "./helpers";

test.beforeEach(async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
});

const sameName = (name: string) => `Another credential is already named “${name}”.`;

/** The answer to "is this name taken?" for `name`, once the dialog has asked the server. */
const nameCheckAnswered = (page: Page, name: string) =>
  page.waitForResponse(
    (response) =>
      response.request().method() === "POST" &&
      (response.request().postData() ?? "").includes(`"exceptId":`) &&
      (response.request().postData() ?? "").includes(JSON.stringify(name)),
  );

test("the create dialog says another credential has the name being typed, whatever its case, and creates it all the same", async ({
  page,
}) => {
  const name = uniqueName("Twin");
  await createAndClose(page, name);

  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  const field = form.getByLabel("Name");
  await field.fill(name.toUpperCase());
  await expect(form.getByText(sameName(name))).toBeVisible();
  await expect(field).toHaveAccessibleDescription(new RegExp(sameName(name)));
  await field.fill(`${name} staging`);
  await expect(form.getByText(/Another credential is already named/)).toHaveCount(0);

  await field.fill(name);
  await expect(form.getByText(sameName(name))).toBeVisible();
  await expect(field).not.toHaveAttribute("aria-invalid");
  await form.getByRole("button", { name: "Create" }).click();
  await closeTokenDialog(page, name);
  await expect(credentialRow(page, name)).toHaveCount(2);
});

test("the rename dialog says when another credential has the new name, never about its own", async ({ page }) => {
  const name = uniqueName("Renamed twin");
  const other = uniqueName("Other twin");
  await createAndClose(page, name);
  await createAndClose(page, other);

  // The dialog opens with the credential's own name, and asks about it at once: no warning.
  const answered = nameCheckAnswered(page, name);
  await chooseRowAction(page, name, "Rename");
  const dialog = page.getByRole("dialog", { name: `Rename “${name}”` });
  const field = dialog.getByLabel("Name");
  await answered;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(dialog.getByText(/Another credential is already named/)).toHaveCount(0);

  await field.fill(other);
  await expect(dialog.getByText(sameName(other))).toBeVisible();
  await expect(field).toHaveAccessibleDescription(new RegExp(sameName(other)));
  await field.fill(name);
  await expect(dialog.getByText(/Another credential is already named/)).toHaveCount(0);
});

test("renaming to the name it already has closes the dialog without a call to the server, and the activity shows no rename", async ({
  page,
}) => {
  const name = uniqueName("Unchanged");
  await createAndClose(page, name);
  // A change to a credential posts its id; the name check posts `exceptId`, the list its filters.
  const changes: string[] = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.headers()["next-action"] && (request.postData() ?? "").includes(`"id":`))
      changes.push(request.postData()!);
  });

  await chooseRowAction(page, name, "Rename");
  const dialog = page.getByRole("dialog", { name: `Rename “${name}”` });
  await dialog.getByLabel("Name").fill(` ${name} `);
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(rowActions(page, name)).toBeFocused();
  expect(changes).toEqual([]);

  await page.goto("/dashboard/acme/test/activity");
  const entries = page
    .getByRole("list", { name: "Activity" })
    .getByRole("listitem")
    .filter({ hasText: `“${name}”` });
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText(`created the credential “${name}”`);
});
