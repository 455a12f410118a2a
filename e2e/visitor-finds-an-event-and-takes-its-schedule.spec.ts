import fs from "node:fs";
import ICAL from "ical.js";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import { dayLabel } from "../src/web/features/conferences/local-time";
import { frabXsdErrors, hasFrabXsd } from "../tests/frab-xsd";
import { apiAs } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Issue #14, "Finding events" and "Exports in reach": an anonymous visitor arrives on the home page, finds the event
// under Events and reaches its timetable in two clicks, reads its session legend, filters it by session and
// prints it, then takes the schedule away from the UI in every format.

const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a visitor finds a public event from the home page, opens its timetable in two clicks and downloads each export", async ({
  browser,
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const day = dayFromNow(40);
  const day2 = dayFromNow(41);
  const title = `Harbour Data Days ${Date.now().toString(36)}`;
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title,
    startAt: `${day}T08:00:00Z`,
    endAt: `${day2}T18:00:00Z`,
    timeZone: "Atlantic/Reykjavik",
    timetablePublished: true,
  });
  const talks = await api.post<{ id: string }>(`/api/v1/events/${event.id}/session-types`, { name: "Talks" });
  const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
    title: "Tides",
    typeId: talks.id,
  });
  // A second session, in parallel on the first day and alone on the second.
  const currents = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, { title: "Currents" });
  const parallel = await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${currents.id}/blocks`, {
    startAt: `${day}T09:00:00Z`,
    durationMinutes: 60,
  });
  await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${currents.id}/blocks`, {
    startAt: `${day2}T10:00:00Z`,
    durationMinutes: 60,
  });
  await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Mapping the currents",
    sessionId: currents.id,
    blockId: parallel.id,
    startAt: `${day}T09:00:00Z`,
    durationMinutes: 20,
  });
  const block = await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
    startAt: `${day}T09:00:00Z`,
    durationMinutes: 60,
  });
  await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Reading the harbour gauges",
    sessionId: session.id,
    blockId: block.id,
    startAt: `${day}T09:00:00Z`,
    durationMinutes: 20,
  });
  await api.post<ConferenceEvent>("/api/v1/events", {
    title: `${title} hidden`,
    startAt: `${day}T08:00:00Z`,
    endAt: `${day}T18:00:00Z`,
    timeZone: "Atlantic/Reykjavik",
  });

  const visitor = await browser.newContext({ acceptDownloads: true });
  const v = await visitor.newPage();
  await v.goto("/");
  // Click 1: Events in the header (the search below is typed, not clicked: other journeys' events share the list).
  await v.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events" }).click();
  await expect(v.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await v.getByRole("searchbox", { name: "Search events" }).fill("Harbour Data");
  const listed = v.getByRole("list", { name: "upcoming events" }).getByRole("listitem");
  await expect(listed.filter({ hasText: title })).toHaveCount(1);
  await expect(listed.filter({ hasText: "hidden" })).toHaveCount(0);
  await expectNoA11yViolations(v, "the Events page");
  await v.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(v, "the Events page at 390 px");
  await v.setViewportSize({ width: 1280, height: 800 });

  // Click 2: the event's own Timetable link.
  await listed
    .filter({ hasText: title })
    .getByRole("link", { name: `Timetable of ${title}` })
    .click();
  await expect(v.getByRole("heading", { level: 1, name: `Timetable: ${title}` })).toBeVisible();
  await expect(v).toHaveURL(new RegExp(`/events/${event.id}/timetable$`));
  await expect(v.getByText("Reading the harbour gauges").first()).toBeVisible();

  // The legend: each session with its colour and, when it has one, its type (the track).
  const legend = v.getByRole("list", { name: "Sessions" });
  await expect(legend.getByRole("listitem")).toHaveText(["Currents", "Tides · Talks"]);

  // Filter by one session: only its entries remain, on every day, and the address keeps the filter.
  const count = v.getByTestId("timetable-count");
  await expect(count).toHaveText("Showing 3 of 3 entries");
  await v.getByRole("combobox", { name: "Sessions" }).click();
  await v.getByRole("option", { name: "Tides" }).click();
  await v.keyboard.press("Escape");
  await expect(count).toHaveText("Showing 1 of 3 entries");
  await expect(v).toHaveURL(new RegExp(`[?&]session=${session.id}`));
  const blocks = v.getByTestId("timetable-block");
  await expect(blocks).toHaveCount(1);
  await expect(blocks).toHaveAttribute("data-session-id", session.id);
  await expect(v.getByText("Mapping the currents")).toHaveCount(0);
  await v.getByRole("tab", { name: dayLabel(day2, { short: true }) }).click();
  await expect(v.getByText("Nothing on this day matches the filters.")).toBeVisible();
  // A shared filtered link opens filtered.
  await v.reload();
  await expect(count).toHaveText("Showing 1 of 3 entries");
  await expectNoA11yViolations(v, "the filtered timetable");
  await v.getByRole("button", { name: "Clear filters" }).click();
  await expect(count).toHaveText("Showing 3 of 3 entries");
  await expect(v).not.toHaveURL(/session=/);
  await v.getByRole("tab", { name: dayLabel(day, { short: true }) }).click();
  await expect(blocks).toHaveCount(2);
  await expect(v.getByText("Mapping the currents")).toBeVisible();

  // Printing: every day, one after another, without the site header, the filters or the buttons.
  await v.emulateMedia({ media: "print" });
  for (const d of [day, day2]) await expect(v.getByRole("heading", { level: 2, name: dayLabel(d) })).toBeVisible();
  await expect(v.locator("header")).toBeHidden();
  await expect(v.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(v.getByRole("combobox", { name: "Sessions" })).toBeHidden();
  await expect(v.getByRole("button", { name: "Download / Subscribe" })).toBeHidden();
  await expect(v.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(v.getByRole("tablist", { name: "Days" })).toHaveCount(0);
  await expect(legend).toBeVisible();
  await expect(blocks).toHaveCount(3);
  await v.emulateMedia({ media: "screen" });
  await expect(v.getByRole("tablist", { name: "Days" })).toBeVisible();
  await expect(v.getByRole("heading", { level: 2, name: dayLabel(day2) })).toHaveCount(0);
  // The Print button shows every day before it opens the browser's print dialog.
  await v.evaluate(() => {
    window.print = () => {
      document.body.dataset.printed = "yes";
    };
  });
  await v.getByRole("button", { name: "Print" }).click();
  await expect(v.locator("body")).toHaveAttribute("data-printed", "yes");
  for (const d of [day, day2]) await expect(v.getByRole("heading", { level: 2, name: dayLabel(d) })).toBeVisible();
  await v.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(v.getByRole("tablist", { name: "Days" })).toBeVisible();

  // Every export from the menu, each read back as its consumers would, and served as what it claims to be.
  const download = async (on: typeof v, item: string | RegExp, type: RegExp) => {
    await on.getByRole("button", { name: "Download / Subscribe" }).click();
    const link = on.getByRole("menuitem", { name: item });
    const href = (await link.getAttribute("href")) as string;
    const [file] = await Promise.all([on.waitForEvent("download"), link.click()]);
    const served = await on.request.get(href);
    expect(served.headers()["content-type"]).toMatch(type);
    return fs.readFileSync((await file.path()) as string);
  };
  const icsText = (await download(v, "Calendar file (.ics)", /^text\/calendar/)).toString("utf8");
  expect(icsText.startsWith("BEGIN:VCALENDAR")).toBe(true);
  const ics = ICAL.Component.fromString(icsText);
  expect(ics.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("summary"))).toContain("Tides");
  const xml = (await download(v, "schedule.xml", /^(application|text)\/xml/)).toString("utf8");
  expect(xml.startsWith("<?xml")).toBe(true);
  expect(xml).toContain("<title>Reading the harbour gauges</title>");
  if (hasFrabXsd) expect(frabXsdErrors(xml)).toEqual([]);
  const jsonText = (await download(v, "schedule.json", /^application\/json/)).toString("utf8");
  expect(jsonText.trimStart().startsWith("{")).toBe(true);
  const json = JSON.parse(jsonText) as { schedule: { conference: { title: string } } };
  expect(json.schedule.conference.title).toBe(title);
  // The sessions list is for managers: a visitor is not offered it.
  await v.getByRole("button", { name: "Download / Subscribe" }).click();
  await expect(v.getByRole("menuitem", { name: "Sessions (CSV)" })).toHaveCount(0);
  await v.getByRole("menuitem", { name: "Subscribe in a calendar app…" }).click();
  await expect(v.getByRole("textbox", { name: "Calendar address" })).toHaveValue(
    new RegExp(`/api/v1/events/${event.id}/calendar\\.ics$`),
  );
  await expectNoA11yViolations(v, "the subscribe dialog");
  await v.keyboard.press("Escape");

  // The sessions list (CSV, Excel) is in the same menu for the event's managers.
  await page.goto(`/events/${event.id}/timetable`);
  const csv = await download(page, "Sessions (CSV)", /^text\/csv/);
  expect(csv.toString("utf8")).toMatch(/^\uFEFFID,Title,/);
  expect(csv.toString("utf8")).toContain("Tides");
  const xlsx = await download(
    page,
    "Sessions (Excel)",
    /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
  );
  expect([...xlsx.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);

  // The readable address leads to the event page.
  await v.goto(`/e/${event.slug}`);
  await expect(v.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(v).toHaveURL(new RegExp(`/events/${event.id}$`));
  await visitor.close();
});
