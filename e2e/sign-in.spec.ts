import { expect, test } from "@playwright/test";
import { asNewClient, credentialsUrl, DEMO_PASSWORD, demoAccounts, signIn } from "./helpers";
import { linkIn, mailsTo, waitForMail } from "./mail";
import { seriousViolations } from "./axe";

const firstTeam: Record<string, { slug: string; name: string }> = {
  [demoAccounts.owner]: { slug: "acme", name: "Acme Logistics" },
  [demoAccounts.admin]: { slug: "acme", name: "Acme Logistics" },
  [demoAccounts.developer]: { slug: "acme", name: "Acme Logistics" },
  [demoAccounts.viewer]: { slug: "acme", name: "Acme Logistics" },
  [demoAccounts.globex]: { slug: "globex", name: "Globex Freight" },
};

for (const [email, team] of Object.entries(firstTeam)) {
  test(`${email} signs in and lands in ${team.name}, Test`, async ({ page }) => {
    await signIn(page, email);
    await expect(page).toHaveURL(credentialsUrl(team.slug, "test"));
    await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue(team.slug);
    await expect(page.getByRole("radio", { name: "Test" })).toBeChecked();
  });
}

test("a wrong password and an unknown email get the same error, and the email is kept", async ({ page }) => {
  for (const email of ["owner@example.com", "nobody@example.com"]) {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page).toHaveURL(/\/login/);
  }
});

test("failed sign-ins sent straight to Auth.js's endpoint count for the sign-in form too", async ({ page }) => {
  // Two entry points run the same password check: Auth.js's route and the form's server action.
  // They must share one throttle (5 failures per email from one address), not keep a budget each.
  // One address for both, said outright: the browser and the test's own requests may reach the
  // server over different loopback addresses (127.0.0.1, ::1).
  const email = `guesser-${Date.now()}@example.com`;
  const headers = { "x-forwarded-for": await asNewClient(page) };
  for (let i = 0; i < 5; i++) {
    const { csrfToken } = await (await page.request.get("/api/auth/csrf", { headers })).json();
    const response = await page.request.post("/api/auth/callback/credentials", {
      form: { email, password: `guess-${i}`, csrfToken },
      headers,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
  }
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("guess-5");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("sign-in-error")).toHaveText(
    "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
  );
});

test("wrong passwords typed for your email at your address do not lock you out of your own browser", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  // The owner signs in once, from the office (one NAT address): the browser now holds a device cookie.
  const office = await asNewClient(page);
  await signIn(page, demoAccounts.globex);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "ecourier-device")).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  // Someone behind the same address sends 5 wrong passwords for the email straight to Auth.js.
  for (let i = 0; i < 5; i++) {
    const headers = { "x-forwarded-for": office };
    const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: demoAccounts.globex, password: `guess-${i}`, csrfToken },
      headers,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
  }

  // A browser that never signed in as the owner now waits, even with the right password…
  const stranger = await browser.newPage({ baseURL, extraHTTPHeaders: { "x-forwarded-for": office } });
  await stranger.goto("/login");
  await stranger.getByLabel("Email").fill(demoAccounts.globex);
  await stranger.getByLabel("Password").fill(DEMO_PASSWORD);
  await stranger.getByRole("button", { name: "Sign in" }).click();
  await expect(stranger.getByTestId("sign-in-error")).toHaveText(
    "Too many failed sign-in attempts. Wait 15 minutes, then try again.",
  );
  await stranger.close();

  // …the owner's own browser signs in at once.
  await signIn(page, demoAccounts.globex);
  await expect(page).toHaveURL(credentialsUrl("globex", "test"));
});

test("a signed-out visitor is sent to sign in, then back to the page they asked for", async ({ page }) => {
  await page.goto(credentialsUrl("acme", "live"));
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill(demoAccounts.admin);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(credentialsUrl("acme", "live"));
});

test("sign-in never sends you to another site", async ({ page }) => {
  await page.goto("/login?next=//evil.example.com/phish");
  await page.getByLabel("Email").fill(demoAccounts.viewer);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(credentialsUrl("acme", "test"));
});

test("sign-up mails a link; the link and the password make the account with its own team, which can sign in again", async ({
  page,
}) => {
  test.slow(); // the form, the mailbox, the link, sign-out and sign-in again: several bcrypt rounds
  await asNewClient(page);
  const email = `new-${Date.now()}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nina Newcomer");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Nina Newcomer");

  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeFocused();
  await expect(page.getByText(`We sent a message to ${email}.`)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // Nothing exists before the link is opened: signing in is refused.
  const mail = await waitForMail(email);
  expect(mail.subject).toBe("Finish creating your eCourier account");
  const signInBefore = await page.context().browser()!.newPage();
  await signInBefore.goto("/login");
  await signInBefore.getByLabel("Email").fill(email);
  await signInBefore.getByLabel("Password").fill("a-long-enough-password");
  await signInBefore.getByRole("button", { name: "Sign in" }).click();
  await expect(signInBefore.getByTestId("sign-in-error")).toHaveText("Wrong email or password.");
  await signInBefore.close();

  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "Finish creating your account" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel("Password").fill("not-what-i-chose");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /This is not the password you chose when you signed up\./,
  );
  await page.getByLabel("Password").fill("a-long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/dashboard\/ninas-team(-\d+)?\/test\/developers\/api-credentials/);
  await expect(page.getByRole("combobox", { name: "Team" })).toContainText("Nina's team");
  await expect(page.getByRole("button", { name: "Send verification link" })).toHaveCount(0); // verified by the link

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, email, "a-long-enough-password");
  await expect(page.getByText("Nina Newcomer")).toBeVisible();

  // The link worked once.
  await page.goto(linkIn(mail));
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
});

test("sign-up with a taken email answers exactly as with a new one; the owner is told someone tried", async ({
  page,
}) => {
  await asNewClient(page);
  const before = (await mailsTo("owner@example.com")).length;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Olivia Again");
  await page.getByLabel("Email").fill("owner@example.com");
  await page.getByLabel("Password").fill("another-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByText("We sent a message to owner@example.com.")).toBeVisible();
  await expect(page.getByText(/already exists/)).toHaveCount(0);

  const mail = await waitForMail("owner@example.com", before + 1);
  expect(mail.subject).toBe("Someone tried to create an account with your address");
  expect(mail.text).toContain("/login");
  expect(mail.text).not.toContain("/verify-email/");
});

test("a password too easy to guess gets zxcvbn's feedback under the field while typing, and is refused", async ({
  page,
}) => {
  await asNewClient(page);
  // zxcvbn's dictionaries (about 0.9 MB gzipped) load only once someone types a password.
  const scripts: number[] = [];
  page.on("response", async (response) => {
    if (response.url().endsWith(".js")) scripts.push((await response.body().catch(() => Buffer.alloc(0))).length);
  });
  const largeScripts = () => scripts.filter((bytes) => bytes > 1_000_000).length;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Pat Password");
  await page.getByLabel("Email").fill(`pat-${Date.now()}@example.com`);
  await expect(page.getByRole("button", { name: "Create account" })).toBeEnabled();
  expect(largeScripts()).toBe(0);
  await page.getByLabel("Password").fill("abcdefghij");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /Common character sequences like "abc" are easy to guess\./,
  );
  expect(largeScripts()).toBe(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Create account" }).click();
  // The server's refusal, at the field (once: the live hint, saying the same, steps aside).
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/Common character sequences like "abc" are easy to guess\./)).toHaveCount(1);
  await expect(page.getByRole("heading", { name: "Check your email" })).toHaveCount(0);

  await page.getByLabel("Password").fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
});

test("sign-up refuses a common password and one longer than bcrypt reads, saying why", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Pat Password");
  await page.getByLabel("Email").fill(`pat-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /This password is too common\. Choose another\./,
  );

  await page.getByLabel("Password").fill("ü".repeat(40));
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at most 72 bytes/);
});
