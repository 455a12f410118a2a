import type { Locator, Page } from "@playwright/test";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// The timetable editor (conferences.md, "Timetable editor"): the organiser drags a block onto another day's tab
// and back by keyboard, lengthens a contribution by its lower edge and by keyboard, reloads to see it kept, sees a
// refused change with the server's reason, and undoes the last change. Reykjavik keeps UTC all year, so the
// times read the same whatever the date of the run.

const ZONE = "Atlantic/Reykjavik";
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Drags from the middle of `from` by (dx, dy) pixels, or onto `to`, in small steps as a hand would. */
async function drag(page: Page, from: Locator, to: { dx: number; dy: number } | Locator) {
  await from.scrollIntoViewIfNeeded();
  const box = await from.boundingBox();
  if (!box) throw new Error("nothing to drag");
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 12);
  let tx: number;
  let ty: number;
  if ("dx" in to) {
    tx = x + to.dx;
    ty = y + to.dy;
  } else {
    const target = await to.boundingBox();
    if (!target) throw new Error("nowhere to drop");
    tx = target.x + target.width / 2;
    ty = target.y + target.height / 2;
  }
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (tx - x) / 4, y + (ty - y) / 4, { steps: 4 });
  await page.mouse.move(tx, ty, { steps: 8 });
  await page.mouse.up();
}

test("the organiser drags a block to another day and back by keyboard, resizes a contribution by mouse and keyboard, and sees a refusal's reason", async ({
  page,
  server,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const [day1, day2] = [dayFromNow(20), dayFromNow(21)];
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title: "Detector Physics Week",
    startAt: `${day1}T08:00:00Z`,
    endAt: `${day2}T18:00:00Z`,
    timeZone: ZONE,
  });
  const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
    title: "Trackers",
    code: "TRK",
  });
  const block = await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
    startAt: `${day1}T09:00:00Z`,
    durationMinutes: 90,
  });
  for (const [title, minute] of [
    ["Silicon strips", "00"],
    ["Pixel detectors", "20"],
  ] as const) {
    await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
      title,
      sessionId: session.id,
      durationMinutes: 20,
      blockId: block.id,
      startAt: `${day1}T09:${minute}:00Z`,
    });
  }

  await page.goto(`/events/${event.id}/manage/timetable`);
  await expect(page.getByRole("heading", { level: 1, name: "Timetable" })).toBeVisible();
  const blockBox = page.getByRole("article", { name: "Block Trackers" });
  await expect(blockBox).toBeVisible();
  await expect(blockBox.getByRole("button", { name: /^Move or resize block “Trackers”, 09:00–10:30/ })).toBeVisible();
  await expectNoA11yViolations(page, "the timetable editor");
  const tabs = page.getByRole("tablist", { name: "Days" });
  const secondTab = tabs.getByRole("tab").nth(1);

  // By mouse: the block dragged onto the second day's tab goes there at the same time, with its contributions.
  await drag(page, blockBox.getByText("Trackers", { exact: true }), secondTab);
  // The editor follows the block to its new day.
  await expect(page.getByRole("status")).toContainText("Moved “Trackers” to");
  await expect(secondTab).toHaveAttribute("aria-selected", "true");
  await expect(blockBox.getByRole("button", { name: /^Move or resize block “Trackers”, 09:00–10:30/ })).toBeVisible();
  await expect(blockBox.getByRole("article", { name: "Contribution Silicon strips" })).toBeVisible();
  let blocks = (await api.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`)).blocks;
  expect(blocks.map((b) => b.startAt)).toEqual([`${day2}T09:00:00.000Z`]);

  // By keyboard: from the block's handle, ← takes it to the previous day, Enter saves.
  const blockHandle = blockBox.getByRole("button", { name: /^Move or resize block “Trackers”/ });
  await blockHandle.focus();
  await page.keyboard.press("ArrowLeft");
  await expect(blockBox.getByTestId("draft-times")).toHaveText(/09:00–10:30/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Moved “Trackers” to");
  // Back on the first day, with the keyboard focus on the block's handle again.
  await expect(tabs.getByRole("tab").first()).toHaveAttribute("aria-selected", "true");
  await expect(blockHandle).toBeFocused();

  // By mouse: the lower edge of "Silicon strips" dragged down 20 px (2 px a minute) makes it 10 minutes longer.
  const strips = blockBox.getByRole("article", { name: "Contribution Silicon strips" });
  await drag(page, strips.getByTestId("resize-edge"), { dx: 0, dy: 20 });
  await expect(strips.getByRole("button", { name: /“Silicon strips”, 09:00–09:30/ })).toBeVisible();

  // By keyboard: Shift+↓ twice lengthens "Pixel detectors" by 10 minutes, ↓ moves it 5 minutes later.
  const pixels = blockBox.getByRole("article", { name: "Contribution Pixel detectors" });
  await pixels.getByRole("button", { name: /^Move or resize contribution “Pixel detectors”/ }).focus();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("ArrowDown");
  await expect(pixels.getByTestId("draft-times")).toHaveText("09:25–09:55");
  await page.keyboard.press("Enter");
  await expect(pixels.getByRole("button", { name: /“Pixel detectors”, 09:25–09:55/ })).toBeVisible();

  // A reload shows both changes, from the server.
  await page.reload();
  await expect(strips.getByRole("button", { name: /“Silicon strips”, 09:00–09:30/ })).toBeVisible();
  await expect(pixels.getByRole("button", { name: /“Pixel detectors”, 09:25–09:55/ })).toBeVisible();
  blocks = (await api.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`)).blocks;
  expect(blocks[0]?.children.map((c) => [c.title, c.startAt, c.endAt])).toEqual([
    ["Silicon strips", `${day1}T09:00:00.000Z`, `${day1}T09:30:00.000Z`],
    ["Pixel detectors", `${day1}T09:25:00.000Z`, `${day1}T09:55:00.000Z`],
  ]);

  await blockBox.scrollIntoViewIfNeeded();
  // Refused: "Silicon strips" cannot start before its block; the server's reason is shown, nothing moves.
  await strips.getByRole("button", { name: /^Move or resize contribution “Silicon strips”/ }).focus();
  await page.keyboard.press("ArrowUp");
  // The editor says so before sending; the server decides.
  await expect(strips.getByTestId("draft-times")).toHaveText("08:55–09:25 · before its block starts (09:00)");
  await page.keyboard.press("Enter");
  const refusal = page.getByRole("alert").filter({ hasText: "Not changed" });
  await expect(refusal).toContainText("before its session block starts at");
  await expect(strips.getByRole("button", { name: /“Silicon strips”, 09:00–09:30/ })).toBeVisible();
  await expectNoA11yViolations(page, "the editor showing a refusal");

  // By mouse, the block moved 30 minutes later carries its contributions; Undo puts it back.
  await drag(page, blockBox.getByText("Trackers", { exact: true }), { dx: 0, dy: 60 });
  await expect(blockHandle).toHaveAccessibleName(/09:30–11:00/);
  await expect(strips.getByRole("button", { name: /“Silicon strips”, 09:30–10:00/ })).toBeVisible();
  await page.getByRole("button", { name: /^Undo: Moved “Trackers”/ }).click();
  await expect(blockHandle).toHaveAccessibleName(/09:00–10:30/);
  await expect(strips.getByRole("button", { name: /“Silicon strips”, 09:00–09:30/ })).toBeVisible();

  // Parallel blocks stand side by side in an order the organiser chooses: "Calorimeters" (code CAL) starts left
  // of "Trackers" (TRK); Move left puts Trackers first, and it stays so after a reload.
  const calorimeters = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
    title: "Calorimeters",
    code: "CAL",
  });
  await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${calorimeters.id}/blocks`, {
    startAt: `${day1}T09:00:00Z`,
    durationMinutes: 60,
  });
  await page.reload();
  const calBox = page.getByRole("article", { name: "Block Calorimeters" });
  const leftOf = async (a: Locator, b: Locator) =>
    ((await a.boundingBox())?.x ?? 0) < ((await b.boundingBox())?.x ?? 0);
  await expect(calBox).toBeVisible();
  expect(await leftOf(calBox, blockBox)).toBe(true);
  await blockBox.getByRole("button", { name: "Actions for block Trackers" }).click();
  await page.getByRole("menuitem", { name: "Move left" }).click();
  await expect(page.getByRole("status")).toContainText("Moved “Trackers” left: saved.");
  await expect.poll(() => leftOf(blockBox, calBox)).toBe(true);
  await page.reload();
  await expect(calBox).toBeVisible();
  expect(await leftOf(blockBox, calBox)).toBe(true);
  // Undo puts the order back.
  await blockBox.getByRole("button", { name: "Actions for block Trackers" }).click();
  await page.getByRole("menuitem", { name: "Move right" }).click();
  await expect.poll(() => leftOf(calBox, blockBox)).toBe(true);
  await page.getByRole("button", { name: /^Undo: Moved “Trackers” right/ }).click();
  await expect.poll(() => leftOf(blockBox, calBox)).toBe(true);

  // Lengthening the last talk past the block's end makes the block grow, and the editor says so.
  await pixels.getByRole("button", { name: /^Move or resize contribution “Pixel detectors”/ }).focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press("Shift+ArrowDown");
  await expect(pixels.getByTestId("draft-times")).toHaveText("09:25–10:35 · its block grows to 10:35");
  await page.keyboard.press("Enter");
  await expect(page.getByText("Also changed", { exact: true }).first()).toBeVisible();
  await expect(
    page.getByText(`The session block now ends at ${day1} 10:35 (${ZONE}) to hold its content.`).first(),
  ).toBeVisible();
  await expect(blockHandle).toHaveAccessibleName(/09:00–10:35/);

  // Undo takes back every change made on the page, and always names the one it will take back: here the
  // lengthening (the block shrinks back with it), then Fit to content, Delete block, Add block and Schedule….
  const undo = page.getByRole("button", { name: /^Undo/ });
  await expect(undo).toHaveText("Undo: Resized “Pixel detectors”");
  await undo.click();
  await expect(blockHandle).toHaveAccessibleName(/09:00–10:30/);
  await blockBox.getByRole("button", { name: "Actions for block Trackers" }).click();
  await page.getByRole("menuitem", { name: "Fit to content" }).click();
  await expect(blockHandle).toHaveAccessibleName(/09:00–09:55/);
  await expect(undo).toHaveText("Undo: Fitted “Trackers” to its content");
  await undo.click();
  await expect(blockHandle).toHaveAccessibleName(/09:00–10:30/);

  // A deleted block comes back with its contributions at their times (under a new id, which undo follows).
  await blockBox.getByRole("button", { name: "Actions for block Trackers" }).click();
  await page.getByRole("menuitem", { name: "Delete block" }).click();
  await page
    .getByRole("dialog", { name: "Delete block “Trackers”?" })
    .getByRole("button", { name: "Delete block" })
    .click();
  await expect(blockBox).toHaveCount(0);
  await expect(undo).toHaveText("Undo: Deleted block “Trackers”");
  await undo.click();
  await expect(blockHandle).toHaveAccessibleName(/09:00–10:30/);
  await expect(strips.getByRole("button", { name: /“Silicon strips”, 09:00–09:30/ })).toBeVisible();
  await expect(pixels.getByRole("button", { name: /“Pixel detectors”, 09:25–09:55/ })).toBeVisible();
  blocks = (await api.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`)).blocks;
  expect(blocks.map((b) => [b.startAt, b.children.map((c) => c.title)])).toEqual([
    [`${day1}T09:00:00.000Z`, ["Silicon strips", "Pixel detectors"]],
  ]);
  // Everything since the last reload is undone: the button names nothing rather than an older change.
  await expect(undo).toHaveText("Undo");
  await expect(undo).toHaveAttribute("aria-disabled", "true");

  await page.getByRole("button", { name: "Add block" }).click();
  const addBlock = page.getByRole("dialog", { name: "Add block" });
  await addBlock.getByRole("combobox", { name: "Session" }).click();
  await page.getByRole("option", { name: "Calorimeters" }).click();
  await addBlock.getByRole("textbox", { name: "Block title" }).fill("Afternoon");
  await addBlock.getByRole("textbox", { name: "Start" }).fill("14:00");
  await addBlock.getByRole("button", { name: "Save" }).click();
  const afternoon = page.getByRole("article", { name: "Block Calorimeters: Afternoon" });
  await expect(afternoon).toBeVisible();
  await expect(undo).toHaveText("Undo: Added block “Calorimeters: Afternoon”");
  await undo.click();
  await expect(afternoon).toHaveCount(0);

  await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Gas detectors",
    sessionId: session.id,
    durationMinutes: 20,
  });
  await page.reload();
  await page.getByRole("button", { name: "Schedule…", exact: true }).click();
  const scheduleDialog = page.getByRole("dialog", { name: "Schedule “Gas detectors”" });
  await scheduleDialog.getByRole("radio", { name: /Block 1 of 1/ }).check();
  await scheduleDialog.getByRole("button", { name: "Schedule" }).click();
  const gas = blockBox.getByRole("article", { name: "Contribution Gas detectors" });
  await expect(gas).toBeVisible();
  await expect(undo).toHaveText("Undo: Scheduled “Gas detectors”");
  await undo.click();
  await expect(gas).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Schedule…", exact: true })).toBeVisible();
});

test.describe("far from the event", () => {
  // Tokyo is 9 hours ahead of Reykjavik all year, and American English reads a 12-hour clock.
  const FAR = { timezoneId: "Asia/Tokyo", locale: "en-US" };
  test.use(FAR);
  const shortDay = (day: string) =>
    new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" })
      .format(new Date(`${day}T00:00:00Z`))
      .replace(",", "");

  test("a visitor in Tokyo reads the timetable on their own days and clock, still after a reload; the exact-time dialog reads as the grid does", async ({
    page,
    server,
    browser,
  }) => {
    test.setTimeout(90_000);
    await signIn(page, server.admin!, "Administrator");
    const api = apiAs(page);
    const [day1, day2, day3] = [dayFromNow(30), dayFromNow(31), dayFromNow(32)];
    const event = await api.post<ConferenceEvent>("/api/v1/events", {
      title: "Neutrino Nights",
      startAt: `${day1}T08:00:00Z`,
      endAt: `${day2}T18:00:00Z`,
      timeZone: ZONE,
      timetablePublished: true,
    });
    const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, { title: "Oscillations" });
    for (const [title, startAt, durationMinutes] of [
      ["Opening", `${day1}T09:00:00Z`, 90],
      ["Late", `${day1}T14:30:00Z`, 90],
      ["Owls", `${day2}T16:00:00Z`, 60],
    ] as const)
      await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
        title,
        startAt,
        durationMinutes,
      });

    // The public timetable: the event's two days in its zone, or the visitor's three days in theirs, where the
    // late block runs past midnight and says until when, and the last one is already the third day.
    const visitor = await browser.newContext({
      baseURL: server.baseUrl,
      ...FAR,
      viewport: { width: 1280, height: 800 },
    });
    const anonymous = await visitor.newPage();
    await anonymous.goto(`/events/${event.id}/timetable`);
    const tabs = anonymous.getByRole("tablist", { name: "Days" }).getByRole("tab");
    await expect(tabs).toHaveText([shortDay(day1), shortDay(day2)]);
    await anonymous.getByRole("radio", { name: "Your zone (Asia/Tokyo)" }).check();
    await expect(tabs).toHaveText([shortDay(day1), shortDay(day2), shortDay(day3)]);
    const block = (title: string) => anonymous.getByRole("article", { name: `Oscillations: ${title}` });
    await expect(block("Opening")).toContainText("06:00 PM–07:30 PM GMT+9 (Asia/Tokyo)");
    await expect(block("Late")).toContainText(`11:30 PM – ${shortDay(day2)}, 01:00 AM GMT+9 (Asia/Tokyo)`);
    await expectNoA11yViolations(anonymous, "the public timetable in the visitor's zone");
    await anonymous.setViewportSize({ width: 390, height: 844 });
    await expectNoA11yViolations(anonymous, "the public timetable in the visitor's zone, on a phone");
    await anonymous.setViewportSize({ width: 1280, height: 800 });
    await anonymous.reload();
    await expect(anonymous.getByRole("radio", { name: "Your zone (Asia/Tokyo)" })).toBeChecked();
    await tabs.filter({ hasText: shortDay(day3) }).click();
    await expect(block("Owls")).toContainText("01:00 AM–02:00 AM GMT+9 (Asia/Tokyo)");
    await visitor.close();

    // The organiser's editor keeps the event's zone, in the same clock as the rest, and so does its dialog.
    await page.goto(`/events/${event.id}/manage/timetable`);
    const opening = page.getByRole("article", { name: "Block Oscillations: Opening" });
    await expect(
      opening.getByRole("button", { name: /^Move or resize block “Oscillations: Opening”, 09:00 AM–10:30 AM/ }),
    ).toBeVisible();
    await opening.getByRole("button", { name: "Actions for block Oscillations: Opening" }).click();
    await page.getByRole("menuitem", { name: "Set exact time…" }).click();
    const dialog = page.getByRole("dialog", { name: "Time of “Oscillations: Opening”" });
    await expect(dialog.getByRole("textbox", { name: "Start" })).toHaveValue("09:00 AM");
    await expectNoA11yViolations(page, "the exact-time dialog");
    await page.setViewportSize({ width: 390, height: 844 });
    await expectNoA11yViolations(page, "the exact-time dialog, on a phone");
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole("textbox", { name: "Start" }).fill("9:15 am");
    await dialog.getByRole("button", { name: "Save time" }).click();
    await expect(dialog).toBeHidden();
    await expect(
      opening.getByRole("button", { name: /^Move or resize block “Oscillations: Opening”, 09:15 AM–10:45 AM/ }),
    ).toBeVisible();
  });
});
