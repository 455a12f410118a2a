import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { EventProtection } from "../src/shared/schemas/conference-sessions";
import type { ConferenceSession } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { createMember, expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// The seed's protection steps: "click on the shield icon" and give someone Coordination rights (and make the
// session Protected), toggle Session blocks under Session coordinator rights on the event's Protection page, and
// the coordinator then finds the session under My sessions on the main event page.

/** A day `days` from now, as the API takes a wall-clock time with its offset. */
function localDay(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}:00+01:00`;
}

test("the event manager gives a coordinator a protected session and Session blocks rights; the coordinator finds it under My sessions", async ({
  page,
  browser,
  server,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title: "Crystal Growth Workshop",
    startAt: localDay(20, "08:00"),
    endAt: localDay(21, "18:00"),
    timeZone: "Europe/Paris",
    timetablePublished: true,
  });
  const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
    title: "Nucleation",
    code: "NUC",
  });
  const grace = await createMember(server, "Grace Hopper");

  // "Click on the shield icon" of the session on Organisation ▸ Sessions.
  await page.goto(`/events/${event.id}/manage/sessions`);
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  const row = page.getByRole("row", { name: /Nucleation/ });
  await row.getByRole("button", { name: "Protection of Nucleation" }).click();
  const dialog = page.getByRole("dialog", { name: "Protection of “Nucleation”" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Inheriting (as the event)" })).toBeChecked();
  await expect(dialog.getByRole("group", { name: "Who may see it while protected" })).toHaveCount(0);

  // Coordination rights for Grace, by her email; the session becomes Protected.
  await dialog.getByRole("textbox", { name: "Email of a new coordinator" }).fill(grace.email.toUpperCase());
  await dialog.getByRole("button", { name: "Add coordinator" }).click();
  const coordinators = dialog.getByRole("list", { name: "Coordinators" });
  await expect(coordinators).toContainText(grace.email);
  await dialog.getByRole("radio", { name: "Protected" }).check();
  await expect(dialog.getByRole("group", { name: "Who may see it while protected" })).toBeVisible();

  // An email without an account: the server's refusal, in the dialog and at the Managers field.
  const nobody = "nobody-here@example.com";
  await dialog.getByRole("textbox", { name: "Email of a new manager" }).fill(nobody);
  await dialog.getByRole("textbox", { name: "Email of a new manager" }).press("Enter");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert").first()).toContainText(`No active account uses ${nobody}`);
  await expect(dialog.getByRole("textbox", { name: "Email of a new manager" })).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByRole("list", { name: "Managers" })).toContainText("No active account uses this email");
  await expectNoA11yViolations(page, "the shield dialog with an error");
  await dialog.getByRole("button", { name: `Remove ${nobody} from Managers` }).click();
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // Reopened: kept, with Grace's name from her account.
  await row.getByRole("button", { name: "Protection of Nucleation" }).click();
  await expect(dialog.getByRole("radio", { name: "Protected" })).toBeChecked();
  await expect(dialog.getByRole("list", { name: "Coordinators" })).toContainText("Grace Hopper");
  await expect(dialog.getByRole("list", { name: "Coordinators" })).toContainText(grace.email);
  await expect(dialog.getByText("Nobody yet.")).toHaveCount(2); // managers and the access list
  await expectNoA11yViolations(page, "the shield dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // The event's Protection page: Session coordinator rights, both off; Session blocks switched on at once.
  const nav = page.getByRole("navigation", { name: "Event management" });
  await nav.getByRole("link", { name: "Protection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Protection" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Managers" })).toBeVisible();
  const rights = page.getByRole("region", { name: "Session coordinator rights" });
  await expect(rights.getByRole("switch", { name: "Contributions" })).not.toBeChecked();
  await expect(rights.getByRole("switch", { name: "Session blocks" })).not.toBeChecked();
  await rights.getByRole("switch", { name: "Session blocks" }).click();
  await expect(page.getByText("Coordinators may now manage the blocks of their sessions.")).toBeVisible();
  await expect(rights.getByRole("switch", { name: "Session blocks" })).toBeChecked();
  await expectNoA11yViolations(page, "the Protection page");
  await page.reload();
  await expect(rights.getByRole("switch", { name: "Session blocks" })).toBeChecked();
  await expect(rights.getByRole("switch", { name: "Contributions" })).not.toBeChecked();
  const saved = await api.get<EventProtection>(`/api/v1/events/${event.id}/protection`);
  expect(saved.coordinatorRights).toEqual({ contributions: false, blocks: true });

  // The admin is not given the session explicitly: no My sessions on the event page.
  await page.goto(`/events/${event.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Crystal Growth Workshop" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sessions", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "My sessions" })).toHaveCount(0);

  // Grace, in her own browser: My sessions on the event page, with the link to manage the session's timetable.
  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const gracePage = await context.newPage();
    await signIn(gracePage, grace, "Grace Hopper");
    await gracePage.goto(`/events/${event.id}`);
    const mine = gracePage.getByRole("region", { name: "My sessions" });
    await expect(mine.getByRole("heading", { name: "My sessions" })).toBeVisible();
    await expect(mine.getByRole("link", { name: "Nucleation", exact: true })).toHaveAttribute(
      "href",
      `/events/${event.id}/sessions/${session.id}`,
    );
    await expect(mine).toContainText("NUC");
    await expect(mine).toContainText("Coordinator");
    const timetable = mine.getByRole("link", { name: "Timetable of Nucleation" });
    await expect(timetable).toHaveAttribute("href", `/events/${event.id}/sessions/${session.id}/timetable`);
    await expectNoA11yViolations(gracePage, "the event page with My sessions");
    await timetable.click();
    await expect(gracePage).toHaveURL(new RegExp(`/events/${event.id}/sessions/${session.id}/timetable$`));
    await expect(gracePage.getByRole("heading", { level: 1, name: /Nucleation/ })).toBeVisible();
  } finally {
    await context.close();
  }
});
