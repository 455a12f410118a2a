import { expect, expectNoA11yViolations, PASSWORD, test, uniqueEmail } from "./fixtures";

// A server started without ADMIN_EMAIL prints a one-time link that makes its visitor the first admin.
test.use({ withAdmin: false });

test("the first visitor with the setup link printed at start becomes the admin", async ({ page, server }) => {
  let setupPath = "";
  await expect
    .poll(() => {
      setupPath = server.output().match(/https?:\/\/\S+(\/setup\?token=\S+)/)?.[1] ?? "";
      return setupPath;
    })
    .not.toBe("");

  // A wrong token is refused, and nobody becomes admin.
  await page.goto("/setup?token=not-the-printed-token");
  await expect(page.getByRole("heading", { level: 1, name: "Create the first admin account" })).toBeVisible();
  await expectNoA11yViolations(page, "the setup page");
  await page.getByLabel("Name").fill("Mallory");
  await page.getByLabel("Email").fill(uniqueEmail("mallory"));
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin account" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This setup link is not valid");
  await expectNoA11yViolations(page, "the setup page with a wrong token");

  const email = uniqueEmail("founder");
  await page.goto(setupPath);
  await page.getByLabel("Name").fill("Hedy Lamarr");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create admin account" }).click();

  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  const header = page.getByRole("banner");
  await expect(header).toContainText("Signed in as Hedy Lamarr");
  await expect(header.getByRole("button", { name: "Admin" })).toBeVisible();
  await expect(page.getByRole("row", { name: /Hedy Lamarr/ }).getByRole("switch", { name: /^Admin/ })).toBeChecked();
  await expectNoA11yViolations(page, "Admin > Users after setup");

  // The link works once.
  await page.goto(setupPath);
  await expect(page.getByText("This site already has an administrator.")).toBeVisible();
  await expectNoA11yViolations(page, "the setup page once done");
});
