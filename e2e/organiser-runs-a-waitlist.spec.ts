import type { Page } from "@playwright/test";
import { apiAs, editorField } from "./admin-api";
import { type ApiSession, createSession, signInApi } from "./community-api";
import {
  createMember,
  expect,
  expectNoA11yViolations,
  type RunningServer,
  signIn,
  test,
  waitForEmail,
} from "./fixtures";

async function openFromAdminSessions(page: Page, title: string) {
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await page.getByRole("link", { name: title, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

async function openSettings(page: Page) {
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
}

async function expectSaved(page: Page) {
  const indicator = page.getByRole("status").filter({ hasText: /Saving\.\.\.|Auto-saved|Not saved|Changes save/ });
  await expect(indicator).toContainText("Auto-saved at");
}

/** A member signed in through the API, as their own browser would be. */
async function memberApi(server: RunningServer, name: string) {
  const member = await createMember(server, name);
  return { ...member, name, api: await signInApi(server.baseUrl, member) };
}

const joinPresenterLine = (member: { api: ApiSession }, sessionId: string, talkTitle: string) =>
  member.api.call("POST", `/api/v1/community/sessions/${sessionId}/waitlist`, { role: "presenter", talkTitle });

// Tests in a worker share one server: put back what this test changes.
test.afterEach(async ({ page }) => {
  await apiAs(page).put("/api/v1/admin/settings/waitlists", { holdMinutes: 720, mode: "offer" });
});

test("the organiser runs a presenter waitlist: reorders it, removes someone, frees a place, then sets the rules", async ({
  page,
  server,
}) => {
  test.slow();
  const title = "Lightning talks on old computers";
  const admin = await signInApi(server.baseUrl, server.admin!);
  const session = await createSession(admin, title, { maxPresenters: 1 });
  const host = await createMember(server, "Grace Hopper");
  await admin.call("POST", `/api/v1/community/sessions/${session.id}/participants`, {
    email: host.email,
    role: "host",
  });
  const presenter = await memberApi(server, "Ada Lovelace");
  await presenter.api.call("POST", `/api/v1/community/sessions/${session.id}/registrations`, {
    role: "presenter",
    talkTitle: "The Analytical Engine",
  });
  // The only presenter place is taken: three members wait for one, in the order they joined.
  const barbara = await memberApi(server, "Barbara Liskov");
  const edsger = await memberApi(server, "Edsger Dijkstra");
  const frances = await memberApi(server, "Frances Allen");
  await joinPresenterLine(barbara, session.id, "Substitution");
  await joinPresenterLine(edsger, session.id, "Goto, considered");
  await joinPresenterLine(frances, session.id, "Optimising compilers");

  await signIn(page, server.admin!, "Administrator");
  await openFromAdminSessions(page, title);
  await page.getByRole("tab", { name: "Participants" }).click();

  const waitlists = page.getByRole("region", { name: "Waitlists", exact: true });
  const line = waitlists.getByRole("region", { name: /^Presenter/ });
  await expect(line.getByRole("heading")).toHaveText("Presenter 3 waiting");
  await expect(line.getByRole("listitem")).toHaveText([
    /^1st in line.*Barbara Liskov.*Talk: Substitution/,
    /^2nd in line.*Edsger Dijkstra.*Talk: Goto, considered/,
    /^3rd in line.*Frances Allen.*Talk: Optimising compilers/,
  ]);
  await expect(waitlists.getByRole("button", { name: "Move Barbara Liskov up" })).toBeDisabled();
  await expect(waitlists.getByRole("button", { name: "Move Frances Allen down" })).toBeDisabled();
  await expectNoA11yViolations(page, "the editor's Participants tab with a waitlist");

  // Move the third up to second; the keyboard stays on the button.
  await waitlists.getByRole("button", { name: "Move Frances Allen up" }).click();
  await expect(line.getByRole("listitem")).toHaveText([/Barbara Liskov/, /^2nd in line.*Frances Allen/, /Edsger/]);
  await expect(waitlists.getByRole("button", { name: "Move Frances Allen up" })).toBeFocused();

  // Remove the first: asked first, and she is emailed.
  await waitlists.getByRole("button", { name: "Remove Barbara Liskov from the waitlist" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove Barbara Liskov from the waitlist?" });
  await expect(confirm).toContainText("They are emailed that they are no longer on the Presenter waitlist.");
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Barbara Liskov was taken off the waitlist and emailed.")).toBeVisible();
  await expect(line.getByRole("listitem")).toHaveText([/^1st in line.*Frances Allen/, /^2nd in line.*Edsger/]);
  const removed = await waitForEmail(server.smtp, barbara.email, /^Waitlist: /);
  expect(removed.text).toContain("The organisers took you off the Presenter waitlist");

  // A second presenter place: the autosave offers it to the first in line, who is emailed.
  await page.getByRole("tab", { name: "Details" }).click();
  await editorField(page, "Max Presenters").fill("2");
  await expectSaved(page);
  await page.getByRole("tab", { name: "Participants" }).click();
  await expect(line.getByRole("heading")).toHaveText("Presenter 1 waiting, 1 offered");
  await expect(line.getByRole("listitem").first()).toHaveText(/^Offered until .+Frances Allen/);
  await expect(
    page
      .getByRole("region", { name: /^Presenters/ })
      .getByRole("heading")
      .first(),
  ).toHaveText("Presenters 1/2, 1 offered");
  const offer = await waitForEmail(server.smtp, frances.email, /^A place is yours if you want it: /);
  expect(offer.text).toContain(title);

  // No place is free for the next in line: registering him is refused with the reason; offering puts him first.
  await waitlists.getByRole("button", { name: "Register Edsger Dijkstra now" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not register Edsger Dijkstra:" })).toContainText(
    "All 2 Presenter slots are taken, or held for an offer.",
  );
  await waitlists.getByRole("button", { name: "Offer a place to Edsger Dijkstra" }).click();
  await expect(page.getByText("Edsger Dijkstra is first in line for the next place.")).toBeVisible();
  await expectNoA11yViolations(page, "the editor's Participants tab with an offer");

  // On a phone the lines fit: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await waitlists.scrollIntoViewIfNeeded();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Admin > Settings > Waitlists: a shorter hold, and register the first in line at once.
  await openSettings(page);
  const settings = page.getByRole("region", { name: "Waitlists", exact: true });
  const hold = settings.getByRole("textbox", { name: "Hold an offered place for" });
  await expect(hold).toHaveValue("12 h");
  await expect(settings.getByRole("radio", { name: "Offer it to the first in line" })).toBeChecked();
  await expect(settings.getByText("0 no-shows turns the rule off.")).toBeVisible();
  await hold.fill("2h");
  await settings.getByRole("radio", { name: "Register the first in line at once" }).check();
  await settings.getByRole("button", { name: "Save waitlist settings" }).click();
  await expect(page.getByText("Waitlist settings saved.")).toBeVisible();

  await page.reload();
  await expect(hold).toHaveValue("2 h");
  await expect(settings.getByRole("radio", { name: "Register the first in line at once" })).toBeChecked();

  // A hold shorter than the rule allows is refused at the field, with the rule.
  await hold.fill("1 minute");
  await settings.getByRole("button", { name: "Save waitlist settings" }).click();
  await expect(settings.getByText("Hold an offered place for must be at least 5 minutes")).toBeVisible();
  await expect(hold).toHaveAttribute("aria-invalid", "true");
  await expect(hold).toBeFocused();
  await expectNoA11yViolations(page, "Admin > Settings, Waitlists with a refused hold");
});
