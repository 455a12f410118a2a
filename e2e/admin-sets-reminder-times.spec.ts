import type { Locator, Page } from "@playwright/test";
import { apiAs, createOpenSession } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

async function openSettings(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

async function openFromAdminSessions(page: Page, title: string) {
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function expectSaved(page: Page) {
  const indicator = page.getByRole("status").filter({ hasText: /Saving\.\.\.|Auto-saved|Not saved|Changes save/ });
  await expect(indicator).toContainText("Auto-saved at");
}

/** Types a time into a reminder field and presses Enter, as a person adds a chip. */
async function addTime(field: Locator, text: string) {
  await field.fill(text);
  await field.press("Enter");
}

const chips = (scope: Locator) => scope.locator(".mantine-Pill-label");

// Tests in a worker share one server: put back what this test changes.
test.afterEach(async ({ page }) => {
  await apiAs(page).put("/api/v1/admin/settings/reminders", { defaultMinutes: [1440, 60], roleMinutes: {} });
});

test("the admin sets the site's reminder times, then gives one session its own and takes them back", async ({
  page,
  server,
}) => {
  await signIn(page, server.admin!, "Administrator");
  await createOpenSession(page, { title: "Reminder Evening" });
  await openSettings(page);

  const reminders = page.getByRole("region", { name: "Reminders", exact: true });
  await expect(
    reminders.getByText("Each reminder goes once to the participants of the roles it is for, with the meeting link"),
  ).toBeVisible();
  const everyRole = reminders.getByRole("combobox", { name: "Times for every role", exact: true });
  const presenter = reminders.getByRole("combobox", { name: "Presenter", exact: true });

  // Start from an empty list, then type the times as people say them.
  await everyRole.focus();
  await everyRole.press("Backspace");
  await everyRole.press("Backspace");
  await expect(chips(reminders)).toHaveCount(0);
  await addTime(everyRole, "24h");
  await addTime(everyRole, "1h");
  await addTime(presenter, "3d");

  // A time the rule refuses is not added: it stays in the box with the rule under it.
  await addTime(presenter, "40d");
  await expect(reminders.getByText("“40d” must be at most 30 days before the start")).toBeVisible();
  await expect(presenter).toHaveValue("40d");
  await expect(presenter).toHaveAttribute("aria-invalid", "true");
  await addTime(everyRole, "0m");
  await expect(reminders.getByText("“0m” must be at least 1 minute before the start")).toBeVisible();
  await expectNoA11yViolations(page, "Admin > Settings, Reminders with a refused time");
  await everyRole.fill("");
  await presenter.fill("");

  await expect(chips(reminders)).toHaveText(["24 h", "1 h", "3 days"]);
  await reminders.getByRole("button", { name: "Save reminders" }).click();
  await expect(page.getByText("Reminder times saved.")).toBeVisible();

  await page.reload();
  await expect(chips(reminders)).toHaveText(["24 h", "1 h", "3 days"]);
  await expect(reminders.getByText("3 days")).toBeVisible();
  await expectNoA11yViolations(page, "Admin > Settings with reminder times");

  // On a phone the section fits: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await reminders.scrollIntoViewIfNeeded();
  await expect(reminders).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await reminders.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  // The session's editor: the site's times, or its own.
  await openFromAdminSessions(page, "Reminder Evening");
  const choice = page.getByRole("radiogroup", { name: "Reminders" });
  const site = choice.getByRole("radio", { name: "The site's times (24 h, 1 h)" });
  await expect(site).toBeChecked();
  await choice.getByRole("radio", { name: "Own times" }).check();
  const own = page.getByRole("combobox", { name: "Own reminder times", exact: true });
  await addTime(own, "2h");
  await expectSaved(page);
  await expectNoA11yViolations(page, "Session editor with own reminder times");

  await page.reload();
  await expect(page.getByRole("radio", { name: "Own times" })).toBeChecked();
  await expect(chips(page.getByRole("form", { name: "Session details" }))).toHaveText(["2 h"]);

  await page.getByRole("radio", { name: "The site's times (24 h, 1 h)" }).check();
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole("radio", { name: "The site's times (24 h, 1 h)" })).toBeChecked();
  await expect(page.getByRole("combobox", { name: "Own reminder times", exact: true })).toHaveCount(0);
});
