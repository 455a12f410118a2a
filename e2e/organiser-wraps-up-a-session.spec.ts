import type { Page } from "@playwright/test";
import { expect, expectNoA11yViolations, PASSWORD, signIn, test, waitForEmail } from "./fixtures";
import { ENDED_SESSION } from "./seeds/ended-session-data";

// Issue #15, "After the session": the admin wraps up a session that has ended (attendance, recording, notes); the
// attendees get one follow-up with the recording, the no-show none; an attendee finds the recording on the session
// page and their attendance on My sessions. The server runs on the real clock, so the ended session is seeded
// before it starts.

test.use({ seedScript: "e2e/seeds/ended-session.ts" });

const RECORDING = "https://video.example.org/repro-retro";
const NOTES = "Slides are in the shared folder. Next time: hermetic toolchains.";
const [attendee, otherAttendee, noShow] = ENDED_SESSION.guests;

async function attendanceRow(page: Page, name: string) {
  return page.getByRole("radiogroup", { name: new RegExp(`^${name} \\(`) });
}

test("the admin wraps up an ended session; attendees get the recording, the no-show does not", async ({
  page,
  server,
}) => {
  // Before the organisers wrap up, the host (who cannot mark attendance) is told to wait for them.
  await signIn(page, { email: ENDED_SESSION.host.email, password: PASSWORD }, ENDED_SESSION.host.name);
  await page.goto("/my-sessions");
  await page.getByRole("region", { name: "Past" }).getByRole("link", { name: ENDED_SESSION.title }).click();
  const before = page.getByRole("region", { name: "After the session" });
  await expect(before.getByTestId("wrap-up-waits")).toBeVisible();
  await expect(before.getByRole("button", { name: "Wrap up" })).toHaveCount(0);
  await page.context().clearCookies();

  const admin = server.admin!;
  await signIn(page, admin, "Administrator");
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await page.getByRole("radiogroup", { name: "When" }).getByText("Past", { exact: true }).click();
  await page.getByRole("link", { name: ENDED_SESSION.title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: ENDED_SESSION.title })).toBeVisible();

  await page.getByRole("tab", { name: "Wrap up" }).click();
  const form = page.getByRole("form", { name: "Wrap up" });
  await expect(form).toBeVisible();
  // Everyone starts as attended; one guest did not come.
  for (const p of [ENDED_SESSION.host, attendee, otherAttendee, noShow])
    await expect((await attendanceRow(page, p.name)).getByRole("radio", { name: "Attended" })).toBeChecked();
  await (await attendanceRow(page, noShow.name)).getByRole("radio", { name: "No-show" }).check();

  // A bad link is refused at its field.
  await form.getByLabel("Recording link").fill("not a link");
  await form.getByRole("button", { name: "Save wrap-up" }).click();
  await expect(form.getByLabel("Recording link")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("Recording link must be an http(s) URL");

  await form.getByLabel("Recording link").fill(RECORDING);
  await form.getByLabel("Notes").fill(NOTES);
  const followUp = form.getByRole("checkbox", { name: "Email the attendees a follow-up (once)" });
  await expect(followUp).toBeChecked();
  await expectNoA11yViolations(page, "the Wrap up tab");
  await form.getByRole("button", { name: "Save wrap-up" }).click();

  await expect(page.getByTestId("wrap-up-saved")).toContainText("Wrap-up saved");
  await expect(page.getByTestId("wrapped-up-at")).toContainText("Wrapped up");
  await expect(followUp).toBeDisabled();
  await expect(await attendanceRow(page, noShow.name)).toContainText("No Show");
  await expect(await attendanceRow(page, attendee.name)).toContainText("Attended");
  await expectNoA11yViolations(page, "the Wrap up tab, wrapped up");
  // On a phone the attendance list fits the screen: the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(await attendanceRow(page, attendee.name)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });

  const subject = new RegExp(`^Thank you for joining: ${ENDED_SESSION.title}`);
  for (const p of [attendee, otherAttendee, ENDED_SESSION.host]) {
    const mail = await waitForEmail(server.smtp, p.email, subject);
    expect(mail.text).toContain(RECORDING);
  }
  // The follow-ups are queued in one transaction: once the others arrived, the no-show's would have too.
  expect(server.smtp.to(noShow.email).filter((m) => subject.test(m.subject ?? ""))).toHaveLength(0);

  // Admin > Users shows a member's attendance when asked.
  await page.goto("/admin/users");
  const row = page.getByTestId(`user-${noShow.email}`);
  await row.getByRole("button", { name: `Show attendance: ${noShow.name}` }).click();
  await expect(row.getByTestId("user-attendance")).toHaveText("0 attended · 1 no-show");

  // The host wraps up from the session page: the follow-up already went, so it is not offered again.
  await page.context().clearCookies();
  await signIn(page, { email: ENDED_SESSION.host.email, password: PASSWORD }, ENDED_SESSION.host.name);
  await page.goto("/my-sessions");
  await page.getByRole("region", { name: "Past" }).getByRole("link", { name: ENDED_SESSION.title }).click();
  const hostView = page.getByRole("region", { name: "After the session" });
  await expect(hostView.getByRole("link", { name: RECORDING })).toBeVisible();
  await hostView.getByRole("button", { name: "Wrap up" }).click();
  const dialog = page.getByRole("dialog", { name: "Wrap up the session" });
  await expect(dialog.getByTestId("wrapped-up-at")).toContainText("Wrapped up");
  await expect(dialog.getByRole("checkbox", { name: "Email the attendees a follow-up (once)" })).toBeDisabled();
  await expect(dialog.getByLabel("Recording link")).toHaveValue(RECORDING);
  await expectNoA11yViolations(page, "the host's Wrap up dialog");
  await dialog.getByRole("button", { name: "Save wrap-up" }).click();
  await expect(dialog.getByTestId("wrap-up-saved")).toContainText("No follow-up email was sent");
  await page.keyboard.press("Escape");

  // An attendee finds the recording on the session page and their attendance on My sessions.
  await page.context().clearCookies();
  await signIn(page, { email: attendee.email, password: PASSWORD }, attendee.name);
  await page.goto("/my-sessions");
  await expect(page.getByTestId("attendance-summary")).toHaveText("You attended 1 session; 0 no-shows");
  await page.getByRole("region", { name: "Past" }).getByRole("link", { name: ENDED_SESSION.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: ENDED_SESSION.title })).toBeVisible();
  const after = page.getByRole("region", { name: "After the session" });
  await expect(after.getByRole("link", { name: RECORDING })).toHaveAttribute("href", RECORDING);
  await expect(after).toContainText("hermetic toolchains");
  await expect(after.getByRole("button", { name: "Wrap up" })).toHaveCount(0);
});
