import fs from "node:fs";
import path from "node:path";
import { createSession, daysFromNow, signInApi } from "./community-api";
import {
  createMember,
  expect,
  expectNoA11yViolations,
  linkIn,
  PASSWORD,
  signIn,
  test,
  uniqueEmail,
  waitForEmail,
} from "./fixtures";

// The member's browser is in New York; the session is in Paris: both zones are named.
test.use({ timezoneId: "America/New_York", viewport: { width: 1280, height: 800 } });

const SCREENSHOTS = path.resolve(import.meta.dirname, "../docs/screenshots");

test("a member without a name is asked for it, registers as Presenter, sees the meeting details, adds the session to a calendar, and finds it in My sessions and the feed", async ({
  page,
  server,
}) => {
  const admin = await signInApi(server.baseUrl, server.admin!);
  // Titles as a community would write them (for the README's screenshots); cards are found by their link.
  const title = "Pocket talks on maps";
  const session = await createSession(admin, title, {
    description:
      "Four **short talks** on maps: how they are made, how they lie, and how to read them.\n\n" +
      "- Bring a question\n- Stay for the discussion",
    timeZone: "Europe/Paris",
    startsLocal: daysFromNow(10, "19:00"),
    durationMinutes: 60,
    maxPresenters: 3,
    maxGuests: 20,
    meetingUrl: "https://meet.example.org/pocket-maps",
    meetingPassword: "atlas-42",
  });
  // A few more sessions, so the home page looks like a community's.
  await createSession(admin, "Five-minute histories of everyday objects", {
    description: "The paperclip, the zip, the sticky note: short stories of small things, told by members.",
    timeZone: "Europe/London",
    startsLocal: daysFromNow(5, "18:00"),
  });
  await createSession(admin, "Shipping small: lessons from side projects", {
    description: "Three members on what they learnt from shipping something small, and what they would do again.",
    timeZone: "America/New_York",
    startsLocal: daysFromNow(21, "12:30"),
    hasInterviewer: false,
  });
  const closed = await createSession(admin, "Careers in climate tech: lightning talks", {
    description: "Lightning talks from people who moved into climate work, and how they did it.",
    timeZone: "Asia/Tokyo",
    startsLocal: daysFromNow(30, "09:00"),
  });
  await admin.call("POST", `/api/v1/community/sessions/${closed.id}/status`, { action: "close" });

  // A member without a name: invited by email by an organiser to another session, they never used the invitation
  // (which asks for a name) and set a password with "Forgot your password?" instead.
  const invitedTo = await createSession(admin, "Welcome evening", {}, { open: false });
  const email = uniqueEmail("invited");
  await admin.call("POST", `/api/v1/community/sessions/${invitedTo.id}/participants`, { email, role: "guest" });
  await waitForEmail(server.smtp, email, /invited/i);
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const reset = await waitForEmail(server.smtp, email, /Reset your .* password/);
  await page.goto(linkIn(reset, "/reset-password"));
  await page.getByLabel("New password").fill(PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("textbox", { name: "Password", exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const header = page.getByRole("banner");
  await expect(header).toContainText(`Signed in as ${email}`);

  // The home page: cards with times in New York and Paris, status, free roles.
  const cardOf = (id: string) => page.getByRole("article").filter({ has: page.locator(`a[href="/sessions/${id}"]`) });
  const card = cardOf(session.id);
  await expect(card).toContainText("Open roles: Host, Presenter, Interviewer, Guest");
  await expect(card.locator("time")).toContainText(/(EST|EDT) \(America\/New_York\)/);
  await expect(card).toContainText(/(CET|CEST) \(Europe\/Paris\)/);
  await expect(cardOf(closed.id).getByTestId("session-status")).toHaveText("Closed");
  await expectNoA11yViolations(page, "the home page with sessions");
  await page.getByRole("tab", { name: "Past sessions" }).click();
  await expect(page).toHaveURL(/when=past/);
  const pastPanel = page.getByRole("tabpanel", { name: "Past sessions" });
  await expect(pastPanel.getByRole("status", { name: "Loading past sessions" })).toHaveCount(0);
  // Other journeys on this server may have past sessions; this one is not among them.
  await expect(pastPanel).toBeVisible();
  await expect(pastPanel.locator(`a[href="/sessions/${session.id}"]`)).toHaveCount(0);
  await page.getByRole("tab", { name: "Upcoming sessions" }).click();

  // The session page: details, sanitised description, places left.
  await card.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const description = page.getByTestId("session-description");
  await expect(description.locator("strong")).toHaveText("short talks");
  await expect(description.getByRole("listitem")).toHaveText(["Bring a question", "Stay for the discussion"]);
  await expect(page.getByText("1 hour", { exact: true })).toBeVisible();
  await expect(page.getByTestId("roster-presenter")).toContainText("3 of 3 places left");
  await expect(page.getByTestId("meeting-url")).toHaveCount(0);
  await expectNoA11yViolations(page, "the session page before registering");

  // Asked for a name, which is required.
  const form = page.getByRole("form", { name: "Register for this session" });
  await form.getByRole("radio", { name: "Presenter", exact: true }).check();
  await form.getByLabel("Talk title").fill("Why every map is a little wrong");
  await form.getByRole("button", { name: "Register" }).click();
  await expect(form.getByText("Your name is required")).toBeVisible();
  await expect(form.getByLabel("Your name")).toBeFocused();
  await form.getByLabel("Your name").fill("Mae Jemison");
  await form.getByRole("button", { name: "Register" }).click();

  await expect(page.getByTestId("registration-result")).toContainText("You are registered as Presenter.");
  // Said to screen readers too, through a live region that was there before.
  await expect(page.getByRole("status").filter({ hasText: "You are registered as Presenter." })).toHaveCount(1);
  await expect(page.getByTestId("my-role")).toHaveText("Presenter");
  await expect(page.getByText("“Why every map is a little wrong”", { exact: true })).toBeVisible();
  await expect(page.getByTestId("meeting-url")).toHaveAttribute("href", "https://meet.example.org/pocket-maps");
  await expect(page.getByTestId("meeting-password")).toHaveText("atlas-42");
  await expect(page.getByTestId("roster-presenter")).toContainText("Mae Jemison — “Why every map is a little wrong”");
  // The name went to the profile.
  await expect(header).toContainText("Signed in as Mae Jemison");
  await expectNoA11yViolations(page, "the session page after registering");
  if (process.env.SCREENSHOTS) {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, "session-page.png"), fullPage: true });
    await header.getByRole("link", { name: "Home" }).click();
    await expect(card).toContainText("Open roles: Host, Presenter, Interviewer, Guest");
    await page.screenshot({ path: path.join(SCREENSHOTS, "home.png") });
    await card.getByRole("link", { name: title }).click();
  }

  // Add to calendar: the ICS file, and a Google Calendar link without the meeting URL.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download .ics file" }).click();
  const download = await downloading;
  const ics = fs.readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics.replace(/\r?\n[ \t]/g, "")).toContain(title);
  const google = new URL((await page.getByRole("link", { name: "Google Calendar" }).getAttribute("href"))!);
  expect(google.hostname).toBe("calendar.google.com");
  expect(google.searchParams.get("text")).toBe(title);
  expect(google.searchParams.get("ctz")).toBe("Europe/Paris");
  expect(google.searchParams.get("dates")).toMatch(/^\d{8}T\d{6}Z\/\d{8}T\d{6}Z$/);
  expect(google.searchParams.get("details")).toBe(`${server.baseUrl}/sessions/${session.id}`);
  expect(google.toString()).not.toContain("pocket-maps");

  // The cancel dialog opens, from the button or from an email's "Cancel my registration" link, is accessible, and
  // can be left without cancelling.
  await expect(page.getByRole("button", { name: "Cancel my registration" })).toBeVisible();
  await page.goto(`/sessions/${session.id}?cancel=registration`);
  const dialog = page.getByRole("dialog", { name: "Cancel your registration?" });
  await expect(dialog).toBeVisible();
  await expectNoA11yViolations(page, "the session page with the cancel dialog open");
  await dialog.getByRole("button", { name: "Keep my registration" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId("my-role")).toContainText("Presenter");

  // My sessions lists it under Upcoming with the role.
  await header.getByRole("link", { name: "My sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  const upcoming = page.getByRole("region", { name: "Upcoming" });
  const row = upcoming.getByRole("article", { name: title });
  await expect(row).toContainText("Your role: Presenter");
  await expect(row).toContainText("Registered");
  await expect(row.getByTestId("session-status")).toHaveText("Open");
  await expectNoA11yViolations(page, "My sessions");
  // On a phone the role and the status stay in view, in a card: nothing scrolls sideways (issue 13, 9).
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row.getByText("Presenter", { exact: true })).toBeInViewport();
  await expect(row.getByTestId("session-status")).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectNoA11yViolations(page, "My sessions at 390 px");
  await page.setViewportSize({ width: 1280, height: 800 });
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // The account page has the personal feed's address, and the feed has the session.
  await header.getByRole("link", { name: "Account" }).click();
  const feedSection = page.getByRole("region", { name: "Calendar feed" });
  const feedUrl = await feedSection.getByLabel("Your feed address", { exact: true }).inputValue();
  expect(feedUrl).toMatch(/\/api\/v1\/feeds\/[^/]+\/calendar\.ics$/);
  const feed = await (await fetch(feedUrl)).text();
  expect(feed.replace(/\r?\n[ \t]/g, "")).toContain(title);
  await expectNoA11yViolations(page, "the account page with the calendar feed");

  // Resetting the address needs a confirmation; the old address then stops working.
  await feedSection.getByRole("button", { name: "Reset address" }).click();
  const resetDialog = page.getByRole("dialog", { name: "Reset your feed address?" });
  await expect(resetDialog).toContainText("stops working");
  await resetDialog.getByRole("button", { name: "Reset address" }).click();
  await expect(resetDialog).toHaveCount(0);
  await expect(feedSection.getByLabel("Your feed address", { exact: true })).not.toHaveValue(feedUrl);
  expect((await fetch(feedUrl)).status).toBe(404);

  // The organisers call the session off: nothing on its page to add to a calendar or to cancel any more.
  await admin.call("POST", `/api/v1/community/sessions/${session.id}/status`, { action: "cancel" });
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByTestId("session-status").first()).toHaveText("Cancelled");
  await expect(page.getByTestId("my-role")).toHaveText("Presenter");
  await expect(page.getByTestId("cancelled-registration-note")).toBeVisible();
  await expect(page.getByRole("link", { name: "Download .ics file" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Google Calendar" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Cancel my registration" })).toHaveCount(0);
  await expect(page.getByTestId("meeting-url")).toHaveCount(0);
  await expectNoA11yViolations(page, "the page of a cancelled session I am registered for");
});

test("a signed-out visitor sees the session without its roster, and signs in to register", async ({ page, server }) => {
  const admin = await signInApi(server.baseUrl, server.admin!);
  const title = `Open mic for tiny tools ${Date.now().toString(36)}`;
  const session = await createSession(admin, title, {
    timeZone: "Europe/Paris",
    description: "Show us a **tiny tool** you love.\n\n<script>alert('x')</script>",
  });

  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("to see who takes part.")).toBeVisible();
  // The description is the server's safe HTML: Markdown rendered, raw HTML shown as text, never run.
  const description = page.getByTestId("session-description");
  await expect(description.locator("strong")).toHaveText("tiny tool");
  await expect(description).toContainText("<script>alert('x')</script>");
  await expect(description.locator("script")).toHaveCount(0);
  await expect(page.getByTestId("meeting-url")).toHaveCount(0);
  await expectNoA11yViolations(page, "the session page, signed out");
  await page.getByRole("link", { name: "Sign in to register" }).click();
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/sessions/${session.id}`)}`));

  // A Draft is not there for members, and a made-up id neither.
  const draft = await createSession(admin, `Draft ${title}`, {}, { open: false });
  await page.goto(`/sessions/${draft.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Session not found" })).toBeVisible();
  await expectNoA11yViolations(page, "the session page of a draft");
});

test("feature flags: premium-only roles are named with the Premium Label, and members allowed to create sessions get New Session", async ({
  page,
  server,
}) => {
  const admin = await signInApi(server.baseUrl, server.admin!);
  const member = await createMember(server, "Valerie Thomas");
  const session = await createSession(admin, `Premium check ${Date.now().toString(36)}`, {});
  const flags = {
    allowUserSessionCreation: true,
    requirePremiumForPresenting: true,
    requirePremiumForHosting: false,
    premiumLabel: "Office Hours",
  };
  const before = await admin.call<{ features: typeof flags }>("GET", "/api/v1/admin/settings");
  await admin.call("PATCH", "/api/v1/admin/settings", { features: flags });
  try {
    await signIn(page, member, member.name);
    await expect(page.getByRole("link", { name: "New Session" })).toHaveAttribute("href", "/admin/sessions");
    // Her card on the home page names the roles she may take, and those that need the Premium Label apart: she is
    // not premium (issue 13, 8).
    const card = page.getByRole("article", { name: session.title });
    await expect(card).toContainText("Open roles: Host, Guest");
    await expect(card).toContainText("Presenter, Interviewer: for Office Hours members only");
    await expectNoA11yViolations(page, "the home page with premium-only roles");
    await page.setViewportSize({ width: 390, height: 844 });
    // Other journeys' sessions share the home page: scroll to her card, then the whole line must fit the phone.
    const premiumLine = card.getByText("Presenter, Interviewer: for Office Hours members only");
    await premiumLine.scrollIntoViewIfNeeded();
    await expect(premiumLine).toBeInViewport({ ratio: 1 });
    await expectNoA11yViolations(page, "the home page with premium-only roles at 390 px");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto(`/sessions/${session.id}`);
    const form = page.getByRole("form", { name: "Register for this session" });
    for (const role of ["Presenter", "Interviewer"]) {
      await expect(form.getByRole("radio", { name: role, exact: true })).toBeDisabled();
    }
    await expect(form.getByText("Office Hours members only")).toHaveCount(2);
    await expect(form.getByRole("radio", { name: "Host", exact: true })).toBeEnabled();
    await expectNoA11yViolations(page, "the session page with premium-only roles");

    await page.getByRole("button", { name: "Sign out" }).click();
    await signIn(page, server.admin!, "Administrator");
    await expect(page.getByRole("main").getByRole("link", { name: "New Session" })).toHaveCount(0);
  } finally {
    await admin.call("PATCH", "/api/v1/admin/settings", { features: before.features });
  }
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, member, member.name);
  await expect(page.getByRole("main").getByRole("link", { name: "New Session" })).toHaveCount(0);
});
