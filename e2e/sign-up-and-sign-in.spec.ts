import {
  createMember,
  expect,
  expectNoA11yViolations,
  linkIn,
  PASSWORD,
  test,
  uniqueEmail,
  waitForEmail,
} from "./fixtures";

// A browser in Japan: the sign-up form offers its zone (issue 13, 6).
test.use({ timezoneId: "Asia/Tokyo" });

test("a visitor signs up, confirms the address from the email, sees their name, signs out, and signs in again after mistyping the password", async ({
  page,
  server,
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

  // Nothing exists yet: the account is created by the link in the email.
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`We sent an email to ${email}`);
  await expect(header).not.toContainText(name);
  await expectNoA11yViolations(page, "the sign-up page, check your inbox");
  const mail = await waitForEmail(server.smtp, email, /Confirm your email address/);
  const link = linkIn(mail, "/confirm-email");
  expect(link.startsWith(server.baseUrl)).toBe(true);
  await page.goto(link);

  await expect(header).toContainText(`Signed in as ${name}`);
  await expect(page).toHaveURL(/\/$/);
  // A brand-new account is welcomed, not welcomed back (issue 13, 8).
  await expect(page.getByText(`Welcome, ${name}.`)).toBeVisible();
  await expect(page.getByText("Welcome back")).toHaveCount(0);
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

test("signing up with an email that already has an account looks the same, and its owner is told by email", async ({
  page,
  server,
}) => {
  const existing = await createMember(server, "Grace Hopper");

  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Someone Else");
  await page.getByLabel("Email").fill(existing.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toContainText(`We sent an email to ${existing.email}`);
  const mail = await waitForEmail(server.smtp, existing.email, /tried to create an account/);
  expect(mail.text).toContain("sign in or reset your password");
  expect(linkIn(mail, "/forgot-password").startsWith(server.baseUrl)).toBe(true);
});

test("a visitor who signs up from a page is taken back there, even when opening the link in another browser", async ({
  page,
  browser,
  server,
}) => {
  const email = uniqueEmail("returning");
  const name = "Dorothy Vaughan";

  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/sign-up\?next=%2Faccount$/);
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  // The time zone comes from the browser, and can be changed before the account exists (issue 13, 6).
  const zone = page.getByRole("combobox", { name: "Time zone" });
  await expect(zone).toHaveValue("Asia/Tokyo");
  await zone.click();
  await zone.fill("Europe/Lisbon");
  await page.getByRole("option", { name: "Europe/Lisbon", exact: true }).click();
  await expect(zone).toHaveValue("Europe/Lisbon");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  const link = linkIn(await waitForEmail(server.smtp, email, /Confirm your email address/), "/confirm-email");

  // Opened on another device (no cookie from the sign-up): the password chosen at sign-up is asked for.
  const phone = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const other = await phone.newPage();
    await other.goto(link);
    await expect(other.getByRole("heading", { level: 1, name: "Confirm your email" })).toBeVisible();
    const password = other.getByLabel("Your password");
    await expect(password).toBeVisible();
    await expectNoA11yViolations(other, "the confirmation page in another browser");
    await password.fill("Not-the-right-one-1");
    await other.getByRole("button", { name: "Create account" }).click();
    await expect(other.getByText("Password is not the one chosen at sign-up")).toBeVisible();
    await password.fill(PASSWORD);
    await other.getByRole("button", { name: "Create account" }).click();
    // A fresh browser loads the account page's code only now: allow for a busy machine.
    await expect(other.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible({ timeout: 20_000 });
    await expect(other.getByRole("banner")).toContainText(`Signed in as ${name}`);
    await expect(other.getByRole("combobox", { name: "Time zone" })).toHaveValue("Europe/Lisbon");
  } finally {
    await phone.close();
  }

  // The link worked once; in the first browser it now says so.
  await page.goto(link);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("This link is invalid, was already used");
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
