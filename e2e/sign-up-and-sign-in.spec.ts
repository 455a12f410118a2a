import { createMember, expect, expectNoA11yViolations, PASSWORD, test, uniqueEmail } from "./fixtures";

test("a visitor signs up, sees their name, signs out, and signs in again after mistyping the password", async ({
  page,
}) => {
  const email = uniqueEmail();
  const name = "Ada Lovelace";
  const header = page.getByRole("banner");

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Convene" })).toBeVisible();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expectNoA11yViolations(page, "the home page, signed out");

  await header.getByRole("link", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign up" })).toBeVisible();
  await expectNoA11yViolations(page, "the sign-up page");

  // Checked in the browser with the server's own schema, shown at each field.
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Name is required")).toBeVisible();
  await expect(page.getByText("Email must be a valid email address")).toBeVisible();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Name")).toBeFocused();
  await expectNoA11yViolations(page, "the sign-up page with errors");

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(header).toContainText(`Signed in as ${name}`);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText(`Welcome back, ${name}`)).toBeVisible();
  await expect(header.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(header.getByRole("button", { name: "Admin" })).toHaveCount(0);
  await expectNoA11yViolations(page, "the home page, signed in");

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header).not.toContainText(name);

  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
  await expectNoA11yViolations(page, "the sign-in page");

  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill("Not-the-right-one-1");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Email or password is wrong.");
  await expect(header).not.toContainText(name);
  await expectNoA11yViolations(page, "the sign-in page after a wrong password");

  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(header).toContainText(`Signed in as ${name}`);
  await expect(page).toHaveURL(/\/$/);

  // Still signed in after a reload: the session lives in a cookie and the database.
  await page.reload();
  await expect(header).toContainText(`Signed in as ${name}`);
});

test("signing up with an email that already has an account says so at the email field", async ({ page, server }) => {
  const existing = await createMember(server, "Grace Hopper");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(existing.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByText("Email is already registered")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page, "the sign-up page with a taken email");
});

test("a signed-out visitor who opens their account page is asked to sign in, then taken there", async ({
  page,
  server,
}) => {
  const member = await createMember(server, "Katherine Johnson");

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await page.getByLabel("Email").fill(member.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue("Katherine Johnson");
  await expectNoA11yViolations(page, "the account page");
});
