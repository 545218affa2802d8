// The dialog that shows a new token once: closing it before the token is copied asks first, and a
// ready-to-run curl command with this token has its own Copy (copying it counts as copying the token).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { seriousViolations } from "./axe";
import { closeWithoutCopying, createCredential, credentialRow, uniqueName } from "./credentials-page";
import { credentialsUrl, useSavedSession } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"], reducedMotion: "reduce" });

test.beforeEach(async ({ page }) => {
  await useSavedSession(page, "owner@example.com");
  await page.goto(credentialsUrl("acme", "test"));
});

test("closing before the token is copied asks first: Go back returns to the token, Close drops it", async ({
  page,
}) => {
  test.slow(); // an axe scan of the question
  const name = uniqueName("Uncopied");
  const token = await createCredential(page, name);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  const ask = closeWithoutCopying(page);

  // Escape asks. Go back returns to the token, with focus on its Copy button.
  await page.keyboard.press("Escape");
  await expect(ask).toHaveAccessibleDescription("The token will not be shown again.");
  await expect(ask.getByRole("button", { name: "Go back" })).toBeFocused();
  await expect(ask.getByRole("button", { name: "Close", exact: true })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await ask.getByRole("button", { name: "Go back" }).click();
  await expect(ask).toHaveCount(0);
  await expect(reveal.getByRole("button", { name: "Copy", exact: true })).toBeFocused();
  await expect(reveal.getByRole("textbox", { name: "Token" })).toHaveValue(token);

  // × asks too, and Escape on the question goes back as well.
  await reveal.getByRole("button", { name: "Close", exact: true }).click();
  await expect(ask).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(ask).toHaveCount(0);
  await expect(reveal.getByRole("textbox", { name: "Token" })).toHaveValue(token);

  // A click outside does nothing at all.
  await page.mouse.click(5, 5);
  await expect(ask).toHaveCount(0);
  await expect(reveal).toBeVisible();

  // Done asks; Close drops the token, and focus goes back to the button that started it.
  await reveal.getByRole("button", { name: "Done" }).click();
  await ask.getByRole("button", { name: "Close", exact: true }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole("button", { name: "New API credential" })).toBeFocused();
  await expect(credentialRow(page, name)).toBeVisible();
});

test("the curl command carries this token and runs as copied; once it is copied, Escape closes at once", async ({
  page,
  baseURL,
}) => {
  const name = uniqueName("Curl");
  const token = await createCredential(page, name);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  const command = `curl ${baseURL}/v1/me \\\n  -H "Authorization: Bearer ${token}"`;
  await expect(reveal.locator("pre")).toHaveText(command);

  await reveal.getByRole("button", { name: "Copy curl command" }).click();
  await expect(reveal.getByRole("button", { name: "Copied curl command" })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(command);
  // Run by a shell as pasted, it answers with this credential.
  const { stdout } = await promisify(execFile)("sh", ["-c", copied]);
  expect(JSON.parse(stdout)).toMatchObject({
    team: { name: "Acme Logistics" },
    environment: "test",
    credential: { name },
  });

  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});

test("a token copied by hand from its field counts as copied too", async ({ page }) => {
  const name = uniqueName("By hand");
  const token = await createCredential(page, name);
  const reveal = page.getByRole("dialog", { name: `“${name}” is ready` });
  // Focus selects the whole token; the keyboard's copy takes it.
  await reveal.getByRole("textbox", { name: "Token" }).focus();
  await page.keyboard.press("ControlOrMeta+C");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await reveal.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
});
