import type { EventList } from "../src/shared/schemas/conference-events";
import type { EventTimetable } from "../src/shared/schemas/timetable";
import { expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Done-when 4 of the conference issue: an event of 2,000 contributions in 150 blocks, seeded by the repository's
// own script, renders its timetable page in the browser without errors.

// The repository's seed script fills the fresh data directory before the server starts on it.
test.use({ seedScript: "scripts/seed-conference.ts" });

test("the seeded timetable of 2,000 contributions in 150 blocks renders every day without errors, in the reading view and in the editor", async ({
  page,
  request,
  server,
}) => {
  test.setTimeout(180_000);
  const { events } = (await (await request.get("/api/v1/events")).json()) as EventList;
  const seeded = events.find((e) => e.title.startsWith("Seeded conference"));
  expect(seeded, "the seed script's event is published").toBeTruthy();
  const timetable = (await (await request.get(`/api/v1/events/${seeded?.id}/timetable`)).json()) as EventTimetable;
  const blocks = timetable.days.flatMap((d) => d.entries.filter((e) => e.kind === "block"));
  const contributions = blocks
    .flatMap((b) => (b.kind === "block" ? b.children : []))
    .filter((c) => c.kind === "contribution");
  expect(blocks).toHaveLength(150);
  expect(contributions).toHaveLength(2000);

  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  // Every request counts: the app's icon is inline, so not even /favicon.ico may answer 404.
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) errors.push(`response: ${res.status()} ${res.url()}`);
  });

  const started = Date.now();
  await page.goto(`/events/${seeded?.id}/timetable`);
  await expect(page.getByRole("heading", { level: 1, name: /^Timetable: Seeded conference/ })).toBeVisible({
    timeout: 30_000,
  });
  const tabs = page.getByRole("tab");
  await expect(tabs).toHaveCount(timetable.days.length);
  await expect(page.getByTestId("timetable-block").first()).toBeVisible({ timeout: 30_000 });
  const firstPaint = Date.now() - started;

  let renderedBlocks = 0;
  let renderedContributions = 0;
  const timings: number[] = [];
  for (const [i, day] of timetable.days.entries()) {
    const t = Date.now();
    await tabs.nth(i).click();
    await expect(tabs.nth(i)).toHaveAttribute("aria-selected", "true");
    const dayBlocks = day.entries.filter((e) => e.kind === "block");
    const dayContributions = dayBlocks.reduce(
      (n, b) => n + (b.kind === "block" ? b.children.filter((c) => c.kind === "contribution").length : 0),
      0,
    );
    await expect(page.getByTestId("timetable-block")).toHaveCount(dayBlocks.length, { timeout: 30_000 });
    const shown =
      (await page.getByTestId("timetable-contribution").count()) + (await page.getByTestId("timetable-poster").count());
    expect(shown, `contributions shown on ${day.day}`).toBe(dayContributions);
    timings.push(Date.now() - t);
    renderedBlocks += dayBlocks.length;
    renderedContributions += shown;
  }
  expect(renderedBlocks).toBe(150);
  expect(renderedContributions).toBe(2000);

  // Poster blocks show a grid with board numbers; blocks say which block of their session they are.
  await tabs.first().click();
  await expect(page.getByTestId("timetable-poster").first()).toContainText(/Board P\d+/);
  await expect(page.getByTestId("timetable-block").first()).toContainText(/block \d+ of \d+/);
  await expectNoA11yViolations(page, "a day of the big timetable");

  test.info().annotations.push({
    type: "timing",
    description: `first day shown after ${firstPaint} ms; day tabs ${timings.join(", ")} ms`,
  });
  expect(firstPaint, "the first day renders within 20 s").toBeLessThan(20_000);
  for (const ms of timings) expect(ms, "each day tab renders within 10 s").toBeLessThan(10_000);
  expect(errors).toEqual([]);

  // The organiser's editor lays out every day of it too: every block and every contribution on the grid.
  await signIn(page, server.admin!, "Administrator");
  await page.goto(`/events/${seeded?.id}/manage/timetable`);
  const editorTabs = page.getByRole("tablist", { name: "Days" }).getByRole("tab");
  await expect(editorTabs).toHaveCount(timetable.days.length, { timeout: 30_000 });
  let editorBlocks = 0;
  for (const [i, day] of timetable.days.entries()) {
    await editorTabs.nth(i).click();
    await expect(editorTabs.nth(i)).toHaveAttribute("aria-selected", "true");
    const dayBlocks = day.entries.filter((e) => e.kind === "block");
    await expect(page.getByTestId("editor-block")).toHaveCount(dayBlocks.length, { timeout: 30_000 });
    editorBlocks += dayBlocks.length;
  }
  expect(editorBlocks).toBe(150);
  expect(errors).toEqual([]);
});
