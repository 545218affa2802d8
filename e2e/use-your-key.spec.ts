// The page's "Use your key" snippets: each has its own Copy, and a refused clipboard leaves the
// snippet selected to copy by hand.
import { expect, test } from "@playwright/test";
import { credentialsUrl, useSavedSession } from "./helpers";

test.beforeEach(async ({ page }) => {
  await useSavedSession(page, "viewer@example.com");
});

test("the header and the curl command each copy with their own button", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await page.goto(credentialsUrl("acme", "test"));
  const section = page.getByRole("region", { name: "Use your key" });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await section.getByRole("button", { name: "Copy header" }).click();
  await expect(section.getByRole("button", { name: "Copied header" })).toBeVisible();
  expect(await clipboard()).toBe("Authorization: Bearer <token>");

  await section.getByRole("button", { name: "Copy curl command" }).click();
  await expect(section.getByRole("button", { name: "Copied curl command" })).toBeVisible();
  expect(await clipboard()).toBe(`curl ${baseURL}/v1/me \\\n  -H "Authorization: Bearer <token>"`);
});

test("when the clipboard refuses, the snippet is selected and a message says to copy it by hand", async ({ page }) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException("Refused", "NotAllowedError"));
  });
  await page.goto(credentialsUrl("acme", "test"));
  await page.getByRole("region", { name: "Use your key" }).getByRole("button", { name: "Copy header" }).click();
  await expect(
    page.getByText("Could not copy to the clipboard. The text is selected: copy it with your keyboard."),
  ).toBeVisible();
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe("Authorization: Bearer <token>");
});
