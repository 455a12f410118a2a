import { createSession, signInApi } from "./community-api";
import { createMember, expect, expectNoA11yViolations, linkUnder, signIn, test, waitForEmail } from "./fixtures";

// Issue #15, waitlists per role: a member joins a full role's line from the session page, finds their place on My
// sessions, is offered the place its presenter gives up, and takes it from the offer email's link.

// The viewer's zone differs from the session's, so the deadline names both.
test.use({ timezoneId: "America/New_York" });

const MEETING = "https://meet.example.org/freed-place";

test("a member joins the Presenter waitlist, is offered the place the presenter gives up, and accepts it from the email", async ({
  page,
  server,
}) => {
  const admin = await signInApi(server.baseUrl, server.admin!);
  const title = `Second Chances ${Date.now().toString(36)}`;
  const session = await createSession(admin, title, {
    maxPresenters: 1,
    maxGuests: 3,
    hasInterviewer: false,
    timeZone: "Europe/Paris",
    meetingUrl: MEETING,
  });
  const presenter = await createMember(server, "Pia Presenter");
  const presenterApi = await signInApi(server.baseUrl, presenter);
  await presenterApi.call("POST", `/api/v1/community/sessions/${session.id}/registrations`, {
    role: "presenter",
    talkTitle: "First in the door",
  });

  // The Presenter place is taken: the form offers its waitlist, with the same talk fields.
  const member = await createMember(server, "Bea Waiting");
  await signIn(page, member, member.name);
  await page.goto(`/sessions/${session.id}`);
  const form = page.getByRole("form", { name: "Register for this session" });
  await expect(form).toContainText("Full: every place is taken. Join the waitlist: nobody is waiting yet");
  await form.getByRole("radio", { name: "Presenter" }).check();
  await form.getByLabel("Talk title").fill("Second in line, first in heart");
  await form.getByRole("button", { name: "Join the waitlist" }).click();
  await expect(page.getByTestId("registration-result")).toContainText("You are on the Presenter waitlist");
  await expect(page.getByTestId("waitlist-standing")).toHaveText("1st in line for Presenter.");
  await expect(page.getByTestId("meeting-url")).toHaveCount(0);
  await expectNoA11yViolations(page, "the session page, in line");
  await waitForEmail(server.smtp, member.email, /^On the waitlist:/);

  // My sessions says where they stand.
  await page.goto("/my-sessions");
  const waiting = page.getByRole("region", { name: "Waiting" });
  await expect(waiting.getByRole("article", { name: title })).toContainText("1st in line for Presenter");

  // The presenter gives the place up: it is offered to the first in line, by email.
  await presenterApi.call("DELETE", `/api/v1/community/sessions/${session.id}/registrations/me`);
  const offer = await waitForEmail(server.smtp, member.email, /^A place is yours if you want it:/);

  await page.goto(linkUnder(offer, "/offers/"));
  await expect(
    page.getByRole("heading", { level: 1, name: "A Presenter place is yours if you want it" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: title })).toHaveAttribute("href", `/sessions/${session.id}`);
  // The deadline in the viewer's zone, naming it, with the session's zone beside.
  const deadline = page.getByTestId("offer-deadline");
  await expect(deadline).toContainText("(America/New_York)");
  await expect(deadline).toContainText("(Europe/Paris)");
  await expectNoA11yViolations(page, "the offer page");
  // On a phone the offer fits the screen and its buttons are in reach.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("button", { name: "Accept the place" })).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.getByRole("button", { name: "Accept the place" }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}$`));
  await expect(page.getByTestId("my-role")).toHaveText("Presenter");
  await expect(page.getByTestId("meeting-url")).toHaveAttribute("href", MEETING);
  await waitForEmail(server.smtp, member.email, /^Registration confirmed:/);

  // The place is theirs: no longer waiting.
  await page.goto("/my-sessions");
  await expect(page.getByRole("region", { name: "Waiting" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Upcoming" }).getByRole("article", { name: title })).toContainText(
    "Presenter",
  );
});
