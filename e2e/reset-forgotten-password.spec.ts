import { createMember, expect, expectNoA11yViolations, linkIn, signIn, test, waitForEmail } from "./fixtures";

test("a member who forgot their password resets it with the emailed link and signs in with the new one", async ({
  page,
  server,
}) => {
  const member = await createMember(server, "Mary Jackson");
  const newPassword = "Quiet-harbour-7781";

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expectNoA11yViolations(page, "the forgot-password page");

  await page.getByLabel("Email").fill(member.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  await expect(page.getByText(`If an account exists for ${member.email}`)).toBeVisible();
  await expectNoA11yViolations(page, "the forgot-password page after sending");

  // The outbox delivers the email over real SMTP; the link in it comes from BASE_URL.
  const mail = await waitForEmail(server.smtp, member.email, /Reset your .* password/);
  const link = linkIn(mail, "/reset-password");
  expect(link.startsWith(server.baseUrl)).toBe(true);

  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Choose a new password" })).toBeVisible();
  await expectNoA11yViolations(page, "the reset-password page");

  // A weak password is refused by the server's rules, at the field.
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("1234567890");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("New password is too common")).toBeVisible();
  await expectNoA11yViolations(page, "the reset-password page with a refused password");

  await page.getByRole("textbox", { name: "New password", exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText("Your password was changed. Sign in with your new password.")).toBeVisible();
  await expectNoA11yViolations(page, "the sign-in page after a reset");

  // The old password no longer works; the new one does.
  await page.getByLabel("Email").fill(member.email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(member.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Email or password is wrong.");

  await signIn(page, { email: member.email, password: newPassword }, member.name);

  // The link works once.
  await page.goto(link);
  await page.getByRole("textbox", { name: "New password", exact: true }).fill("Another-fresh-pass-5");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("invalid or has expired");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  await expectNoA11yViolations(page, "the reset-password page with a used link");
});
