import type { Page } from "@playwright/test";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { ConferenceSession } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// The seed (Indico's "Sessions" page), step by step: creating a session type with Poster, creating a session of
// that type, uploading material from the Material column and seeing it under Presentation materials and in every
// block of the session in the timetable, the session timetable (clock icon), and deleting a session (bin icon).

const MINUTE = 60_000;
const at = (base: string, minutes: number) => new Date(Date.parse(base) + minutes * MINUTE).toISOString();

/** A day `days` from now, as a datetime-local field holds it. */
function localDay(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

async function pickOption(page: Page, field: string, option: string | RegExp) {
  await page
    .getByRole("textbox", { name: field })
    .or(page.getByRole("combobox", { name: field }))
    .first()
    .click();
  await page.getByRole("option", { name: option }).click();
}

test("the organiser creates a poster session type and a session of it, adds material seen in every block, opens the session timetable, and deletes the session", async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);

  // An event to organise, from Admin ▸ Events.
  await page.getByRole("banner").getByRole("button", { name: "Admin" }).click();
  await page.getByRole("menuitem", { name: "Events" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expectNoA11yViolations(page, "Admin ▸ Events");
  await page.getByRole("button", { name: "New event" }).click();
  const newEvent = page.getByRole("dialog", { name: "New event" });
  await newEvent.getByRole("textbox", { name: "Title" }).fill("Detector Physics Week");
  await newEvent.getByRole("textbox", { name: "Start" }).fill(localDay(30, "08:00"));
  await newEvent.getByRole("textbox", { name: "End" }).fill(localDay(31, "18:00"));
  await newEvent.getByRole("combobox", { name: "Time zone" }).fill("Europe/Berl");
  await page.getByRole("option", { name: "Europe/Berlin" }).click();
  await expect(newEvent.getByRole("textbox", { name: "Default contribution duration" })).toHaveValue("20");
  await expectNoA11yViolations(page, "New event dialog");
  await newEvent.getByRole("button", { name: "Create event" }).click();
  await expect(page).toHaveURL(/\/events\/[0-9a-f-]{36}\/manage$/);
  const eventId = /\/events\/([0-9a-f-]{36})\//.exec(page.url())?.[1] as string;
  const event = await api.get<ConferenceEvent>(`/api/v1/events/${eventId}`);
  expect(event.timeZone).toBe("Europe/Berlin");
  expect(event.days).toHaveLength(2);

  // "Navigate to the management area of an event and select Sessions under Organisation."
  const nav = page.getByRole("navigation", { name: "Event management" });
  await expect(nav.getByRole("list", { name: "Organisation" })).toBeVisible();
  await nav.getByRole("list", { name: "Organisation" }).getByRole("link", { name: "Sessions" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sessions" })).toBeVisible();
  await expectNoA11yViolations(page, "Organisation ▸ Sessions");

  // "At the top, click on Settings and select Session types from the dropdown."
  await page.getByRole("button", { name: "Settings" }).click();
  await page.getByRole("menuitem", { name: "Session types" }).click();
  const typesDialog = page.getByRole("dialog", { name: "Session types" });
  await expect(typesDialog).toBeVisible();
  // "In the new dialogue, click on New session type and select a name." Toggle Poster.
  await typesDialog.getByRole("button", { name: "New session type" }).click();
  await typesDialog.getByRole("textbox", { name: "Name" }).fill("Poster session");
  await typesDialog.getByRole("switch", { name: "Poster" }).check();
  await expectNoA11yViolations(page, "Session types dialog, new type");
  await typesDialog.getByRole("button", { name: "Save" }).click();
  const typeRow = typesDialog.getByRole("row", { name: /Poster session/ });
  await expect(typeRow).toContainText("Poster");
  // The same name again, in other capitals: refused, with the server's message at the field.
  await typesDialog.getByRole("button", { name: "New session type" }).click();
  await typesDialog.getByRole("textbox", { name: "Name" }).fill("POSTER SESSION");
  await typesDialog.getByRole("button", { name: "Save" }).click();
  await expect(
    typesDialog.getByText("Name is already used by another session type of this event (names ignore case)"),
  ).toBeVisible();
  await expect(typesDialog.getByRole("textbox", { name: "Name" })).toHaveAttribute("aria-invalid", "true");
  await typesDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(typesDialog.getByRole("row", { name: /Poster session/ })).toHaveCount(1);
  await typesDialog.getByRole("button", { name: "Close" }).click();
  await expect(typesDialog).toBeHidden();

  // "Click on Add new session in the top menu", fill in the title, pick the Type, and Save.
  await page.getByRole("button", { name: "Add new session" }).click();
  const sessionDialog = page.getByRole("dialog", { name: "Add new session" });
  await sessionDialog.getByRole("textbox", { name: "Title" }).fill("Detector posters");
  await pickOption(page, "Type", "Poster session (poster)");
  // "The Default contribution duration field controls the default duration of contributions": the event's 20.
  await expect(sessionDialog.getByRole("textbox", { name: "Default contribution duration" })).toHaveValue("20");
  await sessionDialog.getByRole("radio", { name: "Navy" }).check();
  await expectNoA11yViolations(page, "Add new session dialog");
  await sessionDialog.getByRole("button", { name: "Save" }).click();
  await expect(sessionDialog).toBeHidden();
  const row = page.getByRole("row", { name: /Detector posters/ });
  await expect(row.getByRole("combobox", { name: "Type of Detector posters" })).toHaveValue("Poster session (poster)");
  await expect(row.getByRole("cell").nth(1)).toHaveText("0"); // Blocks

  // "From the list, you can quickly change the session type. To remove a session type completely, simply click
  // on the type again, which will unselect it."
  const quickType = row.getByRole("combobox", { name: "Type of Detector posters" });
  await quickType.click();
  await page.getByRole("option", { name: "Poster session (poster)" }).click();
  await expect(quickType).toHaveValue("");
  await expect(quickType).toHaveAttribute("placeholder", "No type");
  const typeOf = async () =>
    (
      await api.get<{ sessions: { title: string; type: unknown }[] }>(`/api/v1/events/${eventId}/sessions`)
    ).sessions.find((s) => s.title === "Detector posters")?.type;
  expect(await typeOf()).toBeNull();
  await quickType.click();
  await page.getByRole("option", { name: "Poster session (poster)" }).click();
  await expect(quickType).toHaveValue("Poster session (poster)");
  expect(await typeOf()).toMatchObject({ name: "Poster session", isPoster: true });

  const sessions = await api.get<{ sessions: { id: string; title: string; isPoster: boolean }[] }>(
    `/api/v1/events/${eventId}/sessions`,
  );
  const posters = sessions.sessions.find((s) => s.title === "Detector posters") as { id: string; isPoster: boolean };
  expect(posters.isPoster).toBe(true);

  // Two blocks of the session (one each day) with conveners and posters, and another session with a block.
  const day1 = at(event.startAt, 60); // 09:00 in Berlin
  const day2 = at(event.startAt, 24 * 60 + 120); // 10:00 the next day
  const block1 = await api.post<{ id: string }>(`/api/v1/events/${eventId}/sessions/${posters.id}/blocks`, {
    title: "Morning posters",
    startAt: day1,
    durationMinutes: 90,
    conveners: [{ name: "Marie Curie", affiliation: "Sorbonne" }],
  });
  await api.post(`/api/v1/events/${eventId}/sessions/${posters.id}/blocks`, {
    startAt: day2,
    conveners: [{ name: "Lise Meitner", affiliation: "KWI" }],
  });
  const posterA = await api.post<Contribution>(`/api/v1/events/${eventId}/contributions`, {
    title: "Silicon trackers",
    sessionId: posters.id,
    blockId: block1.id,
    boardNumber: "A1",
    speakers: [{ name: "Ada Hopper", affiliation: "CERN" }],
  });
  await api.post<Contribution>(`/api/v1/events/${eventId}/contributions`, {
    title: "Calorimeter timing",
    sessionId: posters.id,
    blockId: block1.id,
    boardNumber: "A2",
  });
  expect(posterA.startAt).toBe(new Date(day1).toISOString());
  const talks = await api.post<ConferenceSession>(`/api/v1/events/${eventId}/sessions`, { title: "Plenary talks" });
  await api.post(`/api/v1/events/${eventId}/sessions/${talks.id}/blocks`, { startAt: at(event.startAt, 240) });
  await page.reload();
  await expect(row.getByRole("cell").nth(1)).toHaveText("2");

  // "To upload material to the session, click on the link in the column named Material."
  await row.getByRole("button", { name: "Add material to Detector posters" }).click();
  const material = page.getByRole("dialog", { name: "Material of “Detector posters”" });
  await expect(material.getByText("No material yet.")).toBeVisible();
  await material.locator('input[type="file"]').setInputFiles({
    name: "poster-guidelines.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
  });
  await material.getByRole("button", { name: "Upload" }).click();
  const uploaded = material.getByRole("row", { name: /poster-guidelines\.pdf/ });
  await expect(uploaded).toContainText("PDF");
  await expect(uploaded).toContainText("Administrator");
  // A type the server refuses: its own 415 message, shown at the file field.
  await material.locator('input[type="file"]').setInputFiles({
    name: "setup.exe",
    mimeType: "application/x-msdownload",
    buffer: Buffer.from("MZ not really a program"),
  });
  await material.getByRole("button", { name: "Upload" }).click();
  await expect(material.getByText(/cannot be uploaded as material/)).toBeVisible();
  await material.getByRole("textbox", { name: "Address" }).fill("https://example.org/poster-template");
  await material.getByRole("textbox", { name: "Name" }).fill("Poster template");
  await material.getByRole("button", { name: "Add link" }).click();
  await expect(material.getByRole("row", { name: /Poster template/ })).toContainText("Link");
  await expectNoA11yViolations(page, "Material dialog");
  await material.getByRole("button", { name: "Close" }).click();
  await expect(row.getByRole("button", { name: "2 items of material for Detector posters" })).toBeVisible();

  // "The files are also available in the session details under Presentation materials."
  await row.getByRole("link", { name: "Detector posters", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Detector posters" })).toBeVisible();
  const presentation = page.getByRole("region", { name: "Presentation materials" });
  await expect(presentation.getByRole("link", { name: "poster-guidelines.pdf" })).toBeVisible();
  await expect(presentation.getByRole("link", { name: "Poster template" })).toBeVisible();
  const blocksSection = page.getByRole("region", { name: "Blocks" });
  await expect(blocksSection).toContainText("Block 1 of 2");
  await expect(blocksSection).toContainText("Marie Curie");
  await expectNoA11yViolations(page, "the session page");

  // "The uploaded files will be visible in the event timetable in every session block belonging to that session."
  await page.goto(`/events/${eventId}/timetable`);
  await expect(page.getByRole("heading", { level: 1, name: "Timetable: Detector Physics Week" })).toBeVisible();
  const tabs = page.getByRole("tab");
  await expect(tabs).toHaveCount(2);
  let seen = 0;
  for (const [i, label] of (await tabs.allTextContents()).entries()) {
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute("aria-selected", "true");
    const blocks = page.locator(`[data-testid="timetable-block"][data-session-id="${posters.id}"]`);
    for (const block of await blocks.all()) {
      await expect(block.getByRole("link", { name: "poster-guidelines.pdf" })).toBeVisible();
      await expect(block.getByRole("link", { name: "Poster template" })).toBeVisible();
      await expect(block).toContainText("Session: Detector posters");
      seen += 1;
    }
    if (i === 0) {
      const first = blocks.first();
      await expect(first).toContainText("block 1 of 2");
      await expect(first.getByTestId("block-conveners")).toContainText("Marie Curie (Sorbonne)");
      await expect(first.getByTestId("timetable-poster")).toHaveCount(2);
      await expect(first.getByTestId("timetable-poster").first()).toContainText("Board A1");
      await expectNoA11yViolations(page, `the timetable, ${label}`);
    }
  }
  expect(seen).toBe(2);

  // "To view the timetable for a specific session, click on the clock icon on the right."
  await page.goto(`/events/${eventId}/manage/sessions`);
  await page
    .getByRole("row", { name: /Detector posters/ })
    .getByRole("link", { name: "Session timetable of Detector posters" })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Session timetable: Detector posters" })).toBeVisible();
  await expect(page.getByTestId("timetable-block")).toHaveCount(2);
  for (const block of await page.getByTestId("timetable-block").all()) {
    await expect(block).toHaveAttribute("data-session-id", posters.id);
    await expect(block.getByRole("link", { name: "poster-guidelines.pdf" })).toBeVisible();
  }
  await expect(page.getByText("Plenary talks")).toHaveCount(0);
  await expectNoA11yViolations(page, "the session timetable");

  // "To delete a session, click on the bin icon": its blocks go, its contributions are unscheduled.
  await page.goto(`/events/${eventId}/manage/sessions`);
  await page
    .getByRole("row", { name: /Detector posters/ })
    .getByRole("button", { name: "Delete session Detector posters" })
    .click();
  const confirm = page.getByRole("dialog", { name: "Delete session “Detector posters”?" });
  await expect(confirm).toContainText("Its 2 blocks will be deleted from the timetable.");
  await expect(confirm).toContainText("Its 2 contributions will be unscheduled. They are kept, without a session");
  await expectNoA11yViolations(page, "the delete confirmation");
  await confirm.getByRole("button", { name: "Delete session" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("row", { name: /Detector posters/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Plenary talks/ })).toBeVisible();

  await page.goto(`/events/${eventId}/timetable`);
  await expect(page.getByRole("tab")).toHaveCount(2);
  for (const i of [0, 1]) {
    await page.getByRole("tab").nth(i).click();
    await expect(page.locator(`[data-session-id="${posters.id}"]`)).toHaveCount(0);
  }
  await page.getByRole("tab").first().click();
  await expect(page.locator(`[data-testid="timetable-block"][data-session-id="${talks.id}"]`)).toHaveCount(1);

  await page.goto(`/events/${eventId}/manage/contributions`);
  await expect(page.getByRole("heading", { level: 1, name: "Contributions" })).toBeVisible();
  await page
    .locator("label")
    .filter({ hasText: /^Unscheduled$/ })
    .click();
  await expect(page.getByRole("radio", { name: "Unscheduled" })).toBeChecked();
  for (const title of ["Silicon trackers", "Calorimeter timing"]) {
    const contribution = page.getByRole("row", { name: new RegExp(title) });
    await expect(contribution).toContainText("No session");
    await expect(contribution).toContainText("Unscheduled");
    await expect(contribution.getByRole("button", { name: `Schedule ${title}` })).toBeVisible();
  }
  await expectNoA11yViolations(page, "the Contributions page");
});
