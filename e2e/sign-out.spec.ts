// Signing out ends the session on the server: a copy of the cookie (stolen, or left on another
// computer) is refused afterwards. Each test signs in sessions of its own: the saved ones are shared.
import { expect, test, type Browser } from "@playwright/test";
import { credentialsUrl, demoAccounts, signIn } from "./helpers";
import { signUpThroughMail } from "./mail";

/** A browser holding exactly these cookies, as an attacker who copied them would. */
async function browserWithCookies(
  browser: Browser,
  cookies: Parameters<import("@playwright/test").BrowserContext["addCookies"]>[0],
) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  return { context, page: await context.newPage() };
}

test("a session cookie copied before Sign out is refused after it", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, demoAccounts.developer);
  const copied = await context.cookies();

  // The copy works while the session lives…
  const attacker = await browserWithCookies(browser, copied);
  await attacker.page.goto(credentialsUrl("acme", "test"));
  await expect(attacker.page.getByRole("heading", { name: "API Credentials", exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  // …and not once it has been signed out, on a page or through a server action.
  await attacker.page.goto(credentialsUrl("acme", "test"));
  await expect(attacker.page).toHaveURL(/\/login\?next=/);
  await expect(attacker.page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await attacker.page.goto("/dashboard");
  await expect(attacker.page).toHaveURL(/\/login/);

  await Promise.all([context.close(), attacker.context.close()]);
});

test("Sign out of all devices ends the session on another device too", async ({ browser }) => {
  test.slow(); // signing up through the mailbox, then two devices
  // An account of its own: this signs every session of the user out.
  const email = `two-devices-${Date.now()}@example.com`;
  const password = "a-long-enough-password";
  const laptopContext = await browser.newContext();
  const laptop = await laptopContext.newPage();
  await signUpThroughMail(laptop, { name: "Tom Twodevices", email, password });
  await expect(laptop).toHaveURL(/\/dashboard\/toms-team(-\d+)?\/test\//);
  const dashboard = laptop.url();

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signIn(phone, email, password);
  await phone.goto(dashboard);

  // From the phone, at 390 px wide: the sidebar's controls are in the "Menu" drawer there.
  await phone.getByRole("button", { name: "Menu" }).click();
  const menu = phone.getByRole("dialog", { name: "Menu" });
  await expect(menu.getByText("Tom Twodevices")).toBeVisible();
  await menu.getByRole("button", { name: "Sign out of all devices" }).click();
  await expect(phone).toHaveURL(/\/login/);

  await laptop.reload();
  await expect(laptop).toHaveURL(/\/login\?next=/);
  await expect(laptop.getByRole("button", { name: "Sign in" })).toBeVisible();

  // Signing in again works, with a new session.
  await signIn(laptop, email, password);
  await expect(laptop.getByText("Tom Twodevices")).toBeVisible();
  await Promise.all([laptopContext.close(), phoneContext.close()]);
});
