import path from "node:path";
import type { Page } from "@playwright/test";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent, Room, SessionType } from "../src/shared/schemas/conference-events";
import type { Break, ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Issue 14, Done-when 1: a conference day with ten rooms in parallel, as organisers build it. Every entry's title
// stays readable at 1280 px (a lane per room, scrolled sideways, room names on top), a drop the server would
// refuse is shown as refused while the entry is held over it, a drop that would make a block much longer asks
// first, Reschedule compacts a block, posters are listed in their block, a contribution is made from the
// timetable, and on a phone one room fills the screen. Reykjavik keeps UTC all year: times read the same always.

const ZONE = "Atlantic/Reykjavik";
const SCREENSHOTS = path.resolve(import.meta.dirname, "../docs/screenshots");
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const TALKS = [
  ["Neutrino oscillations in deep water", "09:00", 30],
  ["Calibrating the calorimeter", "09:30", 20],
  // A ten-minute talk: one line on the grid.
  ["Lightning talk on muon tagging", "09:50", 10],
] as const;

/**
 * Every title on the grid shows at least its first 8 characters: each is scrolled into view, and the boxes of
 * its first 8 characters must lie inside the title and inside the entry that clips it. Returns the ones that fail.
 */
async function clippedTitles(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const title of document.querySelectorAll<HTMLElement>("[data-testid=timetable-grid] [data-entry-title]")) {
      title.scrollIntoView({ block: "center", inline: "center" });
      const text = title.textContent ?? "";
      const node = document.createTreeWalker(title, NodeFilter.SHOW_TEXT).nextNode();
      if (!node || text.length === 0) {
        bad.push(`${title.outerHTML.slice(0, 80)}: no text`);
        continue;
      }
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, Math.min(8, node.textContent?.length ?? 0));
      const clips = [title, title.closest("article, li") as HTMLElement]
        .filter(Boolean)
        .map((el) => el.getBoundingClientRect());
      const inside = [...range.getClientRects()].every((r) =>
        clips.every(
          (c) =>
            r.left >= c.left - 0.5 && r.right <= c.right + 0.5 && r.top >= c.top - 0.5 && r.bottom <= c.bottom + 0.5,
        ),
      );
      if (!inside || range.getClientRects().length === 0) bad.push(text);
    }
    return bad;
  });
}

test("the organiser builds a ten-room day: every title readable, refused drops shown before the drop, growth asked first, Reschedule, posters and a new contribution", async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const day = dayFromNow(30);
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title: "Particle Detectors Summit",
    startAt: `${day}T08:00:00Z`,
    endAt: `${day}T18:00:00Z`,
    timeZone: ZONE,
  });
  const posterType = await api.post<SessionType>(`/api/v1/events/${event.id}/session-types`, {
    name: "Poster session",
    isPoster: true,
  });
  const tag = event.id.slice(0, 4);
  // Room 3 has a long name: its column must stay above its lane all the same.
  const roomName = (i: number) =>
    `Room ${i} ${tag}${i === 3 ? `, ${"the long gallery by the river ".repeat(5).trim()}` : ""}`;
  const sessions: ConferenceSession[] = [];
  const blocks: SessionBlock[] = [];
  // Rooms made in reverse order: the lanes stand in the natural order of their names all the same.
  for (let i = 10; i >= 1; i--) {
    const room = await api.post<Room>("/api/v1/admin/rooms", { name: roomName(i) });
    const poster = i === 10;
    const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
      title: poster ? "Detector posters" : `Track ${i}`,
      code: `T${i}`,
      ...(poster ? { typeId: posterType.id } : {}),
    });
    const block = await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
      startAt: `${day}T09:00:00Z`,
      durationMinutes: 90,
      roomId: room.id,
    });
    sessions[i] = session;
    blocks[i] = block;
    const talks = poster
      ? [
          ["Scintillator aging under beam", "P1"],
          ["Silicon photomultipliers compared", "P2"],
        ]
      : i === 4
        ? // Track 4 has gaps for Reschedule to close.
          [
            ["Gaseous detectors revisited", "09:00", 20],
            ["Readout electronics at scale", "09:40", 20],
            ["Timing layers for pile-up", "10:10", 10],
          ]
        : TALKS.map(([title, at, minutes]) => [
            i === 1 && at === "09:00" ? `${title}: ${"a very long subtitle ".repeat(5)}` : `${title} (${i})`,
            at,
            minutes,
          ]);
    for (const [title, at, minutes] of talks as (string | number)[][]) {
      await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
        title,
        sessionId: session.id,
        blockId: block.id,
        ...(poster ? { boardNumber: at } : { startAt: `${day}T${at}:00Z`, durationMinutes: minutes }),
      });
    }
  }
  await api.post<Break>(`/api/v1/events/${event.id}/breaks`, {
    title: "Lunch",
    startAt: `${day}T12:00:00Z`,
    durationMinutes: 60,
  });
  await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Beam test results",
    sessionId: sessions[2]?.id,
    durationMinutes: 15,
  });

  await page.goto(`/events/${event.id}/manage/timetable`);
  await expect(page.getByRole("heading", { level: 1, name: "Timetable" })).toBeVisible();
  // A lane per room, in the natural order of their names.
  const heads = page.getByTestId("lane-head");
  const track = (i: number) => page.getByRole("article", { name: `Block Track ${i}` });
  await expect(heads).toHaveCount(10);
  expect(await heads.allTextContents()).toEqual(Array.from({ length: 10 }, (_, i) => roomName(i + 1)));
  await expect(page.getByTestId("editor-contribution")).toHaveCount(9 * 3);
  await expect(page.getByTestId("editor-poster")).toHaveCount(2);
  // Ten lanes do not fit 1280 px: the day scrolls sideways, each lane readable.
  const scroller = page.getByTestId("timetable-scroller");
  expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  await page.getByRole("heading", { level: 2, name: /^Fri|^Mon|^Tue|^Wed|^Thu|^Sat|^Sun/ }).scrollIntoViewIfNeeded();
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, "timetable-editor-ten-rooms.png") });
  expect(await clippedTitles(page)).toEqual([]);
  // Each room's name stands above its lane, whatever the length of the names.
  await scroller.evaluate((el) => el.scrollTo(0, 0));
  for (const i of [1, 2, 3, 4]) {
    const head = await heads.nth(i - 1).boundingBox();
    const lane = await track(i).boundingBox();
    expect(Math.abs((head?.x ?? 0) - ((lane?.x ?? 0) - 2)), `room ${i}'s name above its lane`).toBeLessThan(3);
    expect(
      Math.abs((head?.width ?? 0) - ((lane?.width ?? 0) + 4)),
      `room ${i}'s name as wide as its lane`,
    ).toBeLessThan(3);
  }
  // The lunch break without a room runs across every lane.
  const lunch = page.getByRole("article", { name: "Break Lunch" });
  const grid = await page.getByTestId("timetable-grid").boundingBox();
  expect((await lunch.boundingBox())?.width ?? 0).toBeGreaterThan((grid?.width ?? 0) * 0.95);
  // Scrolled down past the top of the grid (a laptop's short window), the room names stay on top.
  await page.setViewportSize({ width: 1280, height: 500 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect.poll(async () => (await page.getByTestId("timetable-grid").boundingBox())?.y ?? 0).toBeLessThan(0);
  await expect.poll(async () => Math.round((await heads.first().boundingBox())?.y ?? -1)).toBe(0);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectNoA11yViolations(page, "the ten-room editor");

  // Drag feedback before the drop: a Track 1 talk held over Track 2's block is refused, with the reason.
  const talk = page.getByRole("article", { name: /^Contribution Calibrating the calorimeter \(1\)/ });
  await talk.scrollIntoViewIfNeeded();
  const from = await talk.boundingBox();
  const over = await track(2).boundingBox();
  if (!from || !over) throw new Error("nothing to drag");
  const sent: string[] = [];
  page.on("request", (r) => r.method() !== "GET" && sent.push(`${r.method()} ${r.url()}`));
  await page.mouse.move(from.x + from.width / 2, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(over.x + over.width * 0.75, from.y + 8, { steps: 10 });
  await expect(track(2)).toHaveAttribute("data-refused", "");
  await expect(page.getByTestId("drop-refusal")).toContainText("belongs to another session");
  await page.mouse.up();
  await expect(page.getByRole("alert").filter({ hasText: "Not changed" })).toContainText(
    "only its own session's contributions",
  );
  expect(sent).toEqual([]);
  await expect(
    track(1).getByRole("button", { name: /“Calibrating the calorimeter \(1\)”, 09:30–09:50/ }),
  ).toBeVisible();

  // A drop that makes its block 50 minutes longer asks first; keeping the block changes nothing.
  const last = track(3).getByRole("article", { name: /^Contribution Lightning talk on muon tagging/ });
  const dragDown = async (minutes: number) => {
    await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    if (!box) throw new Error("nothing to drag");
    await page.mouse.move(box.x + box.width / 2, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 6 + minutes, { steps: 6 });
    await page.mouse.move(box.x + box.width / 2, box.y + 6 + minutes * 2, { steps: 6 });
    await page.mouse.up();
  };
  await dragDown(80);
  const ask = page.getByRole("dialog", { name: "Make the block longer?" });
  await expect(ask).toContainText("would grow by 50 min to end at 11:20");
  await ask.getByRole("button", { name: "Keep the block as it is" }).click();
  await expect(ask).toBeHidden();
  await expect(track(3).getByRole("button", { name: /^Move or resize block “Track 3”, 09:00–10:30/ })).toBeVisible();
  await dragDown(80);
  await page
    .getByRole("dialog", { name: "Make the block longer?" })
    .getByRole("button", { name: "Make it longer" })
    .click();
  await expect(track(3).getByRole("button", { name: /^Move or resize block “Track 3”, 09:00–11:20/ })).toBeVisible();

  // By keyboard, an entry's ⋯ menu opens from its button and gives the focus back to it when closed.
  const menuButton = track(6).getByRole("button", { name: /^Actions for contribution Calibrating the calorimeter/ });
  await track(6)
    .getByRole("button", { name: /^Move or resize contribution “Calibrating the calorimeter/ })
    .focus();
  await page.keyboard.press("Tab");
  await expect(menuButton).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Set exact time…" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menuitem", { name: "Set exact time…" })).toBeHidden();
  await expect(menuButton).toBeFocused();

  // Reschedule closes Track 4's gaps: one after another with 5 minutes between; Undo puts them back.
  await track(4).getByRole("button", { name: "Actions for block Track 4" }).click();
  await page.getByRole("menuitem", { name: "Reschedule…" }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule “Track 4”" });
  await dialog.getByRole("radio", { name: "Start times" }).check();
  await dialog.getByLabel("Gap").fill("5");
  await dialog.getByRole("button", { name: "Reschedule" }).click();
  await expect(dialog).toBeHidden();
  for (const [title, times] of [
    ["Gaseous detectors revisited", "09:00–09:20"],
    ["Readout electronics at scale", "09:25–09:45"],
    ["Timing layers for pile-up", "09:50–10:00"],
  ])
    await expect(
      track(4).getByRole("button", { name: `Move or resize contribution “${title}”, ${times}` }),
    ).toBeVisible();
  await page.getByRole("button", { name: "Undo: Rescheduled “Track 4”" }).click();
  await expect(
    track(4).getByRole("button", { name: "Move or resize contribution “Readout electronics at scale”, 09:40–10:00" }),
  ).toBeVisible();
  // The day's Reschedule is at hand in the toolbar too.
  await page.getByRole("button", { name: "Reschedule…" }).click();
  await expect(page.getByRole("dialog", { name: "Reschedule a day" }).getByLabel("Day")).toBeVisible();
  await page.getByRole("dialog", { name: "Reschedule a day" }).getByRole("button", { name: "Cancel" }).click();

  // The poster block lists its posters; one is unscheduled from there and waits beside the grid, with its session.
  const posters = page.getByRole("list", { name: "Posters of Detector posters" });
  await expect(posters).toContainText("P1 · Scintillator aging under beam");
  await posters.getByRole("button", { name: "Actions for poster Silicon photomultipliers compared" }).click();
  await page.getByRole("menuitem", { name: "Unschedule" }).click();
  const waiting = page.getByTestId("unscheduled-contribution");
  await expect(waiting.filter({ hasText: "Silicon photomultipliers compared" })).toContainText("Detector posters");
  await expect(waiting.filter({ hasText: "Beam test results" })).toContainText("Track 2");

  // Schedule… for a session with one block: that block is already chosen.
  await waiting
    .filter({ hasText: "Beam test results" })
    .getByRole("button", { name: "Schedule…", exact: true })
    .click();
  const schedule = page.getByRole("dialog", { name: /Schedule/ });
  await expect(schedule.getByRole("radio").first()).toBeChecked();
  await schedule.getByRole("button", { name: "Cancel" }).click();

  // A new contribution made from the timetable lands in the block, after its last entry.
  await track(5).getByRole("button", { name: "Actions for block Track 5" }).click();
  await page.getByRole("menuitem", { name: "New contribution here…" }).click();
  const create = page.getByRole("dialog", { name: "New contribution in “Track 5”" });
  await create.getByRole("textbox", { name: "Title" }).fill("Cryogenic bolometers");
  await create.getByLabel("Duration").fill("15");
  await create.getByRole("button", { name: "Create and schedule" }).click();
  await expect(
    track(5).getByRole("button", { name: "Move or resize contribution “Cryogenic bolometers”, 10:00–10:15" }),
  ).toBeVisible();

  // On a phone, one room fills the screen and its titles stay readable; the page itself does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const head = await heads.first().boundingBox();
  expect(head?.width ?? 0).toBeGreaterThan(390 * 0.7);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await clippedTitles(page)).toEqual([]);
});
