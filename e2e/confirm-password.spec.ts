// Sudo mode: in Live, creating a credential asks "Confirm your password" and then carries on with what
// was typed; a wrong password is said so; Cancel changes nothing; Test never asks. Inviting an Admin on
// the Members page and clearing a Live credential's allowed addresses ask the same way; narrowing them
// does not. Each test signs in a session of its own, so that no earlier confirmation (in a shared saved
// session) skips the question, and none confirms a saved session that another test expects to be asked.
import { expect, test, type Page } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  confirmPassword,
  createAndClose,
  credentialRow,
  deleteCredential,
  openCredentialPage,
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

test("an Owner inviting an Admin is asked for the password; Cancel invites nobody; once confirmed the invitation exists", async ({
  page,
}) => {
  await signIn(page, demoAccounts.owner);
  // A team of this test's own, so its pending invitations show on no other test's Members page.
  await page.goto("/dashboard/new-team");
  await page.getByLabel("Name").fill(uniqueName("Sudo invite"));
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/test\/developers\/api-credentials$/);
  const team = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/dashboard/${team}/test/settings/members`);

  const email = `sudo-admin-${Date.now()}@example.com`;
  await page.getByRole("button", { name: "Invite member" }).click();
  const form = page.getByRole("dialog", { name: "Invite a member" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Admin" });
  await form.getByRole("button", { name: "Create invitation" }).click();

  const prompt = page.getByRole("dialog", { name: "Confirm your password" });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel("Password")).toBeFocused();
  await prompt.getByRole("button", { name: "Cancel" }).click();
  await expect(prompt).toHaveCount(0);
  await expect(page.getByText("Nothing was changed.")).toBeVisible();
  // The form is as it was, ready to try again; nobody was invited.
  await expect(form.getByLabel("Email")).toHaveValue(email);
  await expect(form.getByRole("button", { name: "Create invitation" })).toBeEnabled();

  await form.getByRole("button", { name: "Create invitation" }).click();
  await confirmPassword(page);
  const shown = page.getByRole("dialog", { name: "Invitation link" });
  await expect(shown.getByLabel("Invitation link")).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expect(shown).toContainText(`It lets ${email} join`);
  await shown.getByRole("button", { name: "Done" }).click();
  const pending = page.getByRole("table", { name: "Pending invitations" });
  await expect(pending.getByRole("row", { name: new RegExp(email) })).toContainText("Admin");
});

test("clearing a Live credential's allowed addresses asks for the password; narrowing them does not", async ({
  browser,
}) => {
  test.slow(); // two sessions, two sign-ins and two password confirmations
  // Made and limited in one session (which confirms for the create), changed from another that has not confirmed.
  const makerContext = await browser.newContext();
  const maker = await makerContext.newPage();
  await signIn(maker, demoAccounts.admin);
  await maker.goto(credentialsUrl("acme", "live"));
  const name = uniqueName("Fenced Live");
  await createAndClose(maker, name, { confirmingPassword: true });
  await openCredentialPage(maker, name);
  await maker.getByRole("textbox", { name: "Allowed IP addresses" }).fill("10.0.0.0/8");
  await maker.getByRole("button", { name: "Save" }).click();
  await expect(maker.getByText(`Saved. “${name}” is accepted only from the addresses listed.`)).toBeVisible();
  const url = maker.url();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoAccounts.admin);
  await page.goto(url);
  const field = page.getByRole("textbox", { name: "Allowed IP addresses" });
  const prompt = page.getByRole("dialog", { name: "Confirm your password" });
  // Narrowing: saved at once.
  await field.fill("10.1.0.0/16");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Saved. “${name}” is accepted only from the addresses listed.`)).toBeVisible();
  await expect(prompt).toHaveCount(0);
  // Clearing: asked first, then saved.
  await field.fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await confirmPassword(page);
  await expect(page.getByText(`Saved. “${name}” is accepted from any address.`)).toBeVisible();
  await page.reload();
  await expect(field).toHaveValue("");
  await Promise.all([makerContext.close(), context.close()]);
});
