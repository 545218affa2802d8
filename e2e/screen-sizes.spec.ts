// The dashboard at a phone's, a tablet's and a laptop's size: nothing wider than the screen, the
// Test/Live switch and every row's actions in view, dialogs inside the viewport, and no serious axe
// violation on any screen, open dialog (create, token, a row's menu, Rename, Revoke, invite) or the
// phone's menu drawer; a name of the maximum length keeping its row's actions in view.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import {
  chooseRowAction,
  closeTokenDialog,
  createAndClose,
  createCredential,
  credentialRow,
  rowActions,
  uniqueName,
} from "./credentials-page";
import { credentialsUrl, demoAccounts, expectNoSidewaysScroll, useSavedSession } from "./helpers";

const sizes = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];

/** A name of the allowed maximum, 64 characters, that no other test uses. */
function longestName() {
  const name = uniqueName("Northern distribution centres, nightly ERP synchronisation");
  expect(name).toHaveLength(64);
  return name;
}

/** Scrolls the page (only the page: a table keeps its own scroll position) to the element, and expects all of it in view. */
async function expectFullyInView(target: Locator) {
  await target.evaluate((el) =>
    window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top - window.innerHeight / 2),
  );
  await expect(target).toBeInViewport({ ratio: 1 });
}

/** An open dialog, menu or drawer: all of it on screen, the page no wider, no serious axe violation. */
async function expectFitsAndAccessible(page: Page, opened: Locator) {
  await expect(opened).toBeInViewport({ ratio: 1 });
  await expectNoSidewaysScroll(page);
  expect(await seriousViolations(page)).toEqual([]);
}

async function expectEnvironmentSwitchInView(page: Page) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.getByRole("radiogroup", { name: "Environment" })).toBeInViewport({ ratio: 1 });
}

test.use({ reducedMotion: "reduce" });

for (const viewport of sizes) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test("the credentials list, the create dialog and the token dialog fit the screen", async ({ page }) => {
      test.slow(); // three axe scans
      await useSavedSession(page, demoAccounts.owner);
      await page.goto(credentialsUrl("acme", "test"));
      const name = longestName();
      await createAndClose(page, name);

      await expectNoSidewaysScroll(page);
      await expectEnvironmentSwitchInView(page);
      const menus = page.getByRole("button", { name: /^Actions for / });
      await expect(menus.first()).toBeVisible();
      for (const menu of (await menus.all()).slice(0, 8)) await expectFullyInView(menu);
      await expectFullyInView(rowActions(page, name));
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "New API credential" }).click();
      await expectFitsAndAccessible(page, page.getByRole("dialog", { name: "New API credential" }));
      await page.keyboard.press("Escape");

      const next = uniqueName("Phone shop");
      await createCredential(page, next);
      await expect(page.getByText(`Created “${next}”.`)).toBeVisible(); // the toast is scanned too
      await expectFitsAndAccessible(page, page.getByRole("dialog", { name: `“${next}” is ready` }));
      await closeTokenDialog(page, next);
    });

    test("a row's menu and its Rename and Revoke dialogs fit the screen", async ({ page }) => {
      test.slow(); // three axe scans
      await useSavedSession(page, demoAccounts.owner);
      await page.goto(credentialsUrl("acme", "test"));
      const name = longestName();
      await createAndClose(page, name);

      await rowActions(page, name).click();
      await expectFitsAndAccessible(page, page.getByRole("menu", { name: `Actions for ${name}` }));
      await page.keyboard.press("Escape");

      await chooseRowAction(page, name, "Rename");
      await expectFitsAndAccessible(page, page.getByRole("dialog", { name: `Rename “${name}”` }));
      await page.keyboard.press("Escape");

      await chooseRowAction(page, name, "Revoke");
      const revoke = page.getByRole("alertdialog", { name: `Revoke “${name}”?` });
      await expectFitsAndAccessible(page, revoke);
      await revoke.getByRole("button", { name: "Cancel" }).click();
    });

    test("a rolled credential's page and the roll dialog fit the screen", async ({ page }) => {
      test.slow(); // three axe scans
      await useSavedSession(page, demoAccounts.owner);
      await page.goto(credentialsUrl("acme", "test"));
      const name = longestName();
      await createAndClose(page, name);
      await chooseRowAction(page, name, "Roll");
      const roll = page.getByRole("dialog", { name: `Roll “${name}”` });
      await expectFitsAndAccessible(page, roll);
      await roll.getByRole("button", { name: "Roll" }).click();
      await closeTokenDialog(page, name);

      // Its row now says what replaced it, and keeps its actions in view.
      const replaced = credentialRow(page, name).filter({ hasText: "Replaced by" });
      await expectFullyInView(replaced.getByRole("button", { name: `Actions for ${name}` }));
      await expectNoSidewaysScroll(page);

      await replaced.getByRole("rowheader").getByRole("link").click();
      await expect(page.getByRole("heading", { name: `Replaced by ${name}` })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectEnvironmentSwitchInView(page);
      await expectFullyInView(page.getByRole("button", { name: "Delete" }));
      await expectFullyInView(page.getByRole("button", { name: "Save" }));
      expect(await seriousViolations(page)).toEqual([]);
    });

    test("members, the invite dialog and activity fit the screen", async ({ page }) => {
      test.slow(); // three axe scans
      await useSavedSession(page, demoAccounts.owner);
      await page.goto("/dashboard/acme/test/settings/members");
      await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectEnvironmentSwitchInView(page);
      for (const remove of await page.getByRole("button", { name: /^Remove / }).all()) await expectFullyInView(remove);
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: "Invite member" }).click();
      await expectFitsAndAccessible(page, page.getByRole("dialog", { name: "Invite a member" }));
      await page.keyboard.press("Escape");

      // Acme's Test log holds at least the credentials made by this file's tests above.
      await page.goto("/dashboard/acme/test/activity");
      await expect(page.getByRole("list", { name: "Activity" }).getByRole("listitem").first()).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectEnvironmentSwitchInView(page);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: sizes[0] });

  test("the menu opens a drawer with the sections, the team and sign-out, and closes by Escape, × or navigating", async ({
    page,
  }) => {
    test.slow(); // an axe scan and three pages
    await useSavedSession(page, demoAccounts.developer);
    await page.goto(credentialsUrl("acme", "test"));
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeHidden();
    const open = page.getByRole("button", { name: "Menu" });
    await expect(open).toBeInViewport({ ratio: 1 });
    await open.click();

    const drawer = page.getByRole("dialog", { name: "Menu" });
    await expect(drawer.getByRole("combobox", { name: "Team" })).toBeVisible();
    await expect(drawer.getByRole("link", { name: "API Credentials" })).toHaveAttribute("aria-current", "page");
    await expect(drawer.getByText("Role in Acme Logistics: Developer")).toBeVisible();
    await expect(drawer.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
    await expect(drawer.getByRole("button", { name: "Sign out of all devices" })).toBeVisible();
    await expectFitsAndAccessible(page, drawer);

    await page.keyboard.press("Escape");
    await expect(drawer).toHaveCount(0);
    await expect(open).toBeFocused();

    await open.click();
    await drawer.getByRole("button", { name: "Close" }).click();
    await expect(drawer).toHaveCount(0);

    await open.click();
    await drawer.getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL("/dashboard/acme/test/settings/members");
    await expect(drawer).toHaveCount(0);

    await open.click();
    await drawer.getByRole("combobox", { name: "Team" }).selectOption({ label: "Globex Freight" });
    await expect(page).toHaveURL("/dashboard/globex/test/settings/members");
    await expect(drawer).toHaveCount(0);
  });
});

test.describe("on a laptop", () => {
  test.use({ viewport: sizes[2] });

  test("a 64-character name keeps its row's actions inside the table, and the full name in their name", async ({
    page,
  }) => {
    await useSavedSession(page, demoAccounts.owner);
    await page.goto(credentialsUrl("acme", "test"));
    await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Sections" })).toBeVisible();
    const name = longestName();
    await createAndClose(page, name);

    await expect(credentialRow(page, name)).toBeVisible();
    const actions = rowActions(page, name);
    await expectFullyInView(actions);
    const table = await page.getByRole("table").evaluate((el) => el.parentElement!.getBoundingClientRect());
    const box = (await actions.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(table.left);
    expect(box.x + box.width).toBeLessThanOrEqual(table.right);

    await actions.click();
    const menu = page.getByRole("menu", { name: `Actions for ${name}` });
    await expect(menu.getByRole("menuitem")).toHaveText(["Rename", "Roll", "Change expiry", "Revoke", "Delete"]);
    await page.keyboard.press("Escape");
    await expect(actions).toBeFocused();
  });
});
