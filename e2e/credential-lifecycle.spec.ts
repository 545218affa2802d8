// Expiry, roll and allowed IP addresses, end to end: what the dashboard says and what /v1 then does
// with the tokens. API calls come from addresses of the test's own (X-Forwarded-For; the e2e server
// trusts one proxy), so "from <address>" and the allowlist are about this test's requests alone.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  confirm,
  confirmPassword,
  createAndClose,
  createCredential,
  credentialRow,
  openCredentialPage,
  revokeCredential,
  uniqueName,
} from "./credentials-page";
import { callMe, credentialsUrl, demoAccounts, newClientAddress, signIn, useSavedSession } from "./helpers";

const DAY = 24 * 3600 * 1000;
const EXPIRES_HEADER = "ecourier-credential-expires-at";

/** The old credential's row after a roll (both rows have the name; only the old one says what replaced it). */
const oldRow = (page: Page, name: string) => credentialRow(page, name).filter({ hasText: "Replaced by" });
const newRow = (page: Page, name: string) => credentialRow(page, name).filter({ hasNotText: "Replaced by" });

/** "Last used" and its address are written just after the response: the page shows them on a later load. */
async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 15_000 });
}

async function expectRefused(response: Awaited<ReturnType<APIRequestContext["get"]>>, status: number, code: string) {
  expect(response.status()).toBe(status);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  return body.error.message;
}

test.beforeEach(async ({ page }) => {
  test.slow(); // each test is a user's whole story: many page loads, dialogs and API calls
  await useSavedSession(page, demoAccounts.owner);
  await page.goto(credentialsUrl("acme", "test"));
});

test("a credential made to expire in 7 days says so, is counted in the banner, and its API responses carry the expiry", async ({
  page,
  request,
}) => {
  const name = uniqueName("Expiring");
  const token = await createAndClose(page, name, { expires: "In 7 days" });
  await expect(credentialRow(page, name).getByText("Expires in 7 days", { exact: true })).toBeVisible();

  const response = await callMe(request, token);
  expect(response.status()).toBe(200);
  const header = response.headers()[EXPIRES_HEADER];
  expect(header).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  const left = Date.parse(header) - Date.now();
  expect(left).toBeGreaterThan(7 * DAY - 3600_000);
  expect(left).toBeLessThanOrEqual(7 * DAY);

  // Without an expiry there is no header.
  const forever = uniqueName("Forever");
  const foreverToken = await createAndClose(page, forever);
  const plain = await callMe(request, foreverToken);
  expect(plain.status()).toBe(200);
  expect(plain.headers()[EXPIRES_HEADER]).toBeUndefined();

  // Other tests make expiring credentials in this team too: the count is theirs and ours.
  const banner = page.getByText(/^(1 credential expires|\d+ credentials expire) within 7 days\.$/);
  await expect(banner).toBeVisible();
  await page.getByRole("button", { name: /^Show (it|them)$/ }).click();
  await expect(page.getByLabel("Status")).toHaveValue("expiring_soon");
  await expect(credentialRow(page, name)).toBeVisible();
  await expect(credentialRow(page, forever)).toHaveCount(0);
});

test("an expiry date must lie ahead, within a year; a good one is shown on the credential's page", async ({ page }) => {
  await page.getByRole("button", { name: "New API credential" }).click();
  const form = page.getByRole("dialog", { name: "New API credential" });
  const name = uniqueName("Dated");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Expires").selectOption({ label: "On a date…" });
  await form.getByLabel("Expiry date").fill("2020-01-31");
  await form.getByRole("button", { name: "Create" }).click();
  await expect(form.getByText("Choose a date in the future.")).toBeVisible();
  await expect(form.getByLabel("Expiry date")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Expiry date")).toBeFocused();

  const date = new Date(Date.now() + 200 * DAY).toISOString().slice(0, 10);
  await form.getByLabel("Expiry date").fill(date);
  await form.getByRole("button", { name: "Create" }).click();
  await closeTokenDialog(page, name);
  await openCredentialPage(page, name);
  await expect(page.getByRole("definition").filter({ hasText: `${date} 23:59 UTC` })).toBeVisible();
});

test("rolling with an hour's grace: both tokens work, the old row says whether the old one is still in use, and End now ends it", async ({
  page,
  request,
}) => {
  const name = uniqueName("Rolled ERP");
  const oldToken = await createAndClose(page, name);
  const oldId = ((await (await callMe(request, oldToken)).json()) as { credential: { id: string } }).credential.id;

  await chooseRowAction(page, name, "Roll");
  const dialog = page.getByRole("dialog", { name: `Roll “${name}”` });
  await expect(dialog).toContainText("A new token replaces this one.");
  await dialog
    .getByRole("radiogroup", { name: "Old token stops working" })
    .getByRole("radio", { name: "In 1 hour" })
    .check();
  await dialog.getByRole("button", { name: "Roll" }).click();
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  const newToken = await reveal.getByRole("textbox", { name: "Token" }).inputValue();
  expect(newToken).toMatch(/^pk_test_/);
  expect(newToken).not.toBe(oldToken);
  await expect(reveal).toContainText("the old token stops working in 1 hour.");
  await closeTokenDialog(page, name);

  await expect(oldRow(page, name)).toContainText(`Replaced by ${name}. Old token stops working in 1 hour.`);
  await expect(oldRow(page, name)).toContainText("Not used since the roll");
  await expect(newRow(page, name).getByText("Active", { exact: true })).toBeVisible();

  // Both work during the grace period, each as its own credential.
  const address = newClientAddress();
  const asOld = await callMe(request, oldToken, address);
  expect(asOld.status()).toBe(200);
  const asNew = await callMe(request, newToken);
  expect(asNew.status()).toBe(200);
  const newId = ((await asNew.json()) as { credential: { id: string } }).credential.id;
  expect(newId).not.toBe(oldId);

  await reloadUntil(page, () =>
    expect(oldRow(page, name)).toContainText("Still in use — last used", { timeout: 1000 }),
  );
  await expect(oldRow(page, name)).toContainText(`from ${address}`);

  // The old credential's page says the same, and ends it.
  await oldRow(page, name).getByRole("rowheader").getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/developers/api-credentials/${oldId}$`));
  await expect(page.getByRole("heading", { name: `Replaced by ${name}` })).toBeVisible();
  await expect(page.getByText(`from ${address}`).first()).toBeVisible();
  await page.getByRole("button", { name: "End now" }).click();
  await confirm(page, `End “${name}” now?`, "End now");
  await expect(page.getByText("The old token no longer works.")).toBeVisible();
  await expect(
    page.getByText("Its token is refused: it has expired. Change its expiry to use it again."),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "End now" })).toHaveCount(0);
  // Its button is gone: focus is on the first of the others, not lost.
  await expect(page.getByRole("button", { name: "Rename" })).toBeFocused();

  const message = await expectRefused(await callMe(request, oldToken), 401, "expired_credential");
  expect(message).toMatch(/^This credential expired at \d{4}-\d{2}-\d{2}T[\d:.]+Z\.$/);
  expect((await callMe(request, newToken)).status()).toBe(200);

  // The replacement's page links back to what it replaced.
  await page
    .getByRole("heading", { name: `Replaced by ${name}` })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(new RegExp(`/developers/api-credentials/${newId}$`));
  await page.getByRole("definition").filter({ hasText: name }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/developers/api-credentials/${oldId}$`));
});

test("an ended credential comes back with a new expiry; revoked and expired, it names both fixes", async ({
  page,
  request,
}) => {
  const name = uniqueName("Extended");
  const token = await createAndClose(page, name);

  async function changeExpiry(to: string) {
    await chooseRowAction(page, name, "Change expiry");
    const dialog = page.getByRole("dialog", { name: `Change expiry of “${name}”` });
    await dialog.getByLabel("Expires").selectOption({ label: to });
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toHaveCount(0);
  }

  await changeExpiry("End now");
  await expect(page.getByText(`Ended “${name}”: its token is refused.`)).toBeVisible();
  await expect(credentialRow(page, name).getByText("Expired", { exact: true })).toBeVisible();
  await expectRefused(await callMe(request, token), 401, "expired_credential");

  await changeExpiry("In 30 days");
  await expect(page.getByText(`“${name}” now expires in 30 days.`)).toBeVisible();
  await expect(credentialRow(page, name).getByText("Active", { exact: true })).toBeVisible();
  expect((await callMe(request, token)).status()).toBe(200);

  await revokeCredential(page, name);
  await changeExpiry("End now");
  await expect(credentialRow(page, name).getByText("Revoked", { exact: true })).toBeVisible();
  await expect(credentialRow(page, name).getByText("Expired", { exact: true })).toBeVisible();
  await openCredentialPage(page, name);
  await expect(
    page.getByText(
      "Its token is refused: it is revoked and it has expired. Enable it and change its expiry to use it again.",
    ),
  ).toBeVisible();

  // Enabling resolves one of the two: the token stays refused, and the page says what is left.
  await page.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText(`Enabled “${name}”. Its token stays refused until you change its expiry.`)).toBeVisible();
  await expect(
    page.getByText("Its token is refused: it has expired. Change its expiry to use it again."),
  ).toBeVisible();
  await expectRefused(await callMe(request, token), 401, "expired_credential");
});

test("allowed IP addresses: a list without this test's address refuses it, after a warning; cleared, any address works again", async ({
  page,
  request,
}) => {
  const name = uniqueName("Fenced");
  const token = await createAndClose(page, name);
  const address = newClientAddress();
  expect((await callMe(request, token, address)).status()).toBe(200);

  await openCredentialPage(page, name);
  await reloadUntil(page, () =>
    expect(page.getByRole("definition").filter({ hasText: `from ${address}` })).toBeVisible({ timeout: 1000 }),
  );
  const field = page.getByRole("textbox", { name: "Allowed IP addresses" });
  await expect(field).toHaveValue("");
  await expect(page.getByText("203.0.113.0/24")).toBeVisible();

  // A bad line is named, beside the field.
  await field.fill("10.0.0.0/8\nnot-an-address");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Line 2: “not-an-address” is not an IP address or CIDR range.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  // The last request came from outside the new list: saving warns first.
  await field.fill("10.0.0.0/8");
  await page.getByRole("button", { name: "Save" }).click();
  const warning = page.getByRole("alertdialog", { name: "Refuse the address of the last request?" });
  await expect(warning).toContainText(`came from ${address}, which this list does not allow`);
  await warning.getByRole("button", { name: "Cancel" }).click();
  await expect(warning).toHaveCount(0);
  expect((await callMe(request, token, address)).status()).toBe(200);

  await page.getByRole("button", { name: "Save" }).click();
  await confirm(page, "Refuse the address of the last request?", "Save anyway");
  await expect(page.getByText(`Saved. “${name}” is accepted only from the addresses listed.`)).toBeVisible();
  await expect(field).toHaveValue("10.0.0.0/8");

  const message = await expectRefused(await callMe(request, token, address), 403, "ip_not_allowed");
  expect(message).toBe(`Requests from ${address} are not allowed for this credential.`);
  expect((await callMe(request, token, "10.20.30.40")).status()).toBe(200);

  await page.reload();
  await expect(field).toHaveValue("10.0.0.0/8");
  await field.fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(`Saved. “${name}” is accepted from any address.`)).toBeVisible();
  expect((await callMe(request, token, address)).status()).toBe(200);
});

test("rolling a Live credential asks for the password first, then shows the new token", async ({ browser }) => {
  // Sessions of their own: a confirmation made by another test in a shared saved session would skip the question.
  const creator = await (await browser.newContext()).newPage();
  await signIn(creator, demoAccounts.owner);
  await creator.goto(credentialsUrl("acme", "live"));
  const name = uniqueName("Live roll");
  await createCredential(creator, name, { confirmingPassword: true });
  await closeTokenDialog(creator, name);

  const page = await (await browser.newContext()).newPage();
  await signIn(page, demoAccounts.admin);
  await page.goto(credentialsUrl("acme", "live"));
  await chooseRowAction(page, name, "Roll");
  const dialog = page.getByRole("dialog", { name: `Roll “${name}”` });
  await dialog.getByRole("radio", { name: "Now" }).check();
  await dialog.getByRole("button", { name: "Roll" }).click();
  await confirmPassword(page);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  await expect(reveal.getByRole("textbox", { name: "Token" })).toHaveValue(/^pk_live_/);
  await expect(reveal).toContainText("the old token no longer works.");
  await closeTokenDialog(page, name);
  await expect(oldRow(page, name).getByText("Expired", { exact: true })).toBeVisible();
});
