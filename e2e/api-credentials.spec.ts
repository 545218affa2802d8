import { expect, test, type Browser, type Page, type Response } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  closeWithoutCopying,
  confirm,
  createAndClose,
  createCredential,
  credentialRow,
  deleteCredential,
  enableCredential,
  expectNoManageControls,
  masked,
  renameCredential,
  revokeCredential,
  rowActions,
  uniqueName,
} from "./credentials-page";
import { credentialsUrl, storageStateOf, useSavedSession } from "./helpers";

/** A page of its own for a second member in the same test. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(email) });
  return context.newPage();
}

test("owner creates a Test credential, copies its token once, and afterwards sees it only masked", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("ERP production");

  const token = await createCredential(page, name);
  expect(token).toMatch(/^pk_test_/);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  await expect(reveal).toContainText("will not be shown again");
  await expect(reveal).toContainText("Acme Logistics in Test only");
  await reveal.getByRole("button", { name: "Copy", exact: true }).click();
  await expect(reveal.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // From here on, nothing the browser receives or keeps may contain the token.
  const later: Promise<string>[] = [];
  const record = (response: Response) => later.push(response.text().catch(() => ""));
  page.on("response", record);
  await closeTokenDialog(page, name, { copied: true });

  const row = credentialRow(page, name);
  await expect(row.getByText(masked(token), { exact: true })).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await expect(row.getByText("Olivia Owner")).toBeVisible();
  await expect(row.getByText("Never")).toBeVisible();
  await expect(row.getByRole("time").first()).toHaveAttribute("title", /\d/);

  await page.reload();
  await expect(credentialRow(page, name)).toBeVisible();
  const secret = token.slice("pk_test_".length);
  expect(await page.content()).not.toContain(secret);
  expect(page.url()).not.toContain(secret);
  const storage = await page.evaluate(
    () => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie,
  );
  expect(storage).not.toContain(secret);
  page.off("response", record);
  const bodies = await Promise.all(later);
  expect(bodies.length).toBeGreaterThan(0);
  for (const body of bodies) expect(body).not.toContain(secret);
});

test("owner renames, revokes, enables and deletes a credential, and each change survives a reload", async ({
  page,
}) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Shop");
  const renamed = uniqueName("Shop backend");
  await createAndClose(page, name);

  await renameCredential(page, name, renamed);
  await page.reload();
  await expect(credentialRow(page, renamed)).toBeVisible();
  await expect(credentialRow(page, name)).toHaveCount(0);

  await revokeCredential(page, renamed);
  await page.reload();
  await expect(credentialRow(page, renamed).getByText("Revoked", { exact: true })).toBeVisible();
  await rowActions(page, renamed).click();
  await expect(page.getByRole("menuitem", { name: "Revoke" })).toHaveCount(0);
  await expect(page.getByRole("menuitem", { name: "Enable" })).toBeVisible();
  await page.keyboard.press("Escape");

  await enableCredential(page, renamed);
  await page.reload();
  await expect(credentialRow(page, renamed).getByText("Active", { exact: true })).toBeVisible();

  await deleteCredential(page, renamed);
  await page.reload();
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  await expect(credentialRow(page, renamed)).toHaveCount(0);
});

test("a used token shows as last used; revoked it is refused by the API, enabled it works again", async ({
  page,
  request,
}) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Revocable");
  const token = await createAndClose(page, name);
  const me = () => request.get("/v1/me", { headers: { Authorization: `Bearer ${token}` } });

  await expect(credentialRow(page, name)).toContainText("Never");
  expect((await me()).status()).toBe(200);
  // "Last used" is written just after the response: the list shows it on the next load.
  await expect(async () => {
    await page.reload();
    await expect(credentialRow(page, name)).not.toContainText("Never", { timeout: 1000 });
  }).toPass({ timeout: 10_000 });

  await revokeCredential(page, name);
  const refused = await me();
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: { code: "revoked_credential" } });
  await enableCredential(page, name);
  expect((await me()).status()).toBe(200);
});

test("a credential made in Live carries pk_live_ and is not listed in Test", async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "live"));
  const name = uniqueName("Live ERP");
  // This saved session has not confirmed the password: Live asks for it first.
  const token = await createCredential(page, name, { confirmingPassword: true });
  expect(token).toMatch(/^pk_live_/);
  await expect(page.getByRole("dialog")).toContainText("Acme Logistics in Live only");
  await closeTokenDialog(page, name);
  await expect(credentialRow(page, name).getByText(masked(token))).toBeVisible();

  await page.goto(credentialsUrl("acme", "test"));
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  await expect(credentialRow(page, name)).toHaveCount(0);
});

for (const email of ["admin@example.com", "developer@example.com"]) {
  test(`${email} creates, renames, revokes, enables and deletes credentials too`, async ({ page }) => {
    await useSavedSession(page, email);
    await page.goto(credentialsUrl("acme", "test"));
    const name = uniqueName("Warehouse");
    const renamed = uniqueName("Warehouse sync");
    const token = await createAndClose(page, name);
    expect(token).toMatch(/^pk_test_/);
    await renameCredential(page, name, renamed);
    await revokeCredential(page, renamed);
    await enableCredential(page, renamed);
    await deleteCredential(page, renamed);
  });
}

test("read-only member sees the list and filters but none of the controls", async ({ browser }) => {
  const owner = await signedIn(browser, "owner@example.com");
  await owner.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Visible to viewers");
  const token = await createAndClose(owner, name);

  const viewer = await signedIn(browser, "viewer@example.com");
  await viewer.goto(credentialsUrl("acme", "test"));
  await expect(credentialRow(viewer, name).getByText(masked(token))).toBeVisible();
  await expect(viewer.getByText("can view credentials but not change them")).toBeVisible();
  await expect(viewer.getByLabel("Filter by name")).toBeVisible();
  await expect(viewer.getByLabel("Status")).toBeVisible();
  await expectNoManageControls(viewer);
});

test("developer has the controls in Acme Logistics and none in Globex Freight", async ({ page }) => {
  await useSavedSession(page, "developer@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  await expect(page.getByRole("button", { name: "New API credential" })).toBeVisible();
  await expect(page.getByText("can view credentials but not change them")).toHaveCount(0);

  await page.goto(credentialsUrl("globex", "test"));
  await expect(page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();
  await expect(page.getByText("Your role (Read-only) can view credentials but not change them.")).toBeVisible();
  await expectNoManageControls(page);
});

test("owner filters the list by name and by status", async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const tag = uniqueName("Filter").split(" ")[1];
  const kept = `Kept ${tag}`;
  const revoked = `Gone ${tag}`;
  await createAndClose(page, kept);
  await createAndClose(page, revoked);
  await revokeCredential(page, revoked);

  await page.getByLabel("Filter by name").fill(tag);
  await expect(page.getByText("2 credentials match these filters.")).toBeVisible();
  await page.getByLabel("Status").selectOption("revoked");
  await expect(credentialRow(page, revoked)).toBeVisible();
  await expect(credentialRow(page, kept)).toHaveCount(0);
  await expect(page.getByText("1 credential matches these filters.")).toBeVisible();
  await page.getByLabel("Status").selectOption("active");
  await expect(credentialRow(page, kept)).toBeVisible();
  await expect(credentialRow(page, revoked)).toHaveCount(0);
  await page.getByLabel("Filter by name").fill(`${tag} no such`);
  await expect(page.getByText("No credentials match these filters.")).toBeVisible();

  // Clear filters: every credential again, and focus on the emptied name filter.
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(page.getByLabel("Filter by name")).toHaveValue("");
  await expect(page.getByLabel("Filter by name")).toBeFocused();
  await expect(page.getByLabel("Status")).toHaveValue("all");
  await expect(credentialRow(page, kept)).toBeVisible();
  await expect(credentialRow(page, revoked)).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^\d+ credentials?(, page \d+ of \d+)?\.$/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear filters" })).toHaveCount(0);
});

test("a read-only member's empty list says who can create a credential", async ({ page }) => {
  // Dana Developer is read-only in Globex Freight, whose Live list no test adds to.
  await useSavedSession(page, "developer@example.com");
  await page.goto(credentialsUrl("globex", "live"));
  await expect(page.getByRole("heading", { name: "No API credentials in Live yet" })).toBeVisible();
  await expect(page.getByText("Ask an Owner, Admin or Developer of Globex Freight to create one.")).toBeVisible();
  await expectNoManageControls(page);
});

test("a credential deleted by someone else is explained in plain words", async ({ browser }) => {
  const first = await signedIn(browser, "owner@example.com");
  const second = await signedIn(browser, "admin@example.com");
  const name = uniqueName("Contested");
  await first.goto(credentialsUrl("acme", "test"));
  await createAndClose(first, name);
  await second.goto(credentialsUrl("acme", "test"));
  await deleteCredential(first, name);

  await chooseRowAction(second, name, "Revoke");
  await confirm(second, `Revoke “${name}”?`, "Revoke");
  await expect(second.getByText("This credential was deleted by someone else.")).toBeVisible();
  await expect(credentialRow(second, name)).toHaveCount(0);
});

test("a name is required and at most 64 characters, and the error is announced beside the field", async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByText("Enter a name.")).toBeVisible();
  await form.getByLabel("Name").fill("x".repeat(65));
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByText("Use at most 64 characters.")).toBeVisible();
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
});

test("a double click on Create makes one credential", async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Double click");
  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  await form.getByLabel("Name").fill(name);
  await form.getByRole("button", { name: "Create" }).dblclick();
  await closeTokenDialog(page, name);
  await page.reload();
  await expect(credentialRow(page, name)).toHaveCount(1);
});

test("the token dialog closes with Escape though the list is still refreshing behind it", async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  // Let the create action through, then hold every action call after it (the list's refetch) until
  // the dialog has closed, as a busy server would. The create call is the one that sends an expiry:
  // the Name field's own "already named?" checks, however many the typing makes, go through unheld
  // before it. Held until released, not for a fixed time: the browser sends server actions one at a
  // time, so fixed delays add up behind each other (two of 5 s once outlasted the row's 10 s wait).
  let created = false;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/developers/api-credentials", async (route) => {
    if (route.request().headers()["next-action"]) {
      if (created) await released;
      else if (route.request().postData()?.includes('"expiry"')) created = true;
    }
    await route.fallback();
  });
  const name = uniqueName("Escape");
  await createCredential(page, name);
  // Not copied: Escape asks first, and Close (Tab from "Go back", then Enter) closes it.
  await page.keyboard.press("Escape");
  await expect(closeWithoutCopying(page).getByRole("button", { name: "Go back" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0, { timeout: 2_000 });
  expect(created).toBe(true);
  release();
  await expect(credentialRow(page, name)).toBeVisible();
});

test("create, copy and revoke work from the keyboard, and focus lands where it should", async ({
  page,
  context,
  baseURL,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
  const opener = page.getByRole("button", { name: "New API credential" });
  await opener.focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("dialog", { name: "New API credential" });
  await expect(form.getByLabel("Name")).toBeFocused();
  const name = uniqueName("Keyboard");
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");

  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  const token = await reveal.getByRole("textbox", { name: "Token" }).inputValue();
  await reveal.getByRole("button", { name: "Copy", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(reveal.getByRole("button", { name: "Copied", exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  // Then the curl command (which scrolls, so takes focus), its Copy, and Done: copied, it closes at once.
  await page.keyboard.press("Tab");
  await expect(reveal.locator("pre")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(reveal.getByRole("button", { name: "Copy curl command" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(reveal.getByRole("button", { name: "Done" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(opener).toBeFocused();

  await rowActions(page, name).focus();
  await page.keyboard.press("Enter");
  const menu = page.getByRole("menu", { name: `Actions for ${name}` });
  await expect(menu.getByRole("menuitem", { name: "Rename" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Roll" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(menu.getByRole("menuitem", { name: "Revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  const ask = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
  await expect(ask.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(ask.getByRole("button", { name: "Revoke" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(ask).toHaveCount(0);
  await expect(credentialRow(page, name).getByText("Revoked", { exact: true })).toBeVisible();
});
