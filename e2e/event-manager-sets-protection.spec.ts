import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { EventProtection } from "../src/shared/schemas/conference-sessions";
import type { ConferenceSession } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { createMember, expect, expectNoA11yViolations, linkIn, signIn, test, waitForEmail } from "./fixtures";

// The seed's protection steps: "click on the shield icon" and give someone Coordination rights (and make the
// session Protected), toggle Session blocks under Session coordinator rights on the event's Protection page, and
// the coordinator then finds the session under My sessions on the main event page. People are found by name or
// email among the accounts, an unknown email is refused as it is added, and each person given a role is emailed
// (issue 13); a session's own manager has its shield too.

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
  const ada = await createMember(server, "Ada Lovelace");
  const katherine = await createMember(server, "Katherine Johnson");

  // "Click on the shield icon" of the session on Organisation ▸ Sessions.
  await page.goto(`/events/${event.id}/manage/sessions`);
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  const row = page.getByRole("row", { name: /Nucleation/ });
  await row.getByRole("button", { name: "Protection of Nucleation" }).click();
  const dialog = page.getByRole("dialog", { name: "Protection of “Nucleation”" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("radio", { name: "Inheriting (as the event)" })).toBeChecked();
  await expect(dialog.getByRole("group", { name: "Who may see it while protected" })).toHaveCount(0);

  // Coordination rights for Grace, found by part of her name; the session becomes Protected.
  const newCoordinator = dialog.getByRole("combobox", { name: "New coordinator" });
  await newCoordinator.fill("grace hop");
  await page.getByRole("option", { name: `Grace Hopper (${grace.email})` }).click();
  const coordinators = dialog.getByRole("list", { name: "Coordinators" });
  await expect(coordinators).toContainText("Grace Hopper");
  await expect(coordinators).toContainText(grace.email);
  await expect(newCoordinator).toHaveValue("");
  await dialog.getByRole("radio", { name: "Protected" }).check();
  await expect(dialog.getByRole("group", { name: "Who may see it while protected" })).toBeVisible();

  // An email without an account is refused at the field as it is added: it never enters the list.
  const nobody = "nobody-here@example.com";
  const newManager = dialog.getByRole("combobox", { name: "New manager" });
  await newManager.fill(nobody);
  await newManager.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(newManager).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText(`No active account uses ${nobody}; ask them to sign up first`)).toBeVisible();
  await expect(dialog.getByRole("list", { name: "Managers" })).toHaveCount(0);
  await expectNoA11yViolations(page, "the shield dialog with a refused email");
  // Ada by her whole email (any case), checked with the server, with her name from her account.
  await newManager.fill(ada.email.toUpperCase());
  await dialog.getByRole("button", { name: "Add manager" }).click();
  await expect(dialog.getByRole("list", { name: "Managers" })).toContainText(`Ada Lovelace${ada.email}`);
  await expect(newManager).not.toHaveAttribute("aria-invalid", "true");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page, "the shield dialog on a phone");
  await page.setViewportSize({ width: 1280, height: 720 });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();

  // Each is told by email, with links to the session and its timetable.
  const sessionUrl = `${server.baseUrl}/events/${event.id}/sessions/${session.id}`;
  const toGrace = await waitForEmail(server.smtp, grace.email, /^You now coordinate the session “Nucleation”$/);
  expect(toGrace.text).toContain("you may see the session, schedule its contributions into its blocks");
  expect(linkIn(toGrace, `/events/${event.id}/sessions/${session.id}`)).toBe(sessionUrl);
  expect(linkIn(toGrace, `/events/${event.id}/sessions/${session.id}/timetable`)).toBe(`${sessionUrl}/timetable`);
  const toAda = await waitForEmail(server.smtp, ada.email, /^You now manage the session “Nucleation”$/);
  expect(toAda.html).toContain(`href="${sessionUrl}/timetable"`);

  // Reopened: kept, with Grace's name from her account.
  await row.getByRole("button", { name: "Protection of Nucleation" }).click();
  await expect(dialog.getByRole("radio", { name: "Protected" })).toBeChecked();
  await expect(dialog.getByRole("list", { name: "Coordinators" })).toContainText("Grace Hopper");
  await expect(dialog.getByRole("list", { name: "Coordinators" })).toContainText(grace.email);
  await expect(dialog.getByRole("list", { name: "Managers" })).toContainText("Ada Lovelace");
  await expect(dialog.getByText("Nobody yet.")).toHaveCount(1); // the access list
  await expectNoA11yViolations(page, "the shield dialog");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();

  // The event's Protection page: Session coordinator rights, both off; Session blocks switched on at once.
  const nav = page.getByRole("navigation", { name: "Event management" });
  await nav.getByRole("link", { name: "Protection" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Protection" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Managers" })).toBeVisible();
  // A manager found by name, added at once and told by email.
  await page.getByRole("combobox", { name: "New manager" }).fill("Katherine");
  await page.getByRole("option", { name: `Katherine Johnson (${katherine.email})` }).click();
  await expect(page.getByText(`Katherine Johnson (${katherine.email}) now manages this event.`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Managers" })).toContainText(`Katherine Johnson (${katherine.email})`);
  const toKatherine = await waitForEmail(
    server.smtp,
    katherine.email,
    /^You now manage the event “Crystal Growth Workshop”$/,
  );
  expect(linkIn(toKatherine, `/events/${event.id}/manage/timetable`)).toBeTruthy();
  const rights = page.getByRole("region", { name: "Session coordinator rights" });
  await expect(rights.getByRole("switch", { name: "Contributions" })).not.toBeChecked();
  await expect(rights.getByRole("switch", { name: "Session blocks" })).not.toBeChecked();
  await rights.getByRole("switch", { name: "Session blocks" }).click();
  await expect(page.getByText("Coordinators may now manage the blocks of their sessions.")).toBeVisible();
  await expect(rights.getByRole("switch", { name: "Session blocks" })).toBeChecked();
  await expectNoA11yViolations(page, "the Protection page");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page, "the Protection page on a phone");
  await page.setViewportSize({ width: 1280, height: 720 });
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

  // Ada manages the session: its shield on My sessions and on the session page.
  const adaContext = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const adaPage = await adaContext.newPage();
    await signIn(adaPage, ada, "Ada Lovelace");
    await adaPage.goto(`/events/${event.id}`);
    const mine = adaPage.getByRole("region", { name: "My sessions" });
    await expect(mine).toContainText("Manager");
    await adaPage.setViewportSize({ width: 390, height: 844 });
    await expectNoA11yViolations(adaPage, "My sessions with the shield, on a phone");
    await adaPage.setViewportSize({ width: 1280, height: 720 });
    await mine.getByRole("button", { name: "Protection of Nucleation" }).click();
    const shield = adaPage.getByRole("dialog", { name: "Protection of “Nucleation”" });
    await expect(shield.getByRole("list", { name: "Coordinators" })).toContainText("Grace Hopper");
    await shield.getByRole("button", { name: "Cancel" }).click();
    await adaPage.goto(`/events/${event.id}/sessions/${session.id}`);
    await adaPage.getByRole("button", { name: "Protection", exact: true }).click();
    await expect(shield.getByRole("radio", { name: "Protected" })).toBeChecked();
    await expectNoA11yViolations(adaPage, "the shield of a session manager");
  } finally {
    await adaContext.close();
  }
});
