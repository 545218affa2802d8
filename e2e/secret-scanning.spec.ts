// A token found in public: GitHub's signed report revokes it, the dashboard says where it was found,
// and a team that chose "Only notify" keeps it working.
import { expect, test } from "@playwright/test";
import { confirmPassword, createAndClose, credentialRow, uniqueName } from "./credentials-page";
import { callMe, credentialsUrl, demoAccounts, newClientAddress, signIn, useSavedSession } from "./helpers";
import { reportLeak } from "./secret-scanning";

test("a signed report revokes the token: the list shows the banner and Leaked, /v1 refuses it", async ({
  page,
  request,
}) => {
  await useSavedSession(page, demoAccounts.owner);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Leaky ERP");
  const token = await createAndClose(page, name);
  expect((await callMe(request, token, newClientAddress())).status()).toBe(200);

  const url = `https://github.com/acme/erp/blob/${name.split(" ").pop()}/.env`;
  const res = await reportLeak(request, [token], url);
  expect(res.status()).toBe(200);
  expect((await res.json())[0].label).toBe("true_positive");

  const refused = await callMe(request, token, newClientAddress());
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("revoked_credential");

  await page.reload();
  await expect(
    page.getByText(
      new RegExp(
        `“${name}” was found in public at ${url.replace(/[.]/g, "\\.")} on .+ and revoked\\. Roll it to get a new token\\.`,
      ),
    ),
  ).toBeVisible();
  await expect(credentialRow(page, name)).toContainText("Leaked");
});

test("with Only notify the token keeps working and the banner says so", async ({ page, request }) => {
  // Globex Freight: its own setting, so no other test's team changes. A session of its own: the change
  // asks for the password (sudo mode), which must not be confirmed in the shared saved session.
  await signIn(page, demoAccounts.globex);
  await page.goto("/dashboard/globex/test/settings/security");
  const setting = page.getByRole("radiogroup", { name: "When a token of this team is found in public" });
  await setting.getByRole("radio", { name: "Only notify" }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await confirmPassword(page);
  // The save has landed before the reload (a reload right after the click could cut it off).
  await expect(page.getByText("Saved. Globex Freight’s tokens found in public keep working.")).toBeVisible();
  await page.reload();
  await expect(setting.getByRole("radio", { name: "Only notify" })).toBeChecked();

  await page.goto(credentialsUrl("globex", "test"));
  const name = uniqueName("Notified shop");
  const token = await createAndClose(page, name);
  const url = "https://www.npmjs.com/package/globex-shop";
  expect((await reportLeak(request, [token], url, "npm")).status()).toBe(200);

  expect((await callMe(request, token, newClientAddress())).status()).toBe(200);
  await page.reload();
  await expect(
    page.getByText(
      new RegExp(
        `“${name}” was found in public at ${url.replace(/[.]/g, "\\.")} on .+\\. It still works: roll it to get a new token\\.`,
      ),
    ),
  ).toBeVisible();
  await expect(credentialRow(page, name)).not.toContainText("Leaked");
});
