// The interactive API reference (/v1/docs): it renders from the document at phone and desktop
// widths with no serious accessibility issue, the dashboard links to it, and its "Try it" sends a
// pasted token and shows the answer.
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./axe";
import { createAndClose, uniqueName } from "./credentials-page";
import { credentialsUrl, demoAccounts, expectNoSidewaysScroll, useSavedSession } from "./helpers";

/** Every Content-Security-Policy refusal on the page (Chromium reports each on the console). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/**
 * Scalar is a 3 MB script that renders the whole document in the browser: 7 s on a quiet run of this
 * 2-core machine, 19 s (10.6 s to load, 8.4 s to the heading) with a CI run on the other core, measured
 * from the traces. So these tests get three times the budget, and the first look waits as long.
 */
const RENDERED = { timeout: 30_000 };
test.slow();

async function openReference(page: Page) {
  const requested: string[] = [];
  page.on("request", (request) => void requested.push(request.url()));
  const response = await page.goto("/v1/docs");
  // Its own policy: nothing runs that it does not name.
  expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'(;|$)/);
  await expect(page.getByRole("heading", { name: "eCourier API", exact: true })).toBeVisible(RENDERED);
  return requested;
}

for (const width of [1280, 390]) {
  test(`the reference renders every section at ${width} px, loads nothing from elsewhere, and axe finds no serious issue`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize({ width, height: 860 });
    const violations = watchViolations(page);
    const requested = await openReference(page);
    // Every operation of the document is in the navigation (a drawer on a phone; sections render as they scroll in).
    for (const operation of [
      "Create a shipment",
      "List shipments",
      "Get a shipment",
      "Who is calling",
      "Revoke a token you found",
      "Liveness",
    ]) {
      await expect(page.getByText(operation, { exact: true }).first()).toBeAttached();
    }
    await expect(page.getByText(baseURL!, { exact: true }).first()).toBeVisible(); // the server, from the document
    await expectNoSidewaysScroll(page);
    expect(await seriousViolations(page)).toEqual([]);
    expect(requested.filter((url) => !url.startsWith(`${baseURL}/`) && !url.startsWith("data:"))).toEqual([]);
    expect(violations).toEqual([]);
  });
}

test("“Use your key” links to the reference, whose Try it sends a pasted token", async ({ page }) => {
  await useSavedSession(page, demoAccounts.developer);
  await page.goto(credentialsUrl("acme", "test"));
  const name = uniqueName("Tried in docs");
  const token = await createAndClose(page, name);

  const violations = watchViolations(page);
  await page.getByRole("region", { name: "Use your key" }).getByRole("link", { name: "API reference" }).click();
  await expect(page).toHaveURL(/\/v1\/docs$/);
  await expect(page.getByRole("heading", { name: "eCourier API", exact: true })).toBeVisible(RENDERED);

  await page.getByRole("textbox", { name: "Bearer Token" }).fill(token);
  await page.getByRole("link", { name: "Who is calling" }).click();
  await page.getByRole("button", { name: "Test Request (get /v1/me)" }).click();
  const client = page.getByRole("dialog");
  await client.getByRole("button", { name: "Send get request to", exact: false }).click();
  await expect(client.getByText("200 OK")).toBeVisible();
  await expect(client.getByText(`"${name}"`)).toBeVisible();
  expect(violations).toEqual([]);
});

test("no page can frame the reference: it runs on the dashboard's origin", async ({ page, baseURL }) => {
  const refusals: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors|X-Frame-Options/.test(message.text())) refusals.push(message.text());
  });
  await page.route(`${baseURL}/framing-test`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<iframe title="framed" src="${baseURL}/v1/docs"></iframe>` }),
  );
  await page.goto("/framing-test");
  await expect.poll(() => refusals.length).toBeGreaterThan(0);
  await expect(page.frameLocator("iframe").getByRole("heading", { name: "eCourier API" })).toHaveCount(0);
});
