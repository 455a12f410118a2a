import { defineConfig, devices, type ReporterDescription } from "@playwright/test";

// End-to-end tests against the built server (npm run build first). Each worker starts its own server and SMTP
// capture (e2e/fixtures.ts), so there is no webServer here. Chromium is Debian's: Playwright cannot download one.

/** Debian's chromium as the tests and the bench's browser scenarios (bench/browser.ts) launch it. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};

const reporter: ReporterDescription[] = [["list"]];
if (process.env.E2E_JSON) reporter.push(["json", { outputFile: "test-results/e2e.json" }]);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter,
  outputDir: "test-results/e2e-artifacts",
  use: {
    trace: "retain-on-failure",
    // The app honours reduced motion: no transitions mid-way when axe measures colours.
    reducedMotion: "reduce",
    // Clocks follow the browser's language (17:00 or 05:00 PM): journeys read the 24-hour clock unless they
    // choose another language themselves.
    locale: "en-GB",
    screenshot: "only-on-failure",
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    launchOptions: chromiumLaunchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], browserName: "chromium" } }],
});
