// Where sign-in may send you back to, and the security headers of dashboard pages and /v1.
import { expect, test, type Page } from "@playwright/test";
import { credentialsUrl, demoAccounts, useSavedSession } from "./helpers";

test.describe("returning after sign-in", () => {
  test.beforeEach(({ page }) => useSavedSession(page, demoAccounts.viewer));

  test("a signed-in user sent to a tab-split //evil.example stays on this site", async ({ page, baseURL }) => {
    await page.goto("/login?next=%2F%09%2Fevil.example");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await expect(page).toHaveURL(credentialsUrl("acme", "test"));
  });

  test("a return path with characters outside Latin-1 is a clean redirect, not a 500", async ({ page }) => {
    const response = await page.request.get("/login?next=%2Fdashboard%2F%E2%82%AC", { maxRedirects: 0 });
    expect(response.status()).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(400);
    expect(response.headers().location).toMatch(/^\/dashboard\/%E2%82%AC$/);
  });
});

function expectDashboardHeaders(headers: Record<string, string>) {
  const csp = headers["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["permissions-policy"]).toContain("camera=()");
}

test.describe("security headers", () => {
  test("a signed-in dashboard page and the login page", async ({ page }) => {
    const login = await page.request.get("/login");
    expectDashboardHeaders(login.headers());
    expect(login.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");

    await useSavedSession(page, demoAccounts.owner);
    const response = await page.goto(credentialsUrl("acme", "test"));
    expectDashboardHeaders(response!.headers());
    expect(response!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  test("every response gets a fresh nonce", async ({ request }) => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec((await request.get("/login")).headers()["content-security-policy"])?.[1];
    const [a, b] = [await nonceOf(), await nonceOf()];
    expect(a).toBeTruthy();
    expect(a).not.toBe(b);
  });

  test("an invitation page sends no referrer: its URL holds the token", async ({ request }) => {
    const response = await request.get(`/invite/${"A".repeat(43)}`);
    expect(response.headers()["referrer-policy"]).toBe("no-referrer");
    expectDashboardHeaders(response.headers());
  });

  test("/v1 answers are never cached and never sniffed", async ({ request }) => {
    for (const response of [await request.get("/v1/health"), await request.get("/v1/me")]) {
      expect(response.headers()["cache-control"]).toBe("no-store");
      expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("Auth.js's own pages have a policy with no script and cannot be framed", async ({ request }) => {
    for (const path of ["/api/auth/error?error=Configuration", "/api/auth/signin"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"], path).toContain("default-src 'none'");
      expect(headers["content-security-policy"], path).not.toContain("script-src");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
  });

  test("a same-site page cannot frame the credentials page", async ({ page, baseURL }) => {
    await useSavedSession(page, demoAccounts.owner);
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors|X-Frame-Options/.test(message.text())) refusals.push(message.text());
    });
    await page.route(`${baseURL}/framing-test`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<iframe title="framed" src="${credentialsUrl("acme", "test")}"></iframe>`,
      }),
    );
    await page.goto("/framing-test");
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    await expect(page.frameLocator("iframe").getByRole("heading", { name: "API Credentials" })).toHaveCount(0);
  });
});

/** Collects the page's Content-Security-Policy violations (Chromium reports each on the console). */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return violations;
}

test("the dashboard runs and is styled under its Content-Security-Policy", async ({ page, browser }) => {
  await useSavedSession(page, demoAccounts.owner);
  const violations = watchViolations(page);

  await page.goto(credentialsUrl("acme", "test"));
  await page.getByRole("button", { name: "New API credential" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  // Styled: Tailwind's stylesheet applied (the primary button is indigo, not the browser's grey).
  const background = await dialog
    .getByRole("button", { name: "Create" })
    .evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(["rgba(0, 0, 0, 0)", "rgb(239, 239, 239)", "rgb(240, 240, 240)"]).not.toContain(background);
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);

  await page.goto("/dashboard/acme/test/settings/members");
  await page.getByRole("button", { name: "Invite member" }).click();
  const invite = page.getByRole("dialog", { name: "Invite a member" });
  await invite.getByLabel("Email").fill(`csp-${Date.now()}@example.com`);
  // Read-only: an invitation that cannot reach Live access asks for no password (sudo mode).
  await invite.getByLabel("Role").selectOption({ label: "Read-only" });
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByRole("dialog", { name: "Invitation link" }).getByLabel("Invitation link").inputValue();

  await page.goto("/dashboard/acme/test/activity");
  await expect(page.getByRole("heading", { name: "Activity" })).toBeVisible();

  const visitor = await browser.newPage({ storageState: { cookies: [], origins: [] } });
  const visitorViolations = watchViolations(visitor);
  await visitor.goto(link);
  await expect(visitor.getByRole("button", { name: /^Join / })).toBeVisible();
  await visitor.goto("/signup");
  await visitor.goto("/login");
  await visitor.getByLabel("Email").fill(demoAccounts.viewer);
  await visitor.getByLabel("Password").fill("demo-password");
  await visitor.getByRole("button", { name: "Sign in" }).click();
  await expect(visitor).toHaveURL(credentialsUrl("acme", "test"));

  expect([...violations, ...visitorViolations]).toEqual([]);
});

test.describe("requests Next.js's server-action decoding answered with a 500", () => {
  // Each was a 500 from the built server before the checks in api/server.ts (lib/platform/server-action-request.ts).
  const action = { "next-action": "7f".padEnd(42, "0") };

  test("an Origin that is not a URL is a 400", async ({ request }) => {
    const response = await request.post("/login", {
      headers: { ...action, origin: "http://a:b", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status()).toBe(400);
  });

  test("an action from another site is a 403", async ({ request }) => {
    const response = await request.post("/login", {
      headers: { ...action, origin: "http://evil.example", "content-type": "text/plain;charset=UTF-8" },
      data: "[]",
    });
    expect(response.status()).toBe(403);
  });

  test("multipart/form-data without a boundary is a 400", async ({ request, baseURL }) => {
    const response = await request.post("/login", {
      headers: { ...action, origin: baseURL!, "content-type": "multipart/form-data" },
      data: "garbage",
    });
    expect(response.status()).toBe(400);
  });
});
