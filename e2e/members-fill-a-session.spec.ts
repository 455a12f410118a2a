import type { Browser, Page } from "@playwright/test";
import { createSession, signInApi } from "./community-api";
import {
  createMember,
  expect,
  expectNoA11yViolations,
  linkIn,
  PASSWORD,
  type RunningServer,
  signIn,
  test,
  uniqueEmail,
  waitForEmail,
} from "./fixtures";

/**
 * A visitor signs up through the sign-up page in their own browser, follows the emailed link there, and is left
 * on the home page.
 */
async function signUp(browser: Browser, server: RunningServer, name: string) {
  const context = await browser.newContext({ baseURL: server.baseUrl });
  const page = await context.newPage();
  const email = uniqueEmail(name.split(" ")[0]!.toLowerCase());
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await page.goto(linkIn(await waitForEmail(server.smtp, email, /Confirm your email/), "/confirm-email"));
  await expect(page.getByRole("banner")).toContainText(`Signed in as ${name}`);
  return { page, email, name, close: () => context.close() };
}

/** From the home page, opens the session's card, picks the role, fills its fields, registers. */
async function register(page: Page, title: string, role: string, fields: Record<string, string> = {}) {
  await page.goto("/");
  await page.getByRole("article", { name: title }).getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const form = page.getByRole("form", { name: "Register for this session" });
  await form.getByRole("radio", { name: role, exact: true }).check();
  for (const [label, value] of Object.entries(fields)) await form.getByLabel(label).fill(value);
  await form.getByRole("button", { name: "Register" }).click();
  await expect(page.getByTestId("registration-result")).toContainText(`You are registered as ${role}.`);
  await expect(page.getByTestId("my-role")).toContainText(role);
}

test("members fill a small session until it is Full, one guest cancels and it opens again, then the admin cancels and every active participant is emailed", async ({
  browser,
  server,
}) => {
  // Four visitors sign up through the page and follow their emailed links before anything else happens.
  test.slow();
  const admin = await signInApi(server.baseUrl, server.admin!);
  const title = `Tiny Talks ${Date.now().toString(36)}`;
  const session = await createSession(admin, title, {
    description: "Three short talks on **small tools** that changed how we work.",
    maxPresenters: 1,
    maxGuests: 2,
    hasInterviewer: false,
    timeZone: "Europe/Paris",
  });
  expect(session.status).toBe("open");

  const host = await signUp(browser, server, "Grace Hopper");
  const presenter = await signUp(browser, server, "Katherine Johnson");
  const guest1 = await signUp(browser, server, "Mary Jackson");
  const guest2 = await signUp(browser, server, "Christine Darden");

  // The card shows the roles with free places; no Interviewer in this session.
  await expect(host.page.getByRole("article", { name: title })).toContainText("Open roles: Host, Presenter, Guest");

  await register(host.page, title, "Host");
  await register(presenter.page, title, "Presenter", { "Talk title": "Compilers for everyone" });
  await register(guest1.page, title, "Guest", { "Topics of interest": "Tooling" });

  // Before the last place goes: the presenter slot is full and says so, offering its waitlist (issue #15, which
  // e2e/member-takes-a-freed-presenter-place.spec.ts follows); the page is accessible.
  await guest2.page.goto(`/sessions/${session.id}`);
  const form = guest2.page.getByRole("form", { name: "Register for this session" });
  await expect(form.getByRole("radio", { name: "Presenter" })).toBeEnabled();
  await expect(form.getByText("Full: every place is taken. Join the waitlist")).toHaveCount(2);
  await expect(form.getByRole("radio", { name: "Interviewer" })).toHaveCount(0);
  await expectNoA11yViolations(guest2.page, "the session page with full roles");

  // Someone else takes the last place while the form is open: the refusal is said plainly, the page catches up.
  await form.getByRole("radio", { name: "Guest", exact: true }).check();
  const quick = await createMember(server, "Dorothy Vaughan");
  const quickApi = await signInApi(server.baseUrl, quick);
  await quickApi.call("POST", `/api/v1/community/sessions/${session.id}/registrations`, { role: "guest" });
  await form.getByRole("button", { name: "Register" }).click();
  const refusal = guest2.page.getByRole("alert").filter({ hasText: "Not registered" });
  await expect(refusal).toContainText("full");
  await expect(guest2.page.getByTestId("session-status")).toHaveText("Full");
  await expectNoA11yViolations(guest2.page, "the session page after a refused registration");
  await quickApi.call("DELETE", `/api/v1/community/sessions/${session.id}/registrations/me`);

  await register(guest2.page, title, "Guest");

  // Every place is taken: the session is Full, for everyone.
  await expect(guest2.page.getByTestId("session-status")).toHaveText("Full");
  await guest1.page.reload();
  await expect(guest1.page.getByTestId("session-status")).toHaveText("Full");
  const roster = guest1.page.getByRole("region", { name: "Who takes part" });
  await expect(roster.getByTestId("roster-host")).toContainText("Grace Hopper");
  await expect(roster.getByTestId("roster-presenter")).toContainText("Katherine Johnson — “Compilers for everyone”");
  await expect(roster.getByTestId("roster-guest")).toContainText("Mary Jackson");
  await expect(roster.getByTestId("roster-guest")).toContainText("Christine Darden");

  // A guest cancels, after confirming: the session opens again.
  await guest1.page.getByRole("button", { name: "Cancel my registration" }).click();
  const dialog = guest1.page.getByRole("dialog", { name: "Cancel your registration?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, cancel my registration" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(guest1.page.getByTestId("registration-result")).toContainText("Your registration is cancelled.");
  await expect(guest1.page.getByTestId("session-status")).toHaveText("Open");
  await expect(roster.getByTestId("roster-guest")).not.toContainText("Mary Jackson");
  await waitForEmail(server.smtp, guest1.email, /^Registration Cancelled:/);
  await guest1.page.goto("/");
  await expect(guest1.page.getByRole("article", { name: title })).toContainText("Open roles: Guest");

  // The admin cancels the session in the editor, after its warning: every active participant is told, the
  // people who left are not.
  const adminContext = await browser.newContext({ baseURL: server.baseUrl });
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, server.admin!, "Administrator");
  await adminPage.goto(`/admin/sessions/${session.id}`);
  await adminPage.getByRole("button", { name: "Cancel session" }).click();
  const warning = adminPage.getByRole("dialog", { name: "Cancel this session?" });
  await expect(warning).toContainText("Every active participant (3 people) is emailed");
  await warning.getByRole("button", { name: "Cancel session" }).click();
  await expect(warning).toHaveCount(0);
  for (const who of [host, presenter, guest2]) {
    const mail = await waitForEmail(server.smtp, who.email, /^Session Cancelled:/);
    expect(mail.subject).toContain(title);
  }
  // Sent in the same transaction as the others; give a stray one time to arrive before saying it did not.
  await new Promise((r) => setTimeout(r, 1000));
  for (const left of [guest1.email, quick.email]) {
    expect(server.smtp.to(left).filter((m) => /^Session Cancelled:/.test(m.subject ?? ""))).toHaveLength(0);
  }

  await guest2.page.reload();
  await expect(guest2.page.getByTestId("session-status")).toHaveText("Cancelled");
  await expectNoA11yViolations(guest2.page, "a cancelled session");

  for (const who of [host, presenter, guest1, guest2]) await who.close();
  await adminContext.close();
});
