import { expect, expectNoA11yViolations, PASSWORD, signIn, test } from "./fixtures";

// The browser runs in Paris; the profile can say otherwise, and every time shown follows the profile.
test.use({ timezoneId: "Europe/Paris" });

test("the admin sets a time zone in their account, sees times in it, and changes their password", async ({
  page,
  server,
}) => {
  const admin = server.admin!;
  await signIn(page, admin, "Administrator");
  await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectNoA11yViolations(page, "the account page");

  const zone = page.getByRole("combobox", { name: "Time zone" });
  await expect(zone).toHaveValue("");
  await expect(page.getByText("Leave it empty to follow your browser (now Europe/Paris)")).toBeVisible();
  await zone.fill("Tokyo");
  await expect(page.getByRole("option", { name: "Asia/Tokyo" })).toBeVisible();
  await expectNoA11yViolations(page, "the account page with the time zone list open");
  await page.getByRole("option", { name: "Asia/Tokyo" }).click();
  await expect(zone).toHaveValue("Asia/Tokyo");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();

  // Every time names its zone, and follows the profile's.
  await page.goto("/admin/users");
  const joined = page.getByRole("row", { name: /Administrator/ }).locator("time");
  await expect(joined).toContainText("GMT+9 (Asia/Tokyo)");
  expect(await joined.getAttribute("datetime")).toMatch(/Z$|[+-]\d\d:\d\d$/);

  await page.goto("/account");
  await page.getByRole("button", { name: "Use my browser's zone" }).click();
  await expect(zone).toHaveValue("Europe/Paris");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile was saved.")).toBeVisible();
  await page.goto("/admin/users");
  await expect(page.getByRole("row", { name: /Administrator/ }).locator("time")).toContainText(
    /CES?T \(Europe\/Paris\)/,
  );

  // Changing the password needs the current one; a wrong one is shown at its field.
  await page.goto("/account");
  const passwordSection = page.getByRole("region", { name: "Password" });
  await passwordSection.getByRole("textbox", { name: "Current password" }).fill("Not-my-password-0");
  await passwordSection.getByRole("textbox", { name: "New password" }).fill("Fresh-meadow-2026");
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(passwordSection.getByText("Current password is wrong")).toBeVisible();
  await expectNoA11yViolations(page, "the account page with a wrong current password");

  await passwordSection.getByRole("textbox", { name: "Current password" }).fill(PASSWORD);
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed.")).toBeVisible();
  await expect(passwordSection.getByRole("textbox", { name: "Current password" })).toHaveValue("");

  // Put the password back, so other tests on this server can still sign in as the admin.
  await passwordSection.getByRole("textbox", { name: "Current password" }).fill("Fresh-meadow-2026");
  await passwordSection.getByRole("textbox", { name: "New password" }).fill(PASSWORD);
  await passwordSection.getByRole("button", { name: "Change password" }).click();
  await expect(passwordSection.getByRole("textbox", { name: "Current password" })).toHaveValue("");
});
