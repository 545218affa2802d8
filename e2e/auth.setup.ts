// Signs each demo user in once and saves their session, so tests can start signed in.
import { test as setup } from "@playwright/test";
import { demoAccounts, signIn, storageStateOf } from "./helpers";

for (const email of Object.values(demoAccounts)) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await signIn(page, email);
    await page.context().storageState({ path: storageStateOf(email) });
  });
}
