import type { Locator, Page } from "@playwright/test";
import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { createMember, expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Coordination rights as the seed and indico.md §2.5 define them: a coordinator without the event's extra rights
// schedules contributions and adds breaks in their session's blocks, but may neither add a block nor edit a
// contribution; once the event manager turns on Session blocks, the same coordinator adds a block. Reykjavik keeps
// UTC all year, so the times read the same whatever the date of the run.

const ZONE = "Atlantic/Reykjavik";
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Drags `from` onto a point `dy` pixels below the top of `onto` (2 px a minute on the grid). */
async function dragOnto(page: Page, from: Locator, onto: Locator, dy: number) {
  await onto.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  const b = await onto.boundingBox();
  if (!a || !b) throw new Error("not on screen");
  await page.mouse.move(a.x + a.width / 2, a.y + 10);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 - 20, a.y + 30, { steps: 4 });
  await page.mouse.move(b.x + b.width * 0.75, b.y + dy, { steps: 10 });
  await page.mouse.up();
}

test("a coordinator schedules a contribution and adds a break but may not add a block or edit a contribution until the event gives them Session blocks", async ({
  page,
  browser,
  server,
}) => {
  test.setTimeout(120_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const day = dayFromNow(25);
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title: "Crystal Growth Workshop",
    startAt: `${day}T08:00:00Z`,
    endAt: `${day}T18:00:00Z`,
    timeZone: ZONE,
    timetablePublished: true,
  });
  const session = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, {
    title: "Nucleation",
    code: "NUC",
  });
  const block = await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
    startAt: `${day}T09:00:00Z`,
    durationMinutes: 90,
  });
  await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Classical nucleation theory",
    sessionId: session.id,
    durationMinutes: 20,
    blockId: block.id,
    startAt: `${day}T09:00:00Z`,
  });
  const seeds = await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Seed crystals",
    sessionId: session.id,
    durationMinutes: 20,
  });
  const grace = await createMember(server, "Grace Hopper");
  await api.put(`/api/v1/events/${event.id}/sessions/${session.id}/protection`, {
    visibility: "inheriting",
    managers: [],
    coordinators: [grace.email],
    accessList: [],
  });

  const context = await browser.newContext({ baseURL: server.baseUrl });
  try {
    const coordinator = await context.newPage();
    await signIn(coordinator, grace, "Grace Hopper");

    // My sessions on the event page leads to the session's timetable.
    await coordinator.goto(`/events/${event.id}`);
    const mine = coordinator.getByRole("region", { name: "My sessions" });
    await expect(mine).toContainText("Coordinator");
    await mine.getByRole("link", { name: "Timetable of Nucleation" }).click();
    await expect(coordinator.getByRole("heading", { level: 1, name: "Session timetable: Nucleation" })).toBeVisible();
    // The help says what they may do, and only that (issue 13).
    await expect(
      coordinator.getByText("You may schedule its contributions and breaks inside its blocks.", { exact: false }),
    ).toBeVisible();
    await expect(coordinator.getByText(/event's managers/)).toHaveCount(0);
    await coordinator.setViewportSize({ width: 390, height: 844 });
    await expectNoA11yViolations(coordinator, "the coordinator's session timetable on a phone");
    await coordinator.setViewportSize({ width: 1280, height: 720 });
    await coordinator.getByText("Editor", { exact: true }).click();
    await expect(coordinator).toHaveURL(/view=edit/);

    // No block tools: no Add block, no handle on the block, nothing about blocks in its menu.
    await expect(coordinator.getByRole("button", { name: "Add block" })).toHaveCount(0);
    const blockBox = coordinator.getByRole("article", { name: "Block Nucleation" });
    await expect(blockBox.getByRole("button", { name: /^Move or resize block/ })).toHaveCount(0);
    await blockBox.getByRole("button", { name: "Actions for block Nucleation" }).click();
    await expect(coordinator.getByRole("menuitem", { name: "Add break here" })).toBeVisible();
    await expect(coordinator.getByRole("menuitem", { name: "Edit block" })).toHaveCount(0);
    await expect(coordinator.getByRole("menuitem", { name: "Set exact time…" })).toHaveCount(0);
    await coordinator.keyboard.press("Escape");

    // Nor may they edit a contribution: its menu schedules, it does not edit.
    const classical = blockBox.getByRole("article", { name: "Contribution Classical nucleation theory" });
    await classical.getByRole("button", { name: "Actions for contribution Classical nucleation theory" }).click();
    await expect(coordinator.getByRole("menuitem", { name: "Unschedule" })).toBeVisible();
    await expect(coordinator.getByRole("menuitem", { name: "Edit contribution" })).toHaveCount(0);
    await coordinator.keyboard.press("Escape");
    await expectNoA11yViolations(coordinator, "the coordinator's session timetable");

    // They schedule "Seed crystals" by dragging it from the unscheduled list into the block at 09:30.
    const unscheduled = coordinator.getByRole("complementary", { name: "Unscheduled contributions" });
    await dragOnto(coordinator, unscheduled.getByText("Seed crystals"), blockBox, 60);
    const seedsBox = blockBox.getByRole("article", { name: "Contribution Seed crystals" });
    await expect(seedsBox.getByRole("button", { name: /“Seed crystals”, 09:30–09:50/ })).toBeVisible();
    await expect(unscheduled).toContainText("Every contribution is scheduled.");

    // And add a coffee break in the block.
    await blockBox.getByRole("button", { name: "Actions for block Nucleation" }).click();
    await coordinator.getByRole("menuitem", { name: "Add break here" }).click();
    const breakDialog = coordinator.getByRole("dialog", { name: "Add break in “Nucleation”" });
    await breakDialog.getByRole("textbox", { name: "Title" }).fill("Coffee");
    await breakDialog.getByRole("button", { name: "Add break" }).click();
    await expect(breakDialog).toBeHidden();
    await expect(blockBox.getByRole("article", { name: "Break Coffee" })).toBeVisible();

    // The server agrees: a block or a contribution edit from the coordinator is refused.
    const csrf = (await context.cookies()).find((c) => c.name === "convene_csrf")?.value ?? "";
    const headers = { "x-csrf-token": decodeURIComponent(csrf) };
    const newBlock = await coordinator.request.post(`/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
      data: { startAt: `${day}T14:00:00Z` },
      headers,
    });
    expect(newBlock.status()).toBe(403);
    const edit = await coordinator.request.patch(`/api/v1/events/${event.id}/contributions/${seeds.id}`, {
      data: { title: "Renamed" },
      headers,
    });
    expect(edit.status()).toBe(403);

    // The event manager turns on Session blocks on the event's Protection page.
    await page.goto(`/events/${event.id}/manage/protection`);
    const rights = page.getByRole("region", { name: "Session coordinator rights" });
    await rights.getByRole("switch", { name: "Session blocks" }).click();
    await expect(rights.getByRole("switch", { name: "Session blocks" })).toBeChecked();

    // Now the coordinator adds a block in the afternoon.
    await coordinator.reload();
    await expect(
      coordinator.getByText(
        "You may add, move, resize, fit and delete its blocks and schedule its contributions and breaks inside its blocks.",
        { exact: false },
      ),
    ).toBeVisible();
    await expect(coordinator.getByText(/edit its contributions/)).toHaveCount(0);
    await coordinator.getByRole("button", { name: "Add block" }).click();
    const blockDialog = coordinator.getByRole("dialog", { name: /block/i });
    await blockDialog.getByRole("textbox", { name: "Block title" }).fill("Afternoon");
    await blockDialog.getByRole("textbox", { name: "Start" }).fill("14:00");
    await blockDialog.getByRole("button", { name: /Add block|Create block|Save/ }).click();
    await expect(blockDialog).toBeHidden();
    await expect(coordinator.getByRole("article", { name: "Block Nucleation: Afternoon" })).toBeVisible();
    const after = await api.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`);
    expect(after.blocks.map((b) => [b.title, b.startAt])).toEqual([
      ["", `${day}T09:00:00.000Z`],
      ["Afternoon", `${day}T14:00:00.000Z`],
    ]);

    // From the keyboard, the exact-time dialog moves "Seed crystals" into the afternoon block.
    const seedsHandle = seedsBox.getByRole("button", { name: /^Move or resize contribution “Seed crystals”/ });
    await seedsHandle.focus();
    await coordinator.keyboard.press("Enter");
    const timeDialog = coordinator.getByRole("dialog", { name: "Time of “Seed crystals”" });
    await timeDialog.getByLabel("Where").click();
    await coordinator.getByRole("option", { name: /^Nucleation: Afternoon/ }).click();
    await timeDialog.getByRole("textbox", { name: "Start" }).fill("14:10");
    await expectNoA11yViolations(coordinator, "the exact-time dialog");
    await timeDialog.getByRole("button", { name: "Save time" }).click();
    await expect(timeDialog).toBeHidden();
    const afternoon = coordinator.getByRole("article", { name: "Block Nucleation: Afternoon" });
    await expect(afternoon.getByRole("button", { name: /“Seed crystals”, 14:10–14:30/ })).toBeVisible();

    // With Session blocks they delete a block from its menu too (issue 13): its contribution is unscheduled.
    await afternoon.getByRole("button", { name: "Actions for block Nucleation: Afternoon" }).click();
    await coordinator.getByRole("menuitem", { name: "Delete block" }).click();
    const confirmDelete = coordinator.getByRole("dialog", { name: "Delete block “Nucleation: Afternoon”?" });
    await confirmDelete.getByRole("button", { name: "Delete block" }).click();
    await expect(confirmDelete).toBeHidden();
    await expect(afternoon).toHaveCount(0);
    const left = await api.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`);
    expect(left.blocks.map((b) => b.title)).toEqual([""]);
    expect(left.contributions.find((c) => c.title === "Seed crystals")?.isScheduled).toBe(false);

    // My sessions still lists the session.
    await coordinator.goto(`/events/${event.id}`);
    await expect(
      coordinator.getByRole("region", { name: "My sessions" }).getByRole("link", { name: "Nucleation", exact: true }),
    ).toBeVisible();
  } finally {
    await context.close();
  }
});
