// Team members end to end: create a team, invite a new person, their role changing under an open
// session, the Owner rules, and the activity log recording it all with the right actor. Inviting
// someone who would reach Live access asks for the Owner's password first (sudo mode).
import { expect, test, type Page } from "@playwright/test";
import { closeTokenDialog, confirmPassword } from "./credentials-page";
import { credentialsUrl, demoAccounts, signIn, storageStateOf } from "./helpers";
import { linkIn, waitForMail } from "./mail";

const suffix = () => Math.random().toString(36).slice(2, 7);
const membersUrl = (team: string) => `/dashboard/${team}/test/settings/members`;
const activityUrl = (team: string, env: "test" | "live" = "test") => `/dashboard/${team}/${env}/activity`;
const teamSlugOf = (page: Page) => new URL(page.url()).pathname.split("/")[2];

async function createTeam(page: Page, name: string): Promise<string> {
  await page.goto(credentialsUrl("acme", "test"));
  await page.getByRole("link", { name: "Create team" }).click();
  // Wait for the page: until then "Name" would also match the credentials page's "Filter by name".
  await expect(page.getByRole("heading", { name: "Create a team" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/test\/developers\/api-credentials$/);
  await expect(page.getByRole("combobox", { name: "Team" })).toHaveValue(teamSlugOf(page));
  await expect(page.getByRole("combobox", { name: "Team" }).getByRole("option", { name })).toHaveCount(1);
  await expect(page.getByText(`Role in ${name}: Owner`)).toBeVisible();
  return teamSlugOf(page);
}

/** Invites through the dialog; `confirmingPassword`: the first change of a session that has not confirmed yet. */
async function inviteMember(
  page: Page,
  email: string,
  role: string,
  { confirmingPassword = false } = {},
): Promise<string> {
  await page.getByRole("button", { name: "Invite member" }).click();
  const form = page.getByRole("dialog", { name: "Invite a member" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create invitation" }).click();
  if (confirmingPassword) await confirmPassword(page);
  const shown = page.getByRole("dialog", { name: "Invitation link" });
  const link = await shown.getByLabel("Invitation link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await shown.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Link copied.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await shown.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  return link;
}

async function setRole(page: Page, name: string, role: string) {
  await page.getByRole("combobox", { name: `Role of ${name}` }).selectOption({ label: role });
  await expect(page.getByText(`${name} is now ${role}.`)).toBeVisible();
}

test.describe("an Owner's new team", () => {
  // A session of each test's own: its first invitation asks for the password, and confirming it must not
  // spare the shared saved session a question another test expects.
  test.use({ storageState: { cookies: [], origins: [] }, permissions: ["clipboard-read", "clipboard-write"] });
  test.beforeEach(async ({ page }) => {
    test.slow(); // a sign-in and a password confirmation of its own: two bcrypt checks more than a saved session
    await signIn(page, demoAccounts.owner);
  });

  test("invitee joins by link, works as Developer, loses controls on demotion without signing in again; Owner rules hold; activity shows it all", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const teamName = `Members E2E ${suffix()}`;
    const team = await createTeam(page, teamName);

    // Invite a new person as Developer.
    await page.getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(membersUrl(team));
    await expect(page.getByRole("row", { name: /Olivia Owner/ })).toContainText("owner@example.com");
    const inviteeEmail = `invitee-${suffix()}@example.com`;
    const inviteeName = "Ivy Invitee";
    const link = await inviteMember(page, inviteeEmail, "Developer", { confirmingPassword: true });
    await expect(page.getByRole("row", { name: new RegExp(inviteeEmail) })).toContainText("Developer");

    // The invitee opens the link in a fresh browser and sets a password; the account is made, and joins,
    // from the link mailed to the invited address, with that password typed again.
    // Contexts made in a test inherit its options, the Owner's session included: start empty.
    const inviteeContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const invitee = await inviteeContext.newPage();
    await invitee.goto(link);
    await expect(invitee.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
    await expect(invitee.getByLabel("Email")).toHaveValue(inviteeEmail);
    await invitee.getByLabel("Name").fill(inviteeName);
    await invitee.getByLabel("Password").fill("short");
    await invitee.getByRole("button", { name: `Join ${teamName}` }).click();
    await expect(invitee.getByText("Use at least 10 characters.")).toBeVisible();
    await invitee.getByLabel("Password").fill("invitee-password-123");
    await invitee.getByRole("button", { name: `Join ${teamName}` }).click();
    await expect(invitee.getByText("Check your email")).toBeVisible();
    const mail = await waitForMail(inviteeEmail);
    expect(mail.subject).toBe(`Finish joining ${teamName} on eCourier`);
    await invitee.goto(linkIn(mail));
    await expect(invitee.getByRole("heading", { name: `Join ${teamName}` })).toBeVisible();
    await invitee.getByLabel("Password").fill("invitee-password-123");
    await invitee.getByRole("button", { name: `Join ${teamName}` }).click();
    await expect(invitee).toHaveURL(credentialsUrl(team, "test"));
    await expect(invitee.getByText(`Role in ${teamName}: Developer`)).toBeVisible();
    await expect(invitee.getByRole("combobox", { name: "Team" }).getByRole("option")).toHaveText([teamName]);

    // The link worked once.
    const reuse = await inviteeContext.newPage();
    await reuse.goto(link);
    await expect(reuse.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
    await reuse.close();

    // As Developer the invitee creates a credential.
    const credentialName = `Invitee key ${suffix()}`;
    await invitee.getByRole("button", { name: "New API credential" }).click();
    const create = invitee.getByRole("dialog", { name: "New API credential" });
    await create.getByLabel("Name").fill(credentialName);
    await create.getByRole("button", { name: "Create" }).click();
    await closeTokenDialog(invitee, credentialName);
    await expect(invitee.getByRole("rowheader", { name: credentialName })).toBeVisible();

    // Promoted to Admin, the invitee sees member controls but none for the Owner.
    await page.reload();
    await setRole(page, inviteeName, "Admin");
    const stale = await inviteeContext.newPage();
    await stale.goto(membersUrl(team));
    await expect(stale.getByRole("button", { name: "Invite member" })).toBeVisible();
    await expect(stale.getByRole("combobox", { name: "Role of Olivia Owner" })).toHaveCount(0);
    await expect(stale.getByRole("button", { name: "Remove Olivia Owner" })).toHaveCount(0);
    await expect(stale.getByRole("combobox", { name: `Role of ${inviteeName}` }).getByRole("option")).toHaveText([
      "Admin",
      "Developer",
      "Read-only",
    ]);

    // The Owner makes them Read-only. Their open session sees it on the next request.
    await setRole(page, inviteeName, "Read-only");
    await invitee.reload();
    await expect(invitee.getByText(`Role in ${teamName}: Read-only`)).toBeVisible();
    await expect(invitee.getByRole("rowheader", { name: credentialName })).toBeVisible();
    await expect(invitee.getByRole("button", { name: "New API credential" })).toHaveCount(0);

    // The stale Members tab still shows the Admin controls; using them is refused by the server.
    await stale.getByRole("button", { name: "Invite member" }).click();
    const staleForm = stale.getByRole("dialog", { name: "Invite a member" });
    await staleForm.getByLabel("Email").fill(`sneaky-${suffix()}@example.com`);
    await staleForm.getByRole("button", { name: "Create invitation" }).click();
    await expect(staleForm.getByText("Your role does not allow this.")).toBeVisible();
    await stale.reload();
    await expect(stale.getByText("Your role (Read-only) can view members but not change them.")).toBeVisible();
    await expect(stale.getByRole("button", { name: "Invite member" })).toHaveCount(0);
    await expect(stale.getByRole("combobox")).toHaveCount(1); // only the team selector
    await expect(stale.getByText(/sneaky-/)).toHaveCount(0);
    await inviteeContext.close();

    // The last Owner can neither leave (the button says why, before any dialog) nor step down.
    await page.reload();
    const leave = page.getByRole("button", { name: "Leave team" });
    await expect(leave).toBeDisabled();
    await expect(leave).toHaveAccessibleDescription(
      "You are the only Owner. Make another member an Owner before leaving.",
    );
    await expect(page.getByText("You are the only Owner. Make another member an Owner before leaving.")).toBeVisible();
    await page.getByRole("combobox", { name: "Role of Olivia Owner" }).selectOption({ label: "Admin" });
    await expect(
      page.getByText("A team needs at least one Owner. Make another member an Owner first.").first(),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Role of Olivia Owner" })).toHaveValue("owner");
    await expect(page.getByText(`Role in ${teamName}: Owner`)).toBeVisible();

    // The activity log lists every change, newest first, with who did it.
    await page.getByRole("link", { name: "Activity" }).click();
    await expect(page).toHaveURL(activityUrl(team));
    const entries = page.getByRole("list", { name: "Activity" }).getByRole("listitem");
    await expect(entries).toHaveText([
      new RegExp(
        `Olivia Owner \\(owner@example.com\\) changed the role of ${inviteeName} \\(${inviteeEmail}\\) from Admin to Read-only`,
      ),
      new RegExp(
        `Olivia Owner \\(owner@example.com\\) changed the role of ${inviteeName} \\(${inviteeEmail}\\) from Developer to Admin`,
      ),
      new RegExp(
        `${inviteeName} \\(${inviteeEmail}\\) created the credential “${credentialName}” pk_test_\\w{4}…\\w{4}`,
      ),
      new RegExp(`${inviteeName} \\(${inviteeEmail}\\) joined the team as Developer`),
      new RegExp(`Olivia Owner \\(owner@example.com\\) invited ${inviteeEmail} as Developer`),
    ]);

    // Member changes are team-wide: Live shows them too, but not the Test credential.
    await page.goto(activityUrl(team, "live"));
    await expect(entries).toHaveCount(4);
    await expect(page.getByText(credentialName)).toHaveCount(0);
  });

  test("Done closes the invitation link at once, though the members list is still refreshing", async ({ page }) => {
    const team = await createTeam(page, `Slow refresh ${suffix()}`);
    await page.goto(membersUrl(team));
    // Hold the page's refresh after the invitation (a router fetch, not the action's POST), as a busy server would.
    await page.route("**/settings/members*", async (route) => {
      const headers = route.request().headers();
      if (headers["rsc"] && !headers["next-action"]) await new Promise((resolve) => setTimeout(resolve, 5_000));
      await route.fallback();
    });
    const invitee = `slow-${suffix()}@example.com`;
    await inviteMember(page, invitee, "Developer", { confirmingPassword: true });
    await expect(page.getByRole("row", { name: new RegExp(invitee) })).toContainText("Developer");
  });

  test("an invitation opened while signed in as someone else says so, and signing out comes back to it", async ({
    page,
    browser,
  }) => {
    const team = await createTeam(page, `Wrong account ${suffix()}`);
    await page.goto(membersUrl(team));
    const link = await inviteMember(page, `newcomer-${suffix()}@example.com`, "Developer", {
      confirmingPassword: true,
    });

    // A session of its own: signing out ends it on the server, and the saved one is shared by other tests.
    const viewerContext = await browser.newContext({ storageState: undefined });
    const viewer = await viewerContext.newPage();
    await signIn(viewer, demoAccounts.viewer);
    await viewer.goto(link);
    await expect(viewer.getByText(/but you are signed in as viewer@example\.com/)).toBeVisible();
    await viewer.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(viewer).toHaveURL(link);
    await expect(
      viewer.getByText(/^Choose your name and a password\. We then mail .+ a link that creates your account\.$/),
    ).toBeVisible();
    await viewerContext.close();
  });
});

test.describe("admin@example.com in Acme", () => {
  test.use({ storageState: storageStateOf(demoAccounts.admin) });

  test("cannot demote or remove the Owner, nor invite an Owner", async ({ page }) => {
    await page.goto(membersUrl("acme"));
    await expect(
      page.getByRole("row", { name: /^Olivia Owner/ }).getByRole("cell", { name: "Owner", exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Role of Olivia Owner" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Remove Olivia Owner" })).toHaveCount(0);
    await expect(page.getByRole("combobox", { name: "Role of Dana Developer" })).toBeEnabled();
    await page.getByRole("button", { name: "Invite member" }).click();
    await expect(page.getByRole("dialog").getByLabel("Role").getByRole("option")).toHaveText([
      "Admin",
      "Developer",
      "Read-only",
    ]);
    await page.keyboard.press("Escape");
    // Only the last Owner is held back: an Admin may leave.
    await expect(page.getByRole("button", { name: "Leave team" })).toBeEnabled();
    await expect(page.getByText("You are the only Owner.", { exact: false })).toHaveCount(0);
  });
});

test.describe("viewer@example.com in Acme", () => {
  test.use({ storageState: storageStateOf(demoAccounts.viewer) });

  test("sees every member with role and since when, and no controls", async ({ page }) => {
    await page.goto(credentialsUrl("acme", "test"));
    await page.getByRole("link", { name: "Members" }).click();
    await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
    for (const [name, role] of [
      ["Olivia Owner", "Owner"],
      ["Adam Admin", "Admin"],
      ["Dana Developer", "Developer"],
      ["Victor Viewer", "Read-only"],
    ]) {
      // Anchored: another test's pending invitation row names its inviter ("Olivia Owner") too.
      await expect(page.getByRole("row", { name: new RegExp(`^${name}`) })).toContainText(role);
    }
    await expect(page.getByText("Your role (Read-only) can view members but not change them.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Invite member" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  });
});

test("an unknown invitation link says it is no longer valid", async ({ page }) => {
  await page.goto(`/invite/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This invitation is no longer valid" })).toBeVisible();
});
