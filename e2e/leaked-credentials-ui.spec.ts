// The dashboard's side of leaked tokens: the team setting in Settings → Security (Owners and Admins
// change it, with their password confirmed; everyone else sees it), and a credential found in public — its banner, its "Leaked"
// row and page, and Enable asking first — on a phone too. The leak itself comes from a signed report
// (e2e/secret-scanning.ts).
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import {
  chooseRowAction,
  createAndClose,
  credentialRow,
  openCredentialPage,
  revokeCredential,
  uniqueName,
} from "./credentials-page";
import {
  callMe,
  DEMO_PASSWORD,
  demoAccounts,
  expectNoSidewaysScroll,
  newClientAddress,
  signIn,
  storageStateOf,
} from "./helpers";
import { reportLeak } from "./secret-scanning";

const settingName = "When a token of this team is found in public";

/** A team of the signed-in user's own, so that its setting and its banners concern this test only. */
async function createTeam(page: Page, base: string): Promise<string> {
  await page.goto("/dashboard/new-team");
  await page.getByLabel("Name").fill(uniqueName(base));
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/test\/developers\/api-credentials$/);
  return new URL(page.url()).pathname.split("/")[2];
}

test.describe("owner@example.com", () => {
  test.use({ storageState: storageStateOf(demoAccounts.owner) });

  test("chooses Only notify in Settings → Security with the keyboard, saves after confirming the password, and it is kept after a reload", async ({
    page,
  }) => {
    // A session of its own: saving asks for the password (sudo mode), and confirming it must not spare
    // the shared saved session a question another test expects.
    await page.context().clearCookies();
    await signIn(page, demoAccounts.owner);
    const team = await createTeam(page, "Security E2E");
    await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Security" }).click();
    await expect(page).toHaveURL(`/dashboard/${team}/test/settings/security`);
    await expect(page.getByRole("heading", { level: 1, name: "Security" })).toBeVisible();

    const setting = page.getByRole("radiogroup", { name: settingName });
    await expect(setting.getByRole("radio", { name: "Revoke it and notify" })).toBeChecked();
    await setting.getByRole("radio", { name: "Revoke it and notify" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect(setting.getByRole("radio", { name: "Only notify" })).toBeChecked();
    await expect(setting.getByRole("radio", { name: "Only notify" })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Save" })).toBeFocused();
    await page.keyboard.press("Enter");
    const prompt = page.getByRole("dialog", { name: "Confirm your password" });
    await expect(prompt.getByLabel("Password")).toBeFocused();
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await expect(prompt).toHaveCount(0);
    await expect(page.getByText("Saved. ")).toBeVisible();
    await expect(page.getByText("tokens found in public keep working.")).toBeVisible();

    await page.reload();
    await expect(setting.getByRole("radio", { name: "Only notify" })).toBeChecked();
    await expect(setting.getByRole("radio", { name: "Revoke it and notify" })).not.toBeChecked();
    // It is the team's setting, not the environment's.
    await page.goto(`/dashboard/${team}/live/settings/security`);
    await expect(setting.getByRole("radio", { name: "Only notify" })).toBeChecked();
  });

  test("a leaked credential: the banner links to it, its row and page say Leaked and where, and Enable asks first", async ({
    page,
    request,
  }) => {
    test.setTimeout(60_000);
    const team = await createTeam(page, "Leaks E2E");
    const name = uniqueName("Leaky ERP");
    const token = await createAndClose(page, name);
    const url = `https://github.com/acme/erp/blob/${name.split(" ").pop()}/.env`;
    expect((await reportLeak(request, [token], url, "commit")).status()).toBe(200);

    await page.reload();
    const banner = page.getByRole("list", { name: "Tokens found in public" }).getByRole("listitem");
    await expect(banner).toHaveCount(1);
    await expect(banner).toHaveText(
      new RegExp(
        `^“${name}” was found in public at ${url.replace(/\./g, "\\.")} on \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC and revoked\\. Roll it to get a new token\\.$`,
      ),
    );
    const row = credentialRow(page, name);
    await expect(row.getByText("Leaked", { exact: true })).toBeVisible();
    await expect(row.getByText("Revoked", { exact: true })).toHaveCount(0);
    await expect(row).toContainText(`Found in public at ${url} (commit) on `);
    const where = row.getByRole("link", { name: url });
    await expect(where).toHaveAttribute("href", url);
    await expect(where).toHaveAttribute("target", "_blank");
    await expect(where).toHaveAttribute("rel", "noreferrer noopener");

    // The row's Enable asks first; Cancel changes nothing.
    await chooseRowAction(page, name, "Enable");
    const confirmEnable = page.getByRole("alertdialog", { name: `Enable “${name}”?` });
    await expect(confirmEnable).toContainText("This token was found in public. Anyone may have it.");
    await confirmEnable.getByRole("button", { name: "Cancel" }).click();
    await expect(confirmEnable).toHaveCount(0);
    await expect(row.getByText("Leaked", { exact: true })).toBeVisible();
    expect((await callMe(request, token, newClientAddress())).status()).toBe(401);

    await chooseRowAction(page, name, "Enable");
    await confirmEnable.getByRole("button", { name: "Enable" }).click();
    await expect(page.getByText(`Enabled “${name}”. Its token works again.`)).toBeVisible();
    await expect(row.getByText("Active", { exact: true })).toBeVisible();
    await expect(row.getByText("Found in public", { exact: true })).toBeVisible();
    expect((await callMe(request, token, newClientAddress())).status()).toBe(200);
    // Still found in public and not rolled: the banner stays, now saying that it works.
    await expect(banner).toContainText("It still works: roll it to get a new token.");

    // From the banner to its page, which has Roll; the page's Enable asks the same way.
    await revokeCredential(page, name);
    await banner.getByRole("link", { name: `“${name}”` }).click();
    await expect(page.getByRole("heading", { level: 1, name, exact: true })).toBeVisible();
    await expect(page.getByText(`Found in public at ${url} (commit) on `)).toBeVisible();
    await expect(
      page.getByRole("group", { name: `Actions for ${name}` }).getByRole("button", { name: "Roll" }),
    ).toBeVisible();
    await page.getByRole("button", { name: "Enable" }).click();
    await confirmEnable.getByRole("button", { name: "Enable" }).click();
    await expect(confirmEnable).toHaveCount(0);
    await expect(
      page.getByRole("group", { name: `Actions for ${name}` }).getByRole("button", { name: "Revoke" }),
    ).toBeVisible();

    await page.goto(`/dashboard/${team}/test/activity`);
    const entries = page.getByRole("list", { name: "Activity" }).getByRole("listitem");
    await expect(entries.filter({ hasText: `Secret scanning revoked the credential “${name}”` })).toContainText(
      `automatically: found in public at ${url}`,
    );
    await expect(entries.filter({ hasText: "(its token was found in public)" })).toHaveCount(2);
    expect(await page.content()).not.toContain(token);
  });
});

test.describe("on a phone, owner@example.com", () => {
  test.use({
    storageState: storageStateOf(demoAccounts.owner),
    viewport: { width: 390, height: 844 },
    reducedMotion: "reduce",
  });

  test("the leak banner, a leaked credential's page, the Enable question and Settings → Security fit and have no serious axe violation", async ({
    page,
    request,
  }) => {
    test.slow(); // four axe scans
    const team = await createTeam(page, "Phone leaks");
    const name = uniqueName("Leaky shop");
    const token = await createAndClose(page, name);
    // A long address, as GitHub's are: it must wrap, not widen the page.
    const url = `https://github.com/acme/a-rather-long-repository-name/blob/0123456789abcdef0123456789abcdef01234567/config/production.env`;
    expect((await reportLeak(request, [token], url, "commit")).status()).toBe(200);

    await page.reload();
    await expect(page.getByRole("list", { name: "Tokens found in public" })).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await openCredentialPage(page, name);
    await expect(page.getByText(`Found in public at ${url} (commit) on `)).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Enable" }).click();
    const confirmEnable = page.getByRole("alertdialog", { name: `Enable “${name}”?` });
    await expect(confirmEnable).toBeInViewport({ ratio: 1 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(confirmEnable).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Enable" })).toBeFocused();

    await page.goto(`/dashboard/${team}/test/settings/security`);
    await expect(page.getByRole("radiogroup", { name: settingName })).toBeVisible();
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

for (const who of ["developer", "viewer"] as const) {
  test.describe(`${who}@example.com`, () => {
    test.use({ storageState: storageStateOf(demoAccounts[who]) });

    test("sees the team's choice in Settings → Security, disabled, and who may change it", async ({ page }) => {
      await page.goto("/dashboard/acme/test/settings/security");
      const setting = page.getByRole("radiogroup", { name: settingName });
      for (const option of ["Revoke it and notify", "Only notify"])
        await expect(setting.getByRole("radio", { name: option })).toBeDisabled();
      await expect(setting.getByRole("radio", { name: "Revoke it and notify" })).toBeChecked();
      await expect(page.getByText("Only Owners and Admins can change this.")).toBeVisible();
      await expect(setting).toHaveAccessibleDescription(/Only Owners and Admins can change this\./);
      await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
    });
  });
}
