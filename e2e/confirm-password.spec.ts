// Sudo mode: in Live, creating a credential asks "Confirm your password" and then carries on with what
// was typed; a wrong password is said so; Cancel changes nothing; Test never asks. Each test signs in a
// session of its own, so that no earlier confirmation (in a shared saved session) skips the question.
import { expect, test, type Page } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  confirmPassword,
  createAndClose,
  credentialRow,
  deleteCredential,
  uniqueName,
} from "./credentials-page";
import { credentialsUrl, demoAccounts, signIn } from "./helpers";

async function startCreating(page: Page, name: string) {
  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create" }).click();
}

test("creating a Live credential asks for the password, then shows the new token without retyping the name", async ({
  page,
}) => {
  await signIn(page, demoAccounts.admin);
  await page.goto(credentialsUrl("acme", "live"));
  const name = uniqueName("Shop checkout");
  await startCreating(page, name);

  const prompt = page.getByRole("dialog", { name: "Confirm your password" });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel("Password")).toBeFocused();

  // Cancel: nothing is created, nothing alarming is said, and the name is still there to try again.
  await prompt.getByRole("button", { name: "Cancel" }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByText("Nothing was changed.")).toBeVisible();
  const form = page.getByRole("dialog", { name: "New API credential" });
  await expect(form.getByLabel("Name")).toHaveValue(name);
  await form.getByRole("button", { name: "Create" }).click();

  // A wrong password is refused beside the field; the question stays.
  await prompt.getByLabel("Password").fill("not-the-password");
  await prompt.getByRole("button", { name: "Confirm" }).click();
  await expect(prompt.getByText("Wrong password.")).toBeVisible();
  await expect(prompt.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");

  await confirmPassword(page);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  await expect(reveal.getByRole("textbox", { name: "Token" })).toHaveValue(/^pk_live_[0-9A-Za-z]{38}$/);
  await closeTokenDialog(page, name);
  await expect(credentialRow(page, name)).toBeVisible();

  // Confirmed for this session: the next Live change within 15 minutes does not ask again.
  await deleteCredential(page, name);
  await expect(page.getByRole("dialog", { name: "Confirm your password" })).toHaveCount(0);
});

test("deleting a Live credential asks for the password, then deletes it", async ({ browser }) => {
  test.slow(); // two sessions, two sign-ins and two password confirmations: twice the work of the test above
  // Made in one session (which confirms), deleted from another that has not confirmed yet.
  const makerContext = await browser.newContext();
  const maker = await makerContext.newPage();
  await signIn(maker, demoAccounts.developer);
  await maker.goto(credentialsUrl("acme", "live"));
  const name = uniqueName("Old ERP");
  await createAndClose(maker, name, { confirmingPassword: true });

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoAccounts.developer);
  await page.goto(credentialsUrl("acme", "live"));
  await chooseRowAction(page, name, "Delete");
  await page
    .getByRole("alertdialog", { name: `Delete “${name}”?` })
    .getByRole("button", { name: "Delete" })
    .click();
  await confirmPassword(page);
  await expect(page.getByText(`Deleted “${name}”.`)).toBeVisible();
  await expect(credentialRow(page, name)).toHaveCount(0);
  await Promise.all([makerContext.close(), context.close()]);
});

test("creating a Test credential never asks for the password", async ({ page }) => {
  await signIn(page, demoAccounts.admin);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Sandbox");
  await startCreating(page, name);
  await expect(page.getByRole("dialog", { name: `“${name}” is ready` })).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Confirm your password" })).toHaveCount(0);
});
