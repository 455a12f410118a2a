import type { ConferenceEvent, Room } from "../src/shared/schemas/conference-events";
import type { ConferenceSession } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { createMember, expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// The rest of the organiser's pages around the guide: rooms, event settings and managers, blocks with conveners,
// contributions created and scheduled into a block or at top level, breaks, fit to content, the public timetable
// with its zone switch, and deleting a block.

test.use({ timezoneId: "America/New_York" });

/** A day `days` from now, as a datetime-local field holds it. */
function localDay(days: number, time: string): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

test("the organiser sets up rooms, settings, blocks, contributions and breaks through the dialogs", async ({
  page,
  server,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const member = await createMember(server, "Rosalind Franklin");

  // Admin ▸ Rooms: a room of the directory.
  await page.goto("/admin/rooms");
  await expect(page.getByRole("heading", { level: 1, name: "Rooms" })).toBeVisible();
  const addRoom = page.getByRole("form", { name: "Add a room" });
  await addRoom.getByRole("textbox", { name: "Venue" }).fill("Congress Centre");
  await addRoom.getByRole("textbox", { name: "Room" }).fill("Main hall");
  await addRoom.getByRole("textbox", { name: "Capacity" }).fill("300");
  await addRoom.getByRole("button", { name: "Add room" }).click();
  await expect(page.getByRole("row", { name: /Main hall/ })).toContainText("300");
  await expectNoA11yViolations(page, "Admin ▸ Rooms");
  const { rooms } = await api.get<{ rooms: Room[] }>("/api/v1/rooms");
  const hall = rooms.find((r) => r.name === "Main hall") as Room;

  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title: "Crystallography Days",
    startAt: `${localDay(20, "08:00")}:00+01:00`,
    endAt: `${localDay(21, "18:00")}:00+01:00`,
    timeZone: "Europe/Paris",
    roomId: hall.id,
  });
  const plenary = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
    title: "Plenary",
    defaultContributionMinutes: 30,
  });

  // Settings: publish the timetable, add a manager by email.
  await page.goto(`/events/${event.id}/manage`);
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("radio", { name: "A room" })).toBeChecked();
  await page.getByRole("switch", { name: /Timetable published/ }).check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("The event was saved.")).toBeVisible();
  const managers = page.getByRole("region", { name: "Managers" });
  await managers.getByRole("textbox", { name: "Email" }).fill(member.email);
  await managers.getByRole("button", { name: "Add manager" }).click();
  await expect(managers.getByText(`Rosalind Franklin (${member.email})`)).toBeVisible();
  await expectNoA11yViolations(page, "the event's Settings");

  // Organisation ▸ Timetable: Add block, with a convener.
  await page
    .getByRole("navigation", { name: "Event management" })
    .getByRole("link", { name: "Timetable", exact: true })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Timetable" })).toBeVisible();
  // Its dialogs work in either view; here the Programme view shows the block as everyone will read it.
  await expect(page.getByRole("radio", { name: "Editor" })).toBeChecked();
  await page.getByText("Programme", { exact: true }).click();
  await page.getByRole("button", { name: "Add block" }).click();
  const blockDialog = page.getByRole("dialog", { name: "Add block" });
  await blockDialog.getByRole("combobox", { name: "Session" }).click();
  await page.getByRole("option", { name: "Plenary" }).click();
  await blockDialog.getByRole("textbox", { name: "Start" }).fill("09:00");
  const duration = blockDialog.getByRole("textbox", { name: "Duration" });
  await expect(duration).toHaveValue("60");
  // A duration that breaks the rule stays as typed and is refused at the field with the rule (issue 13).
  for (const [typed, rule] of [
    ["0", "Duration must be between 1 and 1440"],
    ["-30", "Duration must be between 1 and 1440"],
    ["12.5", "Duration must be a whole number"],
    ["", "Duration is required"],
  ] as const) {
    await duration.fill(typed);
    await blockDialog.getByRole("button", { name: "Save" }).click();
    await expect(blockDialog.getByText(rule)).toBeVisible();
    await expect(duration).toHaveValue(typed);
    await expect(duration).toHaveAttribute("aria-invalid", "true");
  }
  await expect(blockDialog.getByText("Whole minutes, 1 to 1440")).toBeVisible();
  await duration.fill("60");
  await blockDialog.getByRole("button", { name: "Add convener" }).click();
  await blockDialog.getByRole("textbox", { name: "Name of convener 1" }).fill("Dorothy Hodgkin");
  await blockDialog.getByRole("textbox", { name: "Affiliation of convener 1" }).fill("Oxford");
  await expectNoA11yViolations(page, "the Add block dialog");
  await blockDialog.getByRole("button", { name: "Save" }).click();
  await expect(blockDialog).toBeHidden();
  const block = page.getByTestId("timetable-block");
  await expect(block).toHaveCount(1);
  await expect(block).toContainText("Session: Plenary · block 1 of 1");
  await expect(block.getByTestId("block-conveners")).toContainText("Dorothy Hodgkin (Oxford)");
  await expect(block).toContainText("09:00–10:00 CET (Europe/Paris)");
  await expect(block).toContainText("Main hall (Congress Centre)");

  // Organisation ▸ Contributions: New contribution (the session's 30 minutes), then Schedule into the block.
  await page.getByRole("navigation", { name: "Event management" }).getByRole("link", { name: "Contributions" }).click();
  await page.getByRole("button", { name: "New contribution" }).click();
  const newContribution = page.getByRole("dialog", { name: "New contribution" });
  await newContribution.getByRole("textbox", { name: "Title" }).fill("Keynote: X-ray diffraction");
  await expect(newContribution.getByRole("textbox", { name: "Duration" })).toHaveValue("20");
  await newContribution.getByRole("combobox", { name: "Session" }).click();
  await page.getByRole("option", { name: "Plenary" }).click();
  await expect(newContribution.getByRole("textbox", { name: "Duration" })).toHaveValue("30");
  await newContribution.getByRole("button", { name: "Add speaker" }).click();
  await newContribution.getByRole("textbox", { name: "Name of speaker 1" }).fill("Kathleen Lonsdale");
  await expectNoA11yViolations(page, "the New contribution dialog");
  await newContribution.getByRole("button", { name: "Create contribution" }).click();
  await expect(newContribution).toBeHidden();
  const keynote = page.getByRole("row", { name: /Keynote: X-ray diffraction/ });
  await expect(keynote).toContainText("Unscheduled");
  await keynote.getByRole("button", { name: "Schedule Keynote: X-ray diffraction" }).click();
  const schedule = page.getByRole("dialog", { name: "Schedule “Keynote: X-ray diffraction”" });
  await schedule.getByRole("radio", { name: /Block 1 of 1/ }).check();
  await schedule.getByRole("textbox", { name: "Start" }).fill("09:15");
  await expectNoA11yViolations(page, "the Schedule dialog");
  await schedule.getByRole("button", { name: "Schedule" }).click();
  await expect(schedule).toBeHidden();
  await expect(keynote).toContainText("09:15 CET (Europe/Paris)");
  await expect(keynote.getByRole("button", { name: "Unschedule Keynote: X-ray diffraction" })).toBeVisible();

  // A contribution without a session goes to the top level.
  await api.post(`/api/v1/events/${event.id}/contributions`, { title: "Welcome address" });
  await page.reload();
  await page
    .getByRole("row", { name: /Welcome address/ })
    .getByRole("button", { name: "Schedule Welcome address" })
    .click();
  const topLevel = page.getByRole("dialog", { name: "Schedule “Welcome address”" });
  await topLevel.getByRole("textbox", { name: "Start" }).fill("08:30");
  await topLevel.getByRole("button", { name: "Schedule" }).click();
  await expect(topLevel).toBeHidden();

  // Back on the timetable: a break in the block, fit to content, rename the block.
  await page
    .getByRole("navigation", { name: "Event management" })
    .getByRole("link", { name: "Timetable", exact: true })
    .click();
  await page.getByText("Programme", { exact: true }).click();
  await expect(page.getByTestId("timetable-contribution").filter({ hasText: "Welcome address" })).toBeVisible();
  await expect(block.getByText("Keynote: X-ray diffraction")).toBeVisible();
  await block.getByRole("button", { name: "Actions for block Plenary" }).click();
  await page.getByRole("menuitem", { name: "Add break here" }).click();
  const breakDialog = page.getByRole("dialog", { name: "Add break in “Plenary”" });
  await breakDialog.getByRole("textbox", { name: "Title" }).fill("Coffee");
  await breakDialog.getByRole("textbox", { name: "Duration" }).fill("-20");
  await breakDialog.getByRole("button", { name: "Add break" }).click();
  await expect(breakDialog.getByText("Duration must be between 1 and 1440")).toBeVisible();
  await breakDialog.getByRole("textbox", { name: "Duration" }).fill("20");
  await breakDialog.getByRole("button", { name: "Add break" }).click();
  await expect(block.getByText("Break: Coffee")).toBeVisible();
  // The block grew to hold the 20-minute coffee after the keynote (09:15–09:45), and now shrinks to its content.
  await expect(block).toContainText("09:00–10:05 CET (Europe/Paris)");
  await block.getByRole("button", { name: "Actions for block Plenary" }).click();
  await page.getByRole("menuitem", { name: "Fit to content" }).click();
  await expect(block).toContainText("09:15–10:05 CET (Europe/Paris)");
  await block.getByRole("button", { name: "Actions for block Plenary" }).click();
  await page.getByRole("menuitem", { name: "Edit block" }).click();
  const editBlock = page.getByRole("dialog", { name: /Edit block/ });
  await expect(editBlock.getByRole("textbox", { name: "Name of convener 1" })).toHaveValue("Dorothy Hodgkin");
  await editBlock.getByRole("textbox", { name: "Block title" }).fill("Opening");
  await editBlock.getByRole("button", { name: "Save" }).click();
  await expect(block.getByRole("heading", { name: "Plenary: Opening" })).toBeVisible();
  await expectNoA11yViolations(page, "the managed timetable");

  // The public timetable, for anyone now that it is published: the event's zone, or the visitor's.
  const visitor = await browser.newContext({ baseURL: server.baseUrl, timezoneId: "America/New_York" });
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/events/${event.id}`);
  await expect(anonymous.getByRole("heading", { level: 1, name: "Crystallography Days" })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: "Manage" })).toHaveCount(0);
  await expect(
    anonymous.getByRole("region", { name: "Sessions" }).getByRole("link", { name: "Plenary" }),
  ).toBeVisible();
  await expectNoA11yViolations(anonymous, "the public event page");
  await anonymous.getByRole("link", { name: "Timetable" }).click();
  const publicBlock = anonymous.getByTestId("timetable-block");
  await expect(publicBlock).toContainText("09:15–10:05 CET (Europe/Paris)");
  await expect(anonymous.getByRole("button", { name: /Actions for/ })).toHaveCount(0);
  await anonymous.getByRole("radio", { name: "Your zone (America/New_York)" }).check();
  await expect(publicBlock).toContainText("03:15–04:05 EST (America/New_York)");
  await expectNoA11yViolations(anonymous, "the public timetable");
  await anonymous.getByRole("link", { name: "Keynote: X-ray diffraction" }).click();
  await expect(anonymous.getByRole("heading", { level: 1, name: "Keynote: X-ray diffraction" })).toBeVisible();
  await expect(anonymous.getByText("Kathleen Lonsdale")).toBeVisible();
  await expectNoA11yViolations(anonymous, "a contribution's page");
  await visitor.close();

  // Delete the block: its contribution is unscheduled and keeps its session.
  await block.getByRole("button", { name: "Actions for block Plenary: Opening" }).click();
  await page.getByRole("menuitem", { name: "Delete block" }).click();
  const confirm = page.getByRole("dialog", { name: "Delete block “Plenary: Opening”?" });
  await confirm.getByRole("button", { name: "Delete block" }).click();
  await expect(page.getByTestId("timetable-block")).toHaveCount(0);
  const session = await api.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${plenary.id}`);
  expect(session.blocks).toHaveLength(0);
  expect(session.contributions.map((c) => [c.title, c.isScheduled])).toEqual([["Keynote: X-ray diffraction", false]]);

  // Long strings (issue 13): a 50-character code and a 200-character file name neither push the Sessions list's
  // icons nor the Material dialog's actions out of view, nor spill out of a block; the whole text is the tooltip.
  const code = "NUCLEATIONANDGROWTHOFCRYSTALSFROMSOLUTIONANDMELT50";
  const fileName = `${"Proceedings_of_the_symposium_on_crystal_growth_".repeat(7).slice(0, 296)}.pdf`;
  await api.patch(`/api/v1/events/${event.id}/sessions/${plenary.id}`, { code });
  await api.post(`/api/v1/events/${event.id}/sessions/${plenary.id}/blocks`, {
    startAt: `${localDay(21, "09:00")}:00+01:00`,
  });
  await page.goto(`/events/${event.id}/manage/sessions`);
  const row = page.getByTestId("session-row").filter({ hasText: "Plenary" });
  await expect(row.getByText(`Code ${code}`)).toHaveAttribute("title", code);
  const main = await page.getByRole("main").boundingBox();
  const bin = await row.getByRole("button", { name: "Delete session Plenary" }).boundingBox();
  expect(bin && main && bin.x + bin.width <= main.x + main.width).toBe(true);
  await row.getByRole("button", { name: "Add material to Plenary" }).click();
  const material = page.getByRole("dialog", { name: "Material of “Plenary”" });
  await material.locator('input[type="file"]').setInputFiles({
    name: fileName,
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n"),
  });
  const upload = await material.getByRole("button", { name: "Upload" }).boundingBox();
  const box = await material.boundingBox();
  expect(upload && box && upload.x + upload.width <= box.x + box.width).toBe(true);
  await material.getByRole("button", { name: "Upload" }).click();
  const stored = `${fileName.slice(0, 196)}.pdf`;
  const named = material.getByRole("link", { name: stored });
  await expect(named).toHaveAttribute("title", stored);
  const remove = await material.getByRole("button", { name: `Delete ${stored}` }).boundingBox();
  expect(remove && box && remove.x + remove.width <= box.x + box.width).toBe(true);
  await expectNoA11yViolations(page, "the Material dialog with a long file name");
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoA11yViolations(page, "the Material dialog with a long file name on a phone");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.keyboard.press("Escape");
  await expect(material).toBeHidden();
  // Another session with the same code: the form warns before saving (the API allows it).
  await page.getByRole("button", { name: "Add new session" }).click();
  const newSession = page.getByRole("dialog", { name: "Add new session" });
  await newSession.getByRole("textbox", { name: "Title" }).fill("Poster walk");
  await newSession.getByRole("textbox", { name: "Code" }).fill(code.toLowerCase());
  await expect(newSession.getByText("“Plenary” has this code too")).toBeVisible();
  await expect(newSession.getByRole("textbox", { name: "Code" })).not.toHaveAttribute("aria-invalid", "true");
  await newSession.getByRole("button", { name: "Cancel" }).click();
  await page.setViewportSize({ width: 390, height: 844 });
  const phoneBin = await page.getByRole("button", { name: "Delete session Plenary" }).boundingBox();
  expect(phoneBin && phoneBin.x + phoneBin.width <= 390).toBe(true);
  await expectNoA11yViolations(page, "the Sessions list with a long code on a phone");
  await page.setViewportSize({ width: 1280, height: 720 });
  // In the timetable, the material's name stays inside the block, cut to two lines.
  await page.goto(`/events/${event.id}/sessions/${plenary.id}/timetable`);
  const withMaterial = page.getByTestId("timetable-block").first();
  const link = withMaterial.getByRole("link", { name: stored });
  await expect(link).toHaveAttribute("title", stored);
  const [inner, outer] = [await link.boundingBox(), await withMaterial.boundingBox()];
  expect(inner && outer && inner.x + inner.width <= outer.x + outer.width && inner.height < 60).toBe(true);
  await expectNoA11yViolations(page, "a session timetable with a long file name");
});
