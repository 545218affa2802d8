// Pictures for the README (run with `npm run screenshots`): the owner's API Credentials page
// in Test and in Live, with a few credentials in each (one expiring, one rolled), in Test on a
// phone, and a rolled credential's page; the Usage page and a credential's Requests chart (the demo's
// week of usage) at 1280 and 390 px; and the interactive API reference (/v1/docs).
import { test } from "@playwright/test";
import {
  chooseRowAction,
  closeTokenDialog,
  createAndClose,
  openCredentialPage,
  revokeCredential,
} from "./credentials-page";
import { callMe, credentialsUrl, signIn } from "./helpers";

test("README screenshots of the API Credentials page in Test and in Live, on a phone, and of a credential's page", async ({
  page,
  request,
}) => {
  test.slow(); // a sign-in, six credentials, a roll, a password confirmation
  await signIn(page, "owner@example.com");
  const credentials: Record<"test" | "live", string[]> = {
    test: ["Local development", "Staging shop", "ERP sandbox"],
    live: ["Shop checkout", "ERP production"],
  };
  for (const environment of ["test", "live"] as const) {
    await page.goto(credentialsUrl("acme", environment));
    // Live asks for the password again once (sudo mode), for the first credential.
    for (const [i, name] of credentials[environment].entries())
      await createAndClose(page, name, { confirmingPassword: environment === "live" && i === 0 });
    if (environment === "test") {
      await revokeCredential(page, "Staging shop");
      const mobile = await createAndClose(page, "Mobile app", { expires: "In 7 days" });
      await callMe(request, mobile, "203.0.113.9");
      await chooseRowAction(page, "ERP sandbox", "Roll");
      await page.getByRole("dialog").getByRole("radio", { name: "In 24 hours" }).check();
      await page.getByRole("dialog").getByRole("button", { name: "Roll" }).click();
      await closeTokenDialog(page, "ERP sandbox");
    }
    // The call's usage count is flushed within 500 ms (the e2e server's interval): show it.
    if (environment === "test") {
      await page.waitForTimeout(1_000);
      await page.reload();
    }
    // Let the toasts go, and the relative times settle.
    await page
      .locator("[data-sonner-toast]")
      .first()
      .waitFor({ state: "detached", timeout: 15_000 })
      .catch(() => {});
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/screenshots/api-credentials-${environment}.png`, fullPage: true });
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(credentialsUrl("acme", "test"));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/api-credentials-phone.png", fullPage: true });

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.goto(credentialsUrl("acme", "test"));
  await openCredentialPage(page, "Mobile app");
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/credential-page.png", fullPage: true });
});

test("README screenshots of the Usage page and of a credential's Requests, on a laptop and a phone", async ({
  page,
}) => {
  await signIn(page, "owner@example.com");
  for (const [width, suffix] of [
    [1280, ""],
    [390, "-phone"],
  ] as const) {
    await page.setViewportSize({ width, height: 860 });
    await page.goto("/dashboard/acme/test/developers/usage");
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/screenshots/usage${suffix}.png`, fullPage: true });
    await page.getByRole("link", { name: "Old ERP key" }).first().click();
    const requests = page.getByRole("region", { name: "Requests" });
    await requests.getByRole("radio", { name: "7 days" }).check();
    await requests.locator(".recharts-bar-rectangle").first().waitFor();
    await page.mouse.move(0, 0);
    await requests.screenshot({ path: `docs/screenshots/credential-requests${suffix}.png` });
  }
});

test("README screenshot of the interactive API reference", async ({ page }) => {
  await page.goto("/v1/docs#tag/shipments/POST/v1/shipments");
  await page.getByRole("heading", { name: "Create a shipment" }).waitFor();
  await page.waitForTimeout(500); // the scroll to the anchor
  await page.screenshot({ path: "docs/screenshots/api-reference.png" });
});
