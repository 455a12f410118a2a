import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { createOpenSession, daysFromNow, editorField } from "./admin-api";
import {
  createMember,
  expect,
  expectNoA11yViolations,
  linkIn,
  PASSWORD,
  signIn,
  signUpApi,
  test,
  uniqueEmail,
  waitForEmail,
} from "./fixtures";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../docs/screenshots");

async function openFromAdminSessions(page: Page, title: string) {
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function expectSaved(page: Page) {
  const indicator = page.getByRole("status").filter({ hasText: /Saving\.\.\.|Auto-saved|Not saved|Changes save/ });
  await expect(indicator).toHaveText("Saving...");
  await expect(indicator).toContainText("Auto-saved at");
}

async function chooseTimezone(page: Page, zone: string) {
  const select = page.getByRole("combobox", { name: "Timezone" });
  await select.click();
  await select.fill(zone);
  await page.getByRole("option", { name: zone, exact: true }).click();
  await expect(select).toHaveValue(zone);
}

// The seed, "Managing Sessions" › "Editing a Session", step by step.
test("the admin edits a session: two tabs, every field autosaves and survives a reload, status changes at once", async ({
  page,
  server,
}) => {
  // The longest journey (every field, two tabs, reloads, and members who confirm their sign-up by email).
  test.slow();
  const ann = await createMember(server, "Ann Lovelace");
  const ben = await createMember(server, "Ben Hopper");
  await signIn(page, server.admin!, "Administrator");
  await createOpenSession(page, { title: "Kubernetes Night", description: "Containers, explained." }, [
    { email: ann.email, role: "presenter", talkTitle: "Pods" },
    { email: ben.email, role: "presenter", talkTitle: "Operators" },
  ]);

  // 1. Go to Admin > Sessions and click a session.
  await openFromAdminSessions(page, "Kubernetes Night");

  // 2. The editor has two tabs: Details and Participants.
  const tabs = page.getByRole("tablist", { name: "Session editor" });
  await expect(tabs.getByRole("tab")).toHaveText(["Details", "Participants"]);
  await expect(page.getByRole("tab", { name: "Details" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("session-status")).toHaveText("Open");
  await expectNoA11yViolations(page, "the editor, Details");

  // 3. Edit any field: changes auto-save after 1.5 seconds.
  const field = (label: string) => editorField(page, label);
  const start = daysFromNow(24, "19:00");
  await field("Title").fill("Kubernetes Night: Operators");
  await expectSaved(page);
  await field("Description").fill("Containers, explained.\n\n- Pods\n- Operators");
  await field("Date & Time").fill(start);
  await chooseTimezone(page, "Europe/Paris");
  await field("Duration").fill("60");
  await field("Meeting URL").fill("https://meet.example.org/k8s-night");
  await field("Meeting Password").fill("helm");
  await field("Max Presenters").fill("4");
  await field("Max Guests").fill("12");
  await field("Talk Duration").fill("12");
  await field("Q&A Duration").fill("3");
  await page.getByRole("switch", { name: "Has Interviewer" }).press("Space");
  await expect(page.getByRole("switch", { name: "Has Interviewer" })).not.toBeChecked();
  await expectSaved(page);

  // Every value was stored.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Kubernetes Night: Operators" })).toBeVisible();
  await expect(field("Title")).toHaveValue("Kubernetes Night: Operators");
  await expect(field("Description")).toHaveValue("Containers, explained.\n\n- Pods\n- Operators");
  await expect(field("Date & Time")).toHaveValue(start);
  await expect(page.getByRole("combobox", { name: "Timezone" })).toHaveValue("Europe/Paris");
  await expect(field("Duration")).toHaveValue("60");
  await expect(field("Meeting URL")).toHaveValue("https://meet.example.org/k8s-night");
  await expect(field("Meeting Password")).toHaveValue("helm");
  await expect(field("Max Presenters")).toHaveValue("4");
  await expect(field("Max Guests")).toHaveValue("12");
  await expect(field("Talk Duration")).toHaveValue("12");
  await expect(field("Q&A Duration")).toHaveValue("3");
  await expect(page.getByRole("switch", { name: "Has Interviewer" })).not.toBeChecked();
  // The agenda follows: 4 × (12 + 3) = 60 minutes fits; a fifth presenter slot would not.
  await expect(page.getByTestId("agenda-warning")).toHaveCount(0);
  await field("Max Presenters").fill("5");
  await expect(page.getByTestId("agenda-warning")).toBeVisible();
  await expect(page.getByTestId("agenda-warning")).toContainText("75");
  await expectNoA11yViolations(page, "the editor with the agenda warning");

  // Invalid values stay in their field with the rule they break, and are not saved; the rest is.
  await field("Duration").fill("2");
  await expect(page.getByText("Duration must be between 5 and 720")).toBeVisible();
  await expect(field("Duration")).toHaveAttribute("aria-invalid", "true");
  // The server's own refusals land at their field too: a time the clocks skip, and a maximum below the registered.
  await field("Date & Time").fill("2030-03-31T02:30");
  await expect(page.getByText(/Date & Time does not exist in Europe\/Paris/)).toBeVisible();
  await field("Max Presenters").fill("1");
  await expect(page.getByText("Max Presenters cannot be lower than the 2 presenters already registered")).toBeVisible();
  await expect(field("Max Presenters")).toHaveValue("1");
  // Nothing typed is silently changed (issue 13, 7): a title over 200 characters, a negative maximum and a start in
  // the past stay as typed, with the rule at the field, and are not saved.
  const longTitle = "A very long title ".repeat(17);
  await field("Title").fill(longTitle);
  await expect(page.getByText("Title must be at most 200 characters")).toBeVisible();
  await expect(field("Title")).toHaveValue(longTitle);
  await field("Max Guests").fill("-1");
  await expect(page.getByText("Max Guests must be between 0 and 10000")).toBeVisible();
  await expect(field("Max Guests")).toHaveValue("-1");
  await field("Date & Time").fill(daysFromNow(-2, "19:00"));
  await expect(page.getByText("Date & Time must be in the future")).toBeVisible();
  await expect(field("Date & Time")).toHaveAttribute("aria-invalid", "true");
  await expectNoA11yViolations(page, "the editor with refused values");
  await page.reload();
  await expect(field("Title")).toHaveValue("Kubernetes Night: Operators");
  await expect(field("Duration")).toHaveValue("60");
  await expect(field("Date & Time")).toHaveValue(start);
  await expect(field("Max Presenters")).toHaveValue("5");
  await expect(field("Max Guests")).toHaveValue("12");

  // 4. Status changes take effect immediately. Only the actions that apply are offered.
  await expect(page.getByRole("button", { name: "Reopen registration" })).toHaveCount(0);
  await page.getByRole("button", { name: "Close registration" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Closed");
  await page.reload();
  await expect(page.getByTestId("session-status")).toHaveText("Closed");
  await page.getByRole("button", { name: "Reopen registration" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Open");

  // Cancel asks first, saying who is emailed and that it cannot be taken back.
  await page.getByRole("button", { name: "Cancel session" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this session?" });
  await expect(dialog).toContainText("Every active participant (2 people) is emailed");
  await expect(dialog).toContainText("cannot be taken back");
  await expectNoA11yViolations(page, "the Cancel session confirmation");
  await dialog.getByRole("button", { name: "Keep the session" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("session-status")).toHaveText("Open");
  await page.getByRole("button", { name: "Cancel session" }).click();
  await dialog.getByRole("button", { name: "Cancel session" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Cancelled");
  await waitForEmail(server.smtp, ann.email, /^Session Cancelled: Kubernetes Night: Operators/);
  await waitForEmail(server.smtp, ben.email, /^Session Cancelled: Kubernetes Night: Operators/);

  // Reopening names the people who were told it is off, and asks what becomes of them (issue 13, 1).
  await page.getByRole("button", { name: "Reopen registration" }).click();
  const reopen = page.getByRole("dialog", { name: "Reopen this cancelled session?" });
  await expect(reopen.getByTestId("reopen-people").getByRole("listitem")).toHaveText([
    "Ann Lovelace (Presenter)",
    "Ben Hopper (Presenter)",
  ]);
  await reopen.getByRole("button", { name: "Reopen registration" }).click();
  await expect(reopen.getByText("Choose whether to restore them or start empty.")).toBeVisible();
  await expectNoA11yViolations(page, "the Reopen dialog");
  await reopen.getByRole("radio", { name: "Restore them" }).check();
  await reopen.getByRole("button", { name: "Reopen registration" }).click();
  await expect(reopen).toHaveCount(0);
  await expect(page.getByTestId("session-status")).toHaveText("Open");
  const backOn = await waitForEmail(server.smtp, ann.email, /^Session Back On: Kubernetes Night: Operators/);
  expect(backOn.text).toContain("you are registered as Presenter again");
  const calendar = backOn.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(calendar?.content.toString("utf8")).toContain("METHOD:REQUEST");
  await waitForEmail(server.smtp, ben.email, /^Session Back On: Kubernetes Night: Operators/);
});

test("the admin manages participants: roles, statuses, order, talks, adding and removing", async ({
  page,
  browser,
  server,
}) => {
  // A long journey: three members confirm their sign-up by email, and a fourth creates her account from an invitation.
  test.slow();
  const ann = await createMember(server, "Ann Lovelace");
  const ben = await createMember(server, "Ben Hopper");
  const cara = await createMember(server, "Cara Johnson");
  await signIn(page, server.admin!, "Administrator");
  await createOpenSession(page, { title: "Data Engineering Evening" }, [
    { email: ann.email, role: "presenter", talkTitle: "Pipelines" },
    { email: ben.email, role: "presenter", talkTitle: "Lakes" },
    { email: cara.email, role: "guest" },
  ]);
  await openFromAdminSessions(page, "Data Engineering Evening");
  await page.getByRole("tab", { name: "Participants" }).click();
  await expect(page.getByRole("tab", { name: "Participants" })).toHaveAttribute("aria-selected", "true");

  const group = (name: RegExp) => page.getByRole("region", { name });
  await expect(group(/^Host 0\/1/)).toContainText("No host yet.");
  await expect(group(/^Presenters 2\/3/).getByRole("listitem")).toHaveCount(2);
  await expect(
    group(/^Presenters/)
      .getByRole("listitem")
      .first(),
  ).toContainText("1. Ann Lovelace");
  await expect(group(/^Guests 1\/5/)).toContainText("Cara Johnson");
  await expectNoA11yViolations(page, "the Participants tab");

  // Presenters move with up/down buttons, from the keyboard, and the focus stays with the moved presenter.
  await page.getByRole("button", { name: "Move Ben Hopper up" }).press("Enter");
  await expect(
    group(/^Presenters/)
      .getByRole("listitem")
      .first(),
  ).toContainText("1. Ben Hopper");
  await expect(page.getByRole("button", { name: "Move Ben Hopper down" })).toBeFocused();

  // Role change is a menu choice (issue 13, 2): moving through the menu with the keyboard changes nothing.
  await page.getByRole("button", { name: "Role of Cara Johnson: Guest" }).press("Enter");
  const roleMenu = page.getByRole("menu", { name: "Role of Cara Johnson: Guest" });
  await expect(roleMenu.getByRole("menuitem")).toHaveCount(4);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expectNoA11yViolations(page, "the Participants tab with the role menu open");
  await page.keyboard.press("Escape");
  await expect(roleMenu).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Role of Cara Johnson: Guest" })).toBeVisible();
  // Choosing Host does it: Cara hosts now, and is emailed once.
  await page.getByRole("button", { name: "Role of Cara Johnson: Guest" }).click();
  await roleMenu.getByRole("menuitem", { name: "Host" }).click();
  await expect(group(/^Host 1\/1/)).toContainText("Cara Johnson");
  await waitForEmail(server.smtp, cara.email, /^Role Changed: Data Engineering Evening/);
  expect(server.smtp.to(cara.email).filter((m) => m.subject?.startsWith("Role Changed"))).toHaveLength(1);
  // The server refuses a role without slots; the refusal is shown and nothing changes.
  await page.getByRole("button", { name: "Role of Ann Lovelace: Presenter" }).click();
  await page
    .getByRole("menu", { name: "Role of Ann Lovelace: Presenter" })
    .getByRole("menuitem", { name: "Host" })
    .click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Could not change the role for Ann Lovelace");
  await expect(page.getByRole("button", { name: "Role of Ann Lovelace: Presenter" })).toBeVisible();

  // Participant status is record-keeping, except Cancelled (below).
  await page.getByRole("button", { name: "Status of Cara Johnson: Registered" }).click();
  await page.getByRole("menuitem", { name: "Confirmed" }).click();
  await expect(page.getByRole("button", { name: "Status of Cara Johnson: Confirmed" })).toBeVisible();

  // A presenter's talk.
  await page.getByRole("button", { name: "Edit talk of Ann Lovelace" }).click();
  const talk = page.getByRole("dialog", { name: "Talk of Ann Lovelace" });
  await expect(talk.getByLabel("Talk title")).toHaveValue("Pipelines");
  await expectNoA11yViolations(page, "the talk editor");
  await talk.getByLabel("Talk title").fill("Pipelines that heal themselves");
  await talk.getByLabel("Talk description").fill("Retries, idempotency and backfills.");
  await talk.getByRole("button", { name: "Save talk" }).click();
  await expect(talk).toHaveCount(0);
  await expect(page.getByTestId(`participant-${ann.email}`)).toContainText("Talk: Pipelines that heal themselves");

  // Add participant by email: someone without an account is invited.
  const dora = uniqueEmail("dora");
  const add = page.getByRole("region", { name: "Add participant" });
  await add.getByLabel("Email").fill(dora);
  await add.getByLabel("Role").selectOption("presenter");
  await add.getByLabel("Talk title").fill("Streaming joins");
  await add.getByRole("button", { name: "Add participant" }).click();
  await expect(group(/^Presenters 3\/3/)).toContainText(dora);
  await expect(page.getByTestId(`participant-${dora}`)).toContainText("Talk: Streaming joins");
  await expect(add.getByLabel("Email")).toHaveValue("");
  await add.getByLabel("Email").fill(cara.email);
  await add.getByRole("button", { name: "Add participant" }).click();
  await expect(add.getByText(/already registered/)).toBeVisible();
  await expect(add.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  // Dora's invitation creates her account (issue 13, 4): name, password and her browser's zone, then she is signed
  // in on the session page. It carried no meeting details before she had an account.
  const invitation = await waitForEmail(server.smtp, dora, /^You are invited to Data Engineering Evening/);
  expect(invitation.text).not.toContain("meet.example.org");
  const calendarPart = invitation.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(calendarPart?.content.toString("utf8")).not.toContain("meet.example.org");
  // On her phone, in Tokyo.
  const doraBrowser = await browser.newContext({
    baseURL: server.baseUrl,
    timezoneId: "Asia/Tokyo",
    viewport: { width: 390, height: 844 },
  });
  try {
    const doraPage = await doraBrowser.newPage();
    await doraPage.goto(linkIn(invitation, "/accept-invitation"));
    await expect(doraPage.getByRole("heading", { level: 1, name: "Create your account" })).toBeVisible();
    await expect(doraPage.getByRole("combobox", { name: "Time zone" })).toHaveValue("Asia/Tokyo");
    await expectNoA11yViolations(doraPage, "the invitation's account page at 390 px");
    await doraPage.getByLabel("Name").fill("Dora Streams");
    await doraPage.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
    await doraPage.getByRole("button", { name: "Create account" }).click();
    await expect(doraPage.getByRole("heading", { level: 1, name: "Data Engineering Evening" })).toBeVisible({
      timeout: 20_000,
    });
    await expect(doraPage.getByRole("banner")).toContainText("Signed in as Dora Streams");
    await expect(doraPage.getByTestId("my-role")).toHaveText("Presenter");
    await expect(doraPage.getByTestId("meeting-url")).toBeVisible();
  } finally {
    await doraBrowser.close();
  }

  // Remove, after a confirmation: the registration stays under Cancelled, and Ben is emailed.
  await page.getByRole("button", { name: "Remove Ben Hopper" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove Ben Hopper?" });
  await expect(confirm).toContainText("emailed");
  await expectNoA11yViolations(page, "the Remove confirmation");
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(group(/^Cancelled/)).toContainText("Ben Hopper");
  await expect(
    group(/^Presenters 2\/3/)
      .getByRole("listitem")
      .first(),
  ).toContainText("1. Ann Lovelace");
  await waitForEmail(server.smtp, ben.email, /^Registration Cancelled: Data Engineering Evening/);

  // Setting a status to Cancelled asks first, then tells them as Remove does, with a calendar cancellation.
  await page.getByRole("button", { name: "Status of Cara Johnson: Confirmed" }).click();
  await page.getByRole("menuitem", { name: "Cancelled" }).click();
  const cancelCara = page.getByRole("dialog", { name: "Cancel the registration of Cara Johnson?" });
  await expect(cancelCara).toContainText("emailed");
  await cancelCara.getByRole("button", { name: "Cancel registration" }).click();
  await expect(group(/^Cancelled/)).toContainText("Cara Johnson");
  const caraCancelled = await waitForEmail(
    server.smtp,
    cara.email,
    /^Registration Cancelled: Data Engineering Evening/,
  );
  const caraCalendar = caraCancelled.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(caraCalendar?.content.toString("utf8")).toContain("METHOD:CANCEL");

  // The Details tab follows: the agenda names the presenters in their order.
  await page.getByRole("tab", { name: "Details" }).click();
  await expect(page.getByRole("row", { name: /Ann Lovelace: Pipelines that heal themselves/ }).first()).toBeVisible();

  // A Full session (issue 13, 3 and 8): the Participants tab says it is Full, and Reopen registration, which would
  // leave it Full, is not offered; the editor says why. Once closed it can be reopened, and is Full again at once.
  const tiny = await createOpenSession(
    page,
    { title: "Tiny circle", maxPresenters: 0, maxGuests: 0, hasInterviewer: false },
    [{ email: ann.email, role: "host" }],
  );
  await page.goto(`/admin/sessions/${tiny.id}`);
  await expect(page.getByTestId("session-status")).toHaveText("Full");
  await expect(page.getByRole("button", { name: "Close registration" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen registration" })).toHaveCount(0);
  await expect(page.getByTestId("status-note")).toHaveText(
    "Every place is taken, so reopening would leave it Full. Registration reopens by itself when a place frees up.",
  );
  await expectNoA11yViolations(page, "the Details of a Full session");
  await page.getByRole("tab", { name: "Participants" }).click();
  await expect(page.getByTestId("registration-state")).toHaveText(
    /^Status\s*Full\s*Every place is taken \(1 of 1\)\.$/,
  );
  await expectNoA11yViolations(page, "the Participants tab of a Full session");
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId("participants-status")).toBeInViewport();
  await expectNoA11yViolations(page, "the Participants tab of a Full session at 390 px");
  await page.getByRole("tab", { name: "Details" }).click();
  await expect(page.getByTestId("status-note")).toBeVisible();
  await expectNoA11yViolations(page, "the Details of a Full session at 390 px");
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: "Close registration" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Closed");
  await expect(page.getByTestId("status-note")).toHaveCount(0);
  await page.getByRole("button", { name: "Reopen registration" }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Full");
});

test("a conflicting edit from a second browser is refused and shown, and nothing is overwritten", async ({
  page,
  browser,
  server,
}) => {
  await signIn(page, server.admin!, "Administrator");
  const { id } = await createOpenSession(page, { title: "Frontend Friday" });
  await page.goto(`/admin/sessions/${id}`);
  await expect(editorField(page, "Title")).toHaveValue("Frontend Friday");

  const other = await browser.newContext({ baseURL: server.baseUrl });
  const otherPage = await other.newPage();
  await signIn(otherPage, server.admin!, "Administrator");
  await otherPage.goto(`/admin/sessions/${id}`);
  await expect(editorField(otherPage, "Title")).toHaveValue("Frontend Friday");

  // The other editor saves first.
  await editorField(otherPage, "Title").fill("Frontend Friday: CSS");
  await expectSaved(otherPage);

  // This one, still on the old version, is told and keeps its text; the other's title stays on the server.
  await editorField(page, "Description").fill("My description");
  const notice = page.getByRole("alert").filter({ hasText: "Someone else saved this session meanwhile" });
  await expect(notice).toBeVisible();
  await expect(editorField(page, "Description")).toHaveValue("My description");
  await expectNoA11yViolations(page, "the editor with the conflict notice");
  await notice.getByRole("button", { name: "Reload" }).click();
  await expect(notice).toHaveCount(0);
  await expect(editorField(page, "Title")).toHaveValue("Frontend Friday: CSS");
  await expect(editorField(page, "Description")).toHaveValue("");

  // Editing again from the new version saves.
  await editorField(page, "Description").fill("My description, again");
  await expectSaved(page);
  await otherPage.reload();
  await expect(editorField(otherPage, "Description")).toHaveValue("My description, again");
  await expect(editorField(otherPage, "Title")).toHaveValue("Frontend Friday: CSS");
  await other.close();
});

// The seed, "Managing Sessions" › "Deleting a Session".
test("the admin deletes a session from its editor after confirming, and lands on Admin > Sessions", async ({
  page,
  server,
}) => {
  // The longest journey (every field, two tabs, reloads, and members who confirm their sign-up by email).
  test.slow();
  const ann = await createMember(server, "Ann Lovelace");
  await signIn(page, server.admin!, "Administrator");
  await createOpenSession(page, { title: "Session to delete" }, [{ email: ann.email, role: "guest" }]);
  // 1. Open the session editor.
  await openFromAdminSessions(page, "Session to delete");
  // 2. Click Delete (at the bottom of the page).
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  // 3. Confirm the deletion; the dialog suggests cancelling instead.
  const dialog = page.getByRole("dialog", { name: "Delete this session?" });
  await expect(dialog).toContainText("its 1 participant record");
  await expect(dialog.getByTestId("delete-notice")).toHaveText(
    "Its active participant is emailed that the session is cancelled, with a calendar cancellation.",
  );
  await expect(dialog).toContainText("cancel the session instead");
  await expectNoA11yViolations(page, "the Delete confirmation");
  await dialog.getByRole("button", { name: "Keep the session" }).click();
  await expect(dialog).toHaveCount(0);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete session" }).click();
  await expect(page).toHaveURL(/\/admin\/sessions$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Session to delete" })).toHaveCount(0);
  await expect(page.getByText("“Session to delete” was deleted.")).toBeVisible();
  const told = await waitForEmail(server.smtp, ann.email, /^Session Cancelled: Session to delete/);
  expect(told.attachments.find((a) => a.contentType.startsWith("text/calendar"))?.content.toString("utf8")).toContain(
    "METHOD:CANCEL",
  );
});

test.describe("seen from Paris", () => {
  test.use({ timezoneId: "Europe/Paris", locale: "en-GB" });

  test("the editor works at phone width, and the README screenshots are taken at 1280×800", async ({
    page,
    server,
  }) => {
    // Realistic names and addresses for the screenshots (this test runs once per server).
    const person = async (name: string) => {
      const email = `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.org`;
      await signUpApi(server, { name, email, password: PASSWORD });
      return email;
    };
    const grace = await person("Grace Okafor");
    const linus = await person("Linus Berg");
    const mei = await person("Mei Tanaka");
    const sofia = await person("Sofia Rossi");
    const tomas = await person("Tomas Garcia");
    const priya = await person("Priya Natarajan");
    await signIn(page, server.admin!, "Administrator");
    const { id } = await createOpenSession(
      page,
      {
        title: "Rust in Production: March meetup",
        description:
          "Three short talks from teams running **Rust** in production, each followed by questions.\n\nBring your war stories.",
        maxPresenters: 3,
        time: "12:00",
      },
      [
        { email: grace, role: "host" },
        { email: linus, role: "presenter", talkTitle: "Zero-downtime deploys with Axum" },
        { email: mei, role: "presenter", talkTitle: "Profiling async code" },
        { email: sofia, role: "interviewer" },
        { email: tomas, role: "guest" },
        { email: priya, role: "guest" },
      ],
    );

    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`/admin/sessions/${id}`);
    await expect(editorField(page, "Title")).toHaveValue("Rust in Production: March meetup");
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page, "the editor at phone width");
    await page.getByRole("tab", { name: "Participants" }).click();
    await expect(page.getByTestId(`participant-${linus}`)).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoA11yViolations(page, "the Participants tab at phone width");
    await page.goto("/admin/sessions");
    await expect(page.getByRole("link", { name: "Rust in Production: March meetup" })).toBeVisible();
    expect(await overflow()).toBeLessThanOrEqual(0);

    await page.setViewportSize({ width: 1280, height: 800 });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(`/admin/sessions/${id}`);
    await editorField(page, "Meeting Password").fill("ferris-42");
    await expectSaved(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-details.png") });
    await page.getByRole("tab", { name: "Participants" }).click();
    await expect(page.getByTestId(`participant-${mei}`)).toContainText("Profiling async code");
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOTS, "editor-participants.png") });
  });
});
