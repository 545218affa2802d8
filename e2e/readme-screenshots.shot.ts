// Pictures for the README (run with `npm run screenshots`): the owner's API Credentials page
// in Test and in Live, with a few credentials in each, and in Test on a phone.
import { test } from "@playwright/test";
import { createAndClose, revokeCredential } from "./credentials-page";
import { credentialsUrl, signIn } from "./helpers";

test("README screenshots of the API Credentials page in Test and in Live, and on a phone", async ({ page }) => {
  test.slow(); // a sign-in, five credentials, a password confirmation
  await signIn(page, "owner@example.com");
  const credentials: Record<"test" | "live", string[]> = {
    test: ["Local development", "Staging shop", "ERP sandbox"],
    live: ["Shop checkout", "ERP production"],
  };
  for (const environment of ["test", "live"] as const) {
    await page.goto(credentialsUrl("acme", environment));
    // Live asks for the password again once (sudo mode), for the first credential.
    for (const [i, name] of credentials[environment].entries()) await createAndClose(page, name, { confirmingPassword: environment === "live" && i === 0 });
    if (environment === "test") await revokeCredential(page, "Staging shop");
    // Let the toasts go, and the relative times settle.
    await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => {});
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/screenshots/api-credentials-${environment}.png`, fullPage: true });
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(credentialsUrl("acme", "test"));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: "docs/screenshots/api-credentials-phone.png", fullPage: true });
});
