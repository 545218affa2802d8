// Shared steps for the end-to-end tests.
import { randomInt } from "node:crypto";
import fs from "node:fs";
import { expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-password";

export const demoAccounts = {
  owner: "owner@example.com",
  admin: "admin@example.com",
  developer: "developer@example.com",
  viewer: "viewer@example.com",
  globex: "globex@example.com",
} as const;

/** The saved signed-in state of a demo user (written by auth.setup.ts). */
export const storageStateOf = (email: string) => `e2e/.auth/${email.split("@")[0]}.json`;

/**
 * Gives the page's context a demo user's saved session (auth.setup.ts signs each in once), so a test
 * that is not about signing in does not spend seconds on the form and on bcrypt.
 */
export async function useSavedSession(page: Page, email: string) {
  const { cookies } = JSON.parse(fs.readFileSync(storageStateOf(email), "utf8")) as {
    cookies: Parameters<BrowserContext["addCookies"]>[0];
  };
  await page.context().clearCookies();
  await page.context().addCookies(cookies);
}

/** Nothing on the page is wider than the viewport: no sideways scrolling. */
export async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, "the page is no wider than the viewport").toBeLessThanOrEqual(innerWidth);
}

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/[^/]+\/(test|live)\//);
}

export const credentialsUrl = (team: string, env: "test" | "live") =>
  `/dashboard/${team}/${env}/developers/api-credentials`;

/**
 * Makes the page a client of its own: a random address in X-Forwarded-For, which the e2e server
 * (TRUST_PROXY=1, the test being the proxy) takes as the client's. Per-address budgets such as
 * sign-up's 5 an hour then belong to this test alone, however often the suite runs.
 */
export async function asNewClient(page: Page): Promise<string> {
  const address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": address });
  return address;
}

/** An address of its own for a test's API calls (in 198.18.0.0/15, outside 10.0.0.0/8), sent as X-Forwarded-For. */
export const newClientAddress = () => `198.${18 + randomInt(2)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** GET /v1/me with a token, from `address` when given (the e2e server trusts one proxy: the test). */
export function callMe(request: APIRequestContext, token: string, address?: string) {
  return request.get("/v1/me", {
    headers: { Authorization: `Bearer ${token}`, ...(address ? { "x-forwarded-for": address } : {}) },
  });
}
