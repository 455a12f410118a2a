import fs from "node:fs";
import ICAL from "ical.js";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import { frabXsdErrors, hasFrabXsd } from "../tests/frab-xsd";
import { apiAs } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Issue #14, "Finding events" and "Exports in reach": an anonymous visitor arrives on the home page, finds the event
// under Events and reaches its timetable in two clicks, then takes the schedule away from the UI in every format.

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
  const title = `Harbour Data Days ${Date.now().toString(36)}`;
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title,
    startAt: `${day}T08:00:00Z`,
    endAt: `${day}T18:00:00Z`,
    timeZone: "Atlantic/Reykjavik",
    timetablePublished: true,
  });
  const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, { title: "Tides" });
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

  await listed
    .filter({ hasText: title })
    .getByRole("link", { name: `Timetable of ${title}` })
    .click();
  await expect(v.getByRole("heading", { level: 1, name: `Timetable: ${title}` })).toBeVisible();
  await expect(v.getByText("Reading the harbour gauges").first()).toBeVisible();

  // Every export from the menu, each read back as its consumers would.
  const download = async (item: string | RegExp) => {
    await v.getByRole("button", { name: "Download / Subscribe" }).click();
    const [file] = await Promise.all([v.waitForEvent("download"), v.getByRole("menuitem", { name: item }).click()]);
    return fs.readFileSync((await file.path()) as string, "utf8");
  };
  const ics = ICAL.Component.fromString(await download("Calendar file (.ics)"));
  expect(ics.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("summary"))).toContain("Tides");
  const xml = await download("schedule.xml");
  expect(xml).toContain("<title>Reading the harbour gauges</title>");
  if (hasFrabXsd) expect(frabXsdErrors(xml)).toEqual([]);
  const json = JSON.parse(await download("schedule.json")) as { schedule: { conference: { title: string } } };
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

  // The readable address leads to the event page.
  await v.goto(`/e/${event.slug}`);
  await expect(v.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(v).toHaveURL(new RegExp(`/events/${event.id}$`));
  await visitor.close();
});
