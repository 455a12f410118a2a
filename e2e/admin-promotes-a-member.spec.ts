import { callApi, createMember, expect, expectNoA11yViolations, signIn, test, waitForEmail } from "./fixtures";

test("the admin finds a member in Admin > Users, makes them Staff and Admin, and the member then sees the Admin menu", async ({
  page,
  browser,
  server,
}) => {
  // Three browsers' worth of pages (admin, Admin > Mail, the promoted member) and a sign-up through its email.
  test.slow();
  const admin = server.admin!;
  const member = await createMember(server, "Dorothy Vaughan");
  // Something for Admin > Mail to list: a reset email to the member, delivered over SMTP.
  await callApi(server.baseUrl, "POST", "/api/v1/auth/password-reset", { email: member.email });
  await waitForEmail(server.smtp, member.email, /Reset your/);

  await signIn(page, admin, "Administrator");
  const header = page.getByRole("banner");
  await expectNoA11yViolations(page, "the home page, signed in as admin");

  await header.getByRole("button", { name: "Admin" }).click();
  await expect(page.getByRole("menuitem", { name: "Users" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Mail" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Audit log" })).toBeVisible();
  await expectNoA11yViolations(page, "the open Admin menu");
  await page.getByRole("menuitem", { name: "Users" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expectNoA11yViolations(page, "Admin > Users");

  // The server keeps the last admin: the refusal is shown, and nothing changes.
  await page.getByLabel("Search users").fill(admin.email);
  const adminRow = page.getByRole("row", { name: /Administrator/ });
  await expect(adminRow).toHaveCount(1);
  // Switches are toggled from the keyboard, as a keyboard user would.
  await adminRow.getByRole("switch", { name: "Admin: Administrator" }).press("Space");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("last active admin");
  await expect(adminRow.getByRole("switch", { name: "Admin: Administrator" })).toBeChecked();
  await expectNoA11yViolations(page, "Admin > Users with a refusal");

  await page.getByLabel("Search users").fill(member.email);
  await expect(page.getByText(`1 user matching “${member.email}”.`)).toBeVisible();
  const row = page.getByRole("row", { name: /Dorothy Vaughan/ });
  await expect(row).toHaveCount(1);
  const staff = row.getByRole("switch", { name: "Staff: Dorothy Vaughan" });
  const makeAdmin = row.getByRole("switch", { name: "Admin: Dorothy Vaughan" });
  await expect(staff).not.toBeChecked();
  await staff.press("Space");
  await expect(staff).toBeChecked();
  await expect(staff).toBeEnabled();
  await makeAdmin.press("Space");
  await expect(makeAdmin).toBeChecked();
  await expect(makeAdmin).toBeEnabled();
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);

  // The changes are stored, not only shown.
  await page.reload();
  await page.getByLabel("Search users").fill(member.email);
  await expect(
    page.getByRole("row", { name: /Dorothy Vaughan/ }).getByRole("switch", { name: /^Staff/ }),
  ).toBeChecked();
  await expect(
    page.getByRole("row", { name: /Dorothy Vaughan/ }).getByRole("switch", { name: /^Admin/ }),
  ).toBeChecked();

  // Admin > Audit log records who changed what.
  await header.getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  await page.getByLabel("Action").fill("user.updated_by_admin");
  await expect(page.getByText("isStaff: false → true")).toBeVisible();
  await expect(page.getByText("isAdmin: false → true")).toBeVisible();
  await expectNoA11yViolations(page, "Admin > Audit log");

  // Admin > Mail lists the reset email as sent, and shows its text.
  await header.getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Mail" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mail" })).toBeVisible();
  // The member also received their sign-up confirmation; this is the reset email.
  const mailRow = page.getByRole("row", { name: new RegExp(`${member.email}: Reset your`) });
  await expect(mailRow).toContainText("Sent");
  await expectNoA11yViolations(page, "Admin > Mail");
  await mailRow.getByRole("button", { name: /^View/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("Choose a new password:");
  // The reset link is the member's alone: an admin sees its token masked.
  await expect(dialog).toContainText("reset-password?token=•••••");
  await expect(dialog).toContainText("Message-ID");
  await expectNoA11yViolations(page, "Admin > Mail, one message open");
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await page.locator("label", { hasText: /^Failed$/ }).click();
  await expect(page.getByRole("radio", { name: "Failed" })).toBeChecked();
  await expect(page.getByText("Nothing here.")).toBeVisible();

  // The member, in their own browser, now has the Admin menu.
  const memberContext = await browser.newContext({ baseURL: server.baseUrl });
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, member, member.name);
  const memberHeader = memberPage.getByRole("banner");
  await memberHeader.getByRole("button", { name: "Admin" }).click();
  await memberPage.getByRole("menuitem", { name: "Users" }).click();
  await expect(memberPage.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
  await expectNoA11yViolations(memberPage, "Admin > Users, as the promoted member");
  await memberContext.close();
});

test("a member without admin rights has no Admin menu and is refused the admin pages", async ({ page, server }) => {
  const member = await createMember(server, "Annie Easley");
  await signIn(page, member, member.name);
  await expect(page.getByRole("banner").getByRole("button", { name: "Admin" })).toHaveCount(0);

  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expectNoA11yViolations(page, "an admin page, as a member");
});
