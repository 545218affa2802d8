// The site's icon: /favicon.ico and the icons a page links to answer, so no page load logs an error.
import { expect, test, type Page } from "@playwright/test";
import { credentialsUrl, useSavedSession } from "./helpers";

/** Console errors, uncaught exceptions and failed responses, from now on. */
function recordErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => message.type() === "error" && errors.push(`console: ${message.text()}`));
  page.on("pageerror", (error) => errors.push(`exception: ${error.message}`));
  page.on("response", (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
  return errors;
}

test("/favicon.ico is an icon", async ({ request }) => {
  const response = await request.get("/favicon.ico");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
  // An ICO file's header: reserved 0, type 1 (icon).
  expect([...(await response.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
});

for (const [what, email, path, heading] of [
  ["the sign-in page", null, "/login", "Sign in to your dashboard"],
  ["the API Credentials page", "owner@example.com", credentialsUrl("acme", "test"), "API Credentials"],
] as const) {
  test(`${what} links icons that answer, and loads with no console error`, async ({ page, request }) => {
    if (email) await useSavedSession(page, email);
    const errors = recordErrors(page);
    await page.goto(path);
    await expect(page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    const icons = await page
      .locator('head link[rel~="icon"]')
      .evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of icons) expect((await request.get(href)).status(), href).toBe(200);
    expect(errors).toEqual([]);
  });
}
