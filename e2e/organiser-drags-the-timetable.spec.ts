import path from "node:path";
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
const SCREENSHOTS = path.resolve(import.meta.dirname, "../docs/screenshots");
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
  await page.screenshot({ path: path.join(SCREENSHOTS, "timetable-editor.png") }); // for the README
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
});
