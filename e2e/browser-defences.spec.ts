import { expect, test } from "./fixtures";

// The fixtures fail any journey with a Content-Security-Policy violation; this one visits what the other
// journeys do not: the API explorer, and the headers a browser receives with the app.
test("the app and the API explorer run under the Content-Security-Policy without violations", async ({ page }) => {
  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  await expect(page.getByRole("banner")).toBeVisible();

  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeVisible();

  // A fresh server builds the OpenAPI document on its first request, which takes seconds on a busy machine.
  expect((await page.request.get("/api/docs/json", { timeout: 60_000 })).ok()).toBe(true);
  await page.goto("/api/docs/");
  await expect(page.getByText("Convene API").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(".opblock").first()).toBeVisible({ timeout: 30_000 });
});
