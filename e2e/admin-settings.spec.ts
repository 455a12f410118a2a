import type { Page } from "@playwright/test";
import { apiAs, daysFromNow, editorField } from "./admin-api";
import { createMember, expect, expectNoA11yViolations, signIn, test } from "./fixtures";

async function openSettings(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

// Tests in a worker share one server: put back what these tests change.
test.afterEach(async ({ page }) => {
  const api = apiAs(page);
  await api.patch("/api/v1/admin/settings", {
    site: { siteName: "Convene", tagline: "Sessions of talks, run together.", contactEmail: "", physicalAddress: "" },
    features: {
      allowUserSessionCreation: false,
      requirePremiumForPresenting: false,
      requirePremiumForHosting: false,
      premiumLabel: "Premium",
    },
  });
  await api.put("/api/v1/admin/settings/google", { calendarId: "", serviceAccountJson: "" });
});

test("the admin renames the site in Site Information and sees the new name in the header", async ({ page, server }) => {
  await signIn(page, server.admin!, "Administrator");
  await openSettings(page);
  await expect(page.getByTestId("site-name")).toHaveText("Convene");
  await expectNoA11yViolations(page, "Admin > Settings");

  const site = section(page, "Site Information");
  await expect(site.getByRole("textbox", { name: "Site Name" })).toHaveValue("Convene");
  await site.getByRole("textbox", { name: "Site Name" }).fill("Lantern Talks");
  await site.getByLabel("Tagline").fill("Short talks, long conversations.");
  await site.getByLabel("Contact Email").fill("not an email");
  await site.getByLabel("Physical Address").fill("12 Harbour Street\nBristol BS1 4XX");
  await site.getByRole("button", { name: "Save site information" }).click();
  await expect(site.getByText("Contact Email must be a valid email address or empty")).toBeVisible();
  await expect(site.getByLabel("Contact Email")).toBeFocused();
  await expect(page.getByTestId("site-name")).toHaveText("Convene");
  await expectNoA11yViolations(page, "Site Information with an error");

  await site.getByLabel("Contact Email").fill("hello@lantern.example.org");
  await site.getByRole("button", { name: "Save site information" }).click();
  await expect(page.getByTestId("site-name")).toHaveText("Lantern Talks");

  await page.reload();
  await expect(page.getByTestId("site-name")).toHaveText("Lantern Talks");
  await expect(site.getByRole("textbox", { name: "Site Name" })).toHaveValue("Lantern Talks");
  await expect(site.getByLabel("Tagline")).toHaveValue("Short talks, long conversations.");
  await expect(site.getByLabel("Contact Email")).toHaveValue("hello@lantern.example.org");
  await expect(site.getByLabel("Physical Address")).toHaveValue("12 Harbour Street\nBristol BS1 4XX");
  await page.getByTestId("site-name").click();
  await expect(page.getByRole("heading", { level: 1, name: "Lantern Talks" })).toBeVisible();
  await expect(page.getByText("Short talks, long conversations.")).toBeVisible();
});

test("Feature Flags: with Allow User Session Creation on, a member gets New Session and hosts what they create", async ({
  page,
  browser,
  server,
}) => {
  const member = await createMember(server, "Katherine Johnson");
  await signIn(page, server.admin!, "Administrator");
  await openSettings(page);
  const flags = section(page, "Feature Flags");
  const allow = flags.getByRole("switch", { name: "Allow User Session Creation" });
  await expect(allow).not.toBeChecked();
  await allow.press("Space");
  await flags.getByRole("switch", { name: "Require Premium for Presenting" }).press("Space");
  await flags.getByRole("textbox", { name: "Premium Label" }).fill("");
  await flags.getByRole("button", { name: "Save feature flags" }).click();
  await expect(flags.getByText("Premium Label is required")).toBeVisible();
  await flags.getByRole("textbox", { name: "Premium Label" }).fill("Office Hours");
  await flags.getByRole("button", { name: "Save feature flags" }).click();
  await expect(page.getByText("Feature flags saved.")).toBeVisible();
  await page.reload();
  await expect(flags.getByRole("switch", { name: "Allow User Session Creation" })).toBeChecked();
  await expect(flags.getByRole("switch", { name: "Require Premium for Presenting" })).toBeChecked();
  await expect(flags.getByRole("switch", { name: "Require Premium for Hosting" })).not.toBeChecked();
  await expect(flags.getByRole("textbox", { name: "Premium Label" })).toHaveValue("Office Hours");

  // The member, in their own browser: Admin > Sessions lists only theirs, and New Session makes them the host.
  const memberContext = await browser.newContext({ baseURL: server.baseUrl });
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, member, member.name);
  await memberPage.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await expect(memberPage.getByRole("menuitem")).toHaveText(["Sessions"]);
  await memberPage.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await memberPage.getByRole("link", { name: "New Session" }).click();
  await editorField(memberPage, "Title").fill("Katherine's orbital mechanics hour");
  await expect(memberPage).toHaveURL(/\/admin\/sessions\/[0-9a-f-]{36}$/);
  await expect(memberPage.getByTestId("session-status")).toHaveText("Draft");
  await memberPage.getByRole("tab", { name: "Participants" }).click();
  await expect(memberPage.getByRole("region", { name: /^Host 1\/1/ })).toContainText("Katherine Johnson");
  await expectNoA11yViolations(memberPage, "the editor, as a member who created the session");
  await memberContext.close();

  // Off again: the member's Admin menu goes away.
  await flags.getByRole("switch", { name: "Allow User Session Creation" }).press("Space");
  await flags.getByRole("button", { name: "Save feature flags" }).click();
  await expect(page.getByText("Feature flags saved.")).toBeVisible();
});

test("Google Calendar: the key is write-only, errors show at the field, and Test connection reports", async ({
  page,
  server,
}) => {
  await signIn(page, server.admin!, "Administrator");
  await openSettings(page);
  const google = section(page, "Google Calendar");
  await expect(google.getByRole("listitem")).toHaveCount(4);
  await expect(google.getByRole("listitem").nth(2)).toContainText("Make changes to events");
  await expect(google.getByText("Last sync")).toBeVisible();

  await google.getByRole("button", { name: "Test connection" }).click();
  await expect(google.getByRole("status")).toContainText(
    "Enter the Google Calendar ID and the Service Account JSON first.",
  );

  await google.getByLabel("Google Calendar ID").fill("community@group.calendar.google.com");
  await google.getByLabel("Service Account JSON").fill('{"type": "service_account"}');
  await google.getByRole("button", { name: "Save", exact: true }).click();
  await expect(google.getByText("Service Account JSON has no client_email")).toBeVisible();
  await expect(google.getByLabel("Service Account JSON")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page, "Google Calendar with an error");

  const key = {
    type: "service_account",
    client_email: "convene-sync@lantern-talks.iam.gserviceaccount.com",
    private_key: "-----BEGIN PRIVATE KEY-----\nnot-a-real-key\n-----END PRIVATE KEY-----\n",
  };
  await google.getByLabel("Service Account JSON").fill(JSON.stringify(key, null, 2));
  await google.getByRole("button", { name: "Save", exact: true }).click();
  await expect(google.getByTestId("stored-key")).toHaveText(
    "A key for convene-sync@lantern-talks.iam.gserviceaccount.com is stored.",
  );
  await expect(google.getByLabel("Service Account JSON")).toHaveValue("");

  // Never prefilled; an empty box keeps the stored key when the ID changes.
  await page.reload();
  await expect(google.getByLabel("Service Account JSON")).toHaveValue("");
  await expect(google.getByLabel("Google Calendar ID")).toHaveValue("community@group.calendar.google.com");
  await google.getByLabel("Google Calendar ID").fill("team@group.calendar.google.com");
  await google.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Google Calendar settings saved.")).toBeVisible();
  await expect(google.getByTestId("stored-key")).toContainText("convene-sync@lantern-talks.iam.gserviceaccount.com");

  // This key cannot sign in anywhere: the test says so.
  await google.getByRole("button", { name: "Test connection" }).click();
  await expect(google.getByRole("status").getByText("Not connected")).toBeVisible();
  await expectNoA11yViolations(page, "Google Calendar after a failed test");

  // Admin > Sessions shows each session's sync error, and the status badges beside it keep their whole word
  // (issue 13, 9: "COM…"), at desktop and phone width.
  const api = apiAs(page);
  const titles = ["Comets, cancelled", "Comets, open"];
  for (const title of titles) {
    const created = await api.post<{ id: string }>("/api/v1/community/sessions", {
      title,
      startsLocal: daysFromNow(9),
      meetingUrl: "https://meet.example.org/comets",
    });
    await api.post(`/api/v1/community/sessions/${created.id}/status`, { action: "open" });
    if (title.endsWith("cancelled")) {
      await api.post(`/api/v1/community/sessions/${created.id}/status`, { action: "cancel" });
    }
  }
  await page.goto("/admin/sessions");
  await page.getByLabel("Search by title").fill("Comets");
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: "Comets" });
  await expect(rows).toHaveCount(2);
  // The sync runs from the outbox a moment after each change, and fails with this key.
  await expect(async () => {
    await page.reload();
    await page.getByLabel("Search by title").fill("Comets");
    await expect(rows.filter({ hasText: "Error" })).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  const cut = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>("[data-testid=session-status]")]
        .filter((badge) => badge.offsetParent !== null)
        .flatMap((badge) => [badge, ...badge.querySelectorAll<HTMLElement>("*")])
        .filter((el) => el.scrollWidth > el.clientWidth)
        .map((el) => el.textContent),
    );
  await expect(rows.filter({ hasText: "Comets, cancelled" }).getByTestId("session-status")).toHaveText("Cancelled");
  expect(await cut()).toEqual([]);
  await expectNoA11yViolations(page, "Admin > Sessions with sync errors");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("listitem").filter({ hasText: "Comets, cancelled" })).toContainText("Error");
  expect(await cut()).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page, "Admin > Sessions with sync errors at 390 px");
});
