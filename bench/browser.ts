// The browser scenarios of `npm run bench` (BENCH_ONLY=browser): Debian's chromium, driven by Playwright, on the
// production build, against the seeded conference (2,000 contributions in 150 blocks, 10 rooms, 5 days) and, as
// its floor in the same run, an event with the same days and one block (one contribution) a day, the least that
// has an entry to show, switch to, move and drag.
//
// Every time is taken inside the page, in the page's own clock (performance.now(), 0 at navigation start;
// event.timeStamp for the click or key that starts a measurement), and ends at the first frame painted with
// the awaited state, once the main thread is free again (a MutationObserver sees the state, then
// requestAnimationFrame + setTimeout 0: the task after that frame). "Usable" means the first entry is painted
// and the page can answer input.
import { type Browser, type BrowserContext, chromium, type Page } from "@playwright/test";
import { chromiumLaunchOptions } from "../playwright.config";
import type { EventTimetable } from "../src/shared/schemas/timetable";
import { request } from "./load";

export interface BrowserRow {
  engine: "sqlite" | "postgres";
  scenario: string;
  metric: string;
  value: number;
  unit: string;
  floor: number | null;
  floorLabel: string;
  target: string;
  met?: boolean | null;
}

export interface BrowserBenchInput {
  engine: BrowserRow["engine"];
  base: string;
  /** The seeded conference (scripts/seed-conference.ts). */
  eventId: string;
  /** An admin's session token and the CSRF token, for the floor event's requests and the browser's cookie. */
  adminToken: string;
  csrf: string;
  record(row: BrowserRow): void;
}

const LOADS = 5;
const DAY_SWITCHES = 4;
const MOVES = 4;
const DRAGS = 3;

const PUBLIC_ENTRY = '[data-testid="timetable-block"]';
const EDITOR_ENTRY = '[data-testid="editor-block"]';
const EDITOR_HANDLE = `${EDITOR_ENTRY} button[data-grip]`;

// In-page helpers, installed before the app's scripts on every page. A string, not a function: tsx would wrap
// named functions in a helper the page does not have.
const HELPERS = `(() => {
  const b = (window.__bench = {});
  const visible = (el) => !!el && el.checkVisibility() && el.getBoundingClientRect().height > 0;
  // Resolves with performance.now() at the task after the first frame painted once find() returns a visible
  // element (or true); find() runs on every DOM change, layout is only read after the frame.
  b.when = (find) =>
    new Promise((resolve) => {
      let armed = false;
      const check = () => {
        if (armed) return;
        const found = find();
        if (!found) return;
        armed = true;
        requestAnimationFrame(() =>
          setTimeout(() => {
            const again = find();
            if (again === true || visible(again)) {
              observer.disconnect();
              resolve(performance.now());
            } else {
              armed = false;
              check();
            }
          }, 0),
        );
      };
      const observer = new MutationObserver(check);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      check();
    });
  // The time of the next trusted event of this type (its timeStamp, in the page's clock).
  b.nextEvent = (type, accept) =>
    new Promise((resolve) => {
      const on = (e) => {
        if (!e.isTrusted || (accept && !accept(e))) return;
        window.removeEventListener(type, on, true);
        resolve(e.timeStamp);
      };
      window.addEventListener(type, on, true);
    });
  b.longTasks = [];
  b.observeLongTasks = () => {
    b.longTasks = [];
    b.longTaskObserver?.disconnect();
    b.longTaskObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push(e.duration);
    });
    b.longTaskObserver.observe({ type: "longtask" });
  };
  b.stopLongTasks = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          for (const e of b.longTaskObserver.takeRecords()) b.longTasks.push(e.duration);
          b.longTaskObserver.disconnect();
          resolve(b.longTasks.slice());
        }),
      ),
    );
  const READY = window.__benchReady;
  if (READY) b.ready = b.when(() => document.querySelector(READY));
})();`;

const verbose = !!process.env.BENCH_VERBOSE;
const step = (what: string) => verbose && console.log(`    browser: ${what}`);

/** What the page says, given up after 30 s with `what` in the error (a state that never came). */
async function inPage<T>(page: Page, expression: string, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`browser: ${what} did not happen within 30 s`)), 30_000);
  });
  try {
    return (await Promise.race([page.evaluate(expression), timeout])) as T;
  } finally {
    clearTimeout(timer);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

async function api<T>(input: BrowserBenchInput, method: string, path: string, body?: unknown): Promise<T> {
  const res = await request(input.base, {
    method,
    path,
    headers: {
      cookie: `convene_session=${input.adminToken}; convene_csrf=${input.csrf}`,
      "x-csrf-token": input.csrf,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** The floor: the seeded event's days and zone, one block a day (at the seeded day's first start) with one talk. */
async function seedFloorEvent(input: BrowserBenchInput, big: EventTimetable): Promise<string> {
  const id = input.eventId;
  const e = big.event;
  const event = await api<{ id: string }>(input, "POST", "/api/v1/events", {
    title: "Bench floor: one block a day",
    startAt: e.startAt,
    endAt: e.endAt,
    timeZone: e.timeZone,
    timetablePublished: true,
  });
  const session = await api<{ id: string }>(input, "POST", `/api/v1/events/${event.id}/sessions`, {
    title: "Floor",
    code: "F",
  });
  for (const day of big.days) {
    const first = day.entries.find((x) => x.kind === "block");
    if (!first) throw new Error(`the seeded event ${id} has no block on ${day.day}`);
    const block = await api<{ id: string }>(input, "POST", `/api/v1/events/${event.id}/sessions/${session.id}/blocks`, {
      startAt: first.startAt,
      durationMinutes: 180,
    });
    await api(input, "POST", `/api/v1/events/${event.id}/contributions`, {
      title: `Floor talk ${day.day}`,
      sessionId: session.id,
      durationMinutes: 15,
      blockId: block.id,
      startAt: first.startAt,
    });
  }
  return event.id;
}

async function newContext(browser: Browser, input: BrowserBenchInput, opts: { admin: boolean; ready?: string }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "en-GB" });
  context.setDefaultTimeout(30_000);
  if (opts.admin) await context.addCookies([{ name: "convene_session", value: input.adminToken, url: input.base }]);
  await context.addInitScript({
    content: `window.__benchReady = ${JSON.stringify(opts.ready ?? null)};\n${HELPERS}`,
  });
  return context;
}

/**
 * Opens `path` in a fresh context (nothing cached: a first visit) and returns the page, still open, with the time
 * from navigation start until `ready` was painted and the main thread free.
 */
async function load(
  browser: Browser,
  input: BrowserBenchInput,
  path: string,
  ready: string,
  admin: boolean,
): Promise<{ ms: number; page: Page; context: BrowserContext }> {
  const context = await newContext(browser, input, { admin, ready });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(`${input.base}${path}`);
  step(`load ${path}`);
  const ms = await inPage<number>(page, "window.__bench.ready", `${ready} on ${path}`);
  if (errors.length) throw new Error(`${path}: ${errors.join("; ")}`);
  return { ms, page, context };
}

/** Median page-load time over LOADS fresh visits; the last page is kept open for what follows. */
async function loads(browser: Browser, input: BrowserBenchInput, path: string, ready: string, admin: boolean) {
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof load>> | null = null;
  for (let i = 0; i < LOADS; i++) {
    await last?.context.close();
    last = await load(browser, input, path, ready, admin);
    times.push(last.ms);
  }
  if (!last) throw new Error("no load");
  return { ms: median(times), times, page: last.page, context: last.context };
}

/** Clicks the next day's tab DAY_SWITCHES times (wrapping round); median of click → its first entry painted. */
async function daySwitches(
  page: Page,
  entry: string,
  /** With the blocks of each day: also the time until every block of the day is drawn (second list). */
  blocksPerDay: number[] = [],
): Promise<number[] & { whole?: number[] }> {
  const tabs = page.getByRole("tablist", { name: "Days" }).getByRole("tab");
  const count = await tabs.count();
  const times: number[] & { whole?: number[] } = [];
  const whole: number[] = [];
  let selected = 0;
  for (let i = 0; i < count; i++) if ((await tabs.nth(i).getAttribute("aria-selected")) === "true") selected = i;
  for (let n = 0; n < DAY_SWITCHES; n++) {
    const next = (selected + 1) % count;
    const tab = tabs.nth(next);
    const tabId = await tab.getAttribute("id");
    const blocks = blocksPerDay[next] ?? 0;
    const panel = `'[role="tabpanel"][aria-labelledby="' + CSS.escape(${JSON.stringify(tabId)}) + '"] '`;
    await page.evaluate(
      `window.__bench.pending = Promise.all([
        window.__bench.nextEvent("click"),
        window.__bench.when(() => document.querySelector(${panel} + ${JSON.stringify(entry)})),
        window.__bench.when(() =>
          document.querySelectorAll(${panel} + '[data-testid="editor-block"]').length >= ${blocks} || null),
      ]); 0`, // (not the promise itself: evaluate would wait for it)
    );
    await tab.click();
    const [clickAt, shownAt, wholeAt] = await inPage<[number, number, number]>(
      page,
      "window.__bench.pending",
      `day ${next + 1}`,
    );
    times.push(shownAt - clickAt);
    whole.push(wholeAt - clickAt);
    selected = next;
  }
  if (blocksPerDay.length > 0) times.whole = whole;
  return times;
}

/** Back to the first day (outside any measurement). */
async function firstDay(page: Page, entry: string) {
  const tab = page.getByRole("tablist", { name: "Days" }).getByRole("tab").first();
  await tab.click();
  const tabId = await tab.getAttribute("id");
  await page.locator(`[role="tabpanel"][aria-labelledby="${tabId}"] ${entry}`).first().waitFor({ state: "visible" });
}

/**
 * From the first block's handle: ↓ (or ↑ every other time, so the data ends as it began), then Enter; the time
 * from Enter until the request is answered, "Saving…" is gone and the handle names the block's new times.
 */
async function keyboardMoves(page: Page): Promise<number[]> {
  const block = page.locator(EDITOR_ENTRY).first();
  const id = await block.getAttribute("data-entry-id");
  if (!id) throw new Error("the first editor block has no id");
  const handle = block.locator("button[data-grip]").first();
  const times: number[] = [];
  for (let n = 0; n < MOVES; n++) {
    await handle.focus();
    const before = await handle.getAttribute("aria-label");
    await page.keyboard.press(n % 2 === 0 ? "ArrowDown" : "ArrowUp");
    await block.getByTestId("draft-times").first().waitFor({ state: "visible" });
    await page.evaluate(
      `window.__bench.pending = Promise.all([
        window.__bench.nextEvent("keydown", (e) => e.key === "Enter"),
        window.__bench.when(() => {
          const saving = document.querySelector('button[aria-keyshortcuts="Control+Z"]')?.parentElement?.textContent ?? "";
          const grip = document.querySelector('[data-entry-id="' + CSS.escape(${JSON.stringify(id)}) + '"] button[data-grip]');
          return !!grip && !saving.includes("Saving") && grip.getAttribute("aria-label") !== ${JSON.stringify(before)};
        }),
      ]); 0`,
    );
    const answered = page.waitForResponse((r) => r.request().method() !== "GET" && r.url().includes("/api/v1/events/"));
    await page.keyboard.press("Enter");
    const res = await answered;
    if (res.status() >= 300) throw new Error(`the move was answered ${res.status()}: ${await res.text()}`);
    const [enterAt, savedAt] = await inPage<[number, number]>(page, "window.__bench.pending", "the move saved");
    times.push(savedAt - enterAt);
  }
  return times;
}

/**
 * The first block dragged by its handle 120 px down in 20 steps, then Escape (nothing saved): the longest
 * main-thread task (the Long Tasks API reports those over 50 ms; 0 when none) from the press to the release.
 */
async function drags(page: Page): Promise<{ longest: number[]; count: number[] }> {
  const handle = page.locator(EDITOR_HANDLE).first();
  const longest: number[] = [];
  const count: number[] = [];
  for (let n = 0; n < DRAGS; n++) {
    await handle.scrollIntoViewIfNeeded();
    const box = await handle.boundingBox();
    if (!box) throw new Error("no handle to drag");
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.evaluate("window.__bench.observeLongTasks()");
    await page.mouse.down();
    await page.mouse.move(x, y + 120, { steps: 20 });
    await page.keyboard.press("Escape");
    await page.mouse.up();
    const tasks = await inPage<number[]>(page, "window.__bench.stopLongTasks()", "the long tasks");
    longest.push(tasks.length ? Math.max(...tasks) : 0);
    count.push(tasks.length);
  }
  return { longest, count };
}

interface Figures {
  publicMs: number;
  publicDays: number;
  editorMs: number;
  editorDays: number;
  editorWholeDays: number;
  moveMs: number;
  dragLongest: number;
  dragCount: number;
  raw: Record<string, number[]>;
}

async function measure(browser: Browser, input: BrowserBenchInput, eventId: string): Promise<Figures> {
  const pub = await loads(browser, input, `/events/${eventId}/timetable`, PUBLIC_ENTRY, false);
  step("public day switches");
  const publicDays = await daySwitches(pub.page, PUBLIC_ENTRY);
  await pub.context.close();

  const editor = await loads(browser, input, `/events/${eventId}/manage/timetable`, EDITOR_HANDLE, true);
  const page = editor.page;
  // Usable: the first handle takes the keyboard focus.
  await page.locator(EDITOR_HANDLE).first().focus();
  if (!(await page.evaluate("document.activeElement?.hasAttribute('data-grip')")))
    throw new Error("the editor's first handle does not take the focus");
  const timetable = await api<EventTimetable>(input, "GET", `/api/v1/events/${eventId}/timetable`);
  const blocksPerDay = timetable.days.map((d) => d.entries.filter((e) => e.kind === "block").length);
  const editorDays = await daySwitches(page, EDITOR_ENTRY, blocksPerDay);
  await firstDay(page, EDITOR_ENTRY);
  step("keyboard moves");
  const moves = await keyboardMoves(page);
  step("drags");
  const drag = await drags(page);
  await editor.context.close();
  return {
    publicMs: pub.ms,
    publicDays: median(publicDays),
    editorMs: editor.ms,
    editorDays: median(editorDays),
    editorWholeDays: median(editorDays.whole ?? []),
    moveMs: median(moves),
    dragLongest: Math.max(...drag.longest),
    dragCount: median(drag.count),
    raw: {
      publicLoads: pub.times,
      publicDays,
      editorLoads: editor.times,
      editorDays,
      moves,
      dragLongest: drag.longest,
    },
  };
}

export async function benchBrowser(input: BrowserBenchInput): Promise<void> {
  const big = await api<EventTimetable>(input, "GET", `/api/v1/events/${input.eventId}/timetable`);
  const floorId = await seedFloorEvent(input, big);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    // A first visit to warm the server's and the browser's start (not measured).
    const warm = await load(browser, input, `/events/${floorId}/timetable`, PUBLIC_ENTRY, false);
    await warm.context.close();
    const floor = await measure(browser, input, floorId);
    const seeded = await measure(browser, input, input.eventId);
    if (process.env.BENCH_VERBOSE) console.log(JSON.stringify({ floor: floor.raw, seeded: seeded.raw }));

    const scenario = "browser, seeded conference (2,000 contributions, 150 blocks, 10 rooms)";
    const floorLabel = "same, event with 1 block a day";
    const row = (metric: string, value: number, floorValue: number, target: number | null, unit = "ms") =>
      input.record({
        engine: input.engine,
        scenario,
        metric,
        value,
        unit,
        floor: floorValue,
        floorLabel,
        target: target === null ? "" : `< ${target} ${unit}`,
        met: target === null ? null : value < target,
      });
    row("public timetable usable (navigation → first entry painted), median", seeded.publicMs, floor.publicMs, 1500);
    row("editor usable (navigation → first handle painted), median", seeded.editorMs, floor.editorMs, 2000);
    row("day switch, public timetable (click → first entry painted), median", seeded.publicDays, floor.publicDays, 200);
    row("day switch, editor (click → first entry painted), median", seeded.editorDays, floor.editorDays, 200);
    // The rest of the day follows in a render React interrupts for input; said here so the figure above is whole.
    row(
      "day switch, editor (click → every block of the day drawn), median",
      seeded.editorWholeDays,
      floor.editorWholeDays,
      null,
    );
    row("keyboard move saved (Enter → new times shown), median", seeded.moveMs, floor.moveMs, 300);
    input.record({
      engine: input.engine,
      scenario,
      metric: "longest main-thread task while dragging a block (0: none over 50 ms)",
      value: seeded.dragLongest,
      unit: "ms",
      floor: floor.dragLongest,
      floorLabel,
      target: "none over 50 ms",
      met: seeded.dragLongest <= 50,
    });
    row("long tasks during one drag, median", seeded.dragCount, floor.dragCount, null, "tasks");
  } finally {
    await browser.close();
  }
}
