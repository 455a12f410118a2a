import type { Contribution } from "../src/shared/schemas/conference-contributions";
import type { ConferenceEvent } from "../src/shared/schemas/conference-events";
import type { ConferenceSession, SessionBlock } from "../src/shared/schemas/timetable";
import { apiAs } from "./admin-api";
import { createMember, expect, expectNoA11yViolations, signIn, test } from "./fixtures";

// Issue #14 item 2: the header's My sessions shows, beside one's community sessions, the conference sessions one
// coordinates and the talks one gives, each with its time in one's own zone (the event's beside it) and a link to
// its page. Reykjavik keeps UTC all year and the browser reads Paris, so the zones differ on any date of the run.

const ZONE = "Atlantic/Reykjavik";
const dayFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("a speaker who also coordinates a session finds both in My sessions, in their own zone, and follows the links", async ({
  page,
  browser,
  server,
}) => {
  test.setTimeout(90_000);
  await signIn(page, server.admin!, "Administrator");
  const api = apiAs(page);
  const day = dayFromNow(20);
  const event = await api.post<ConferenceEvent>("/api/v1/events", {
    title: "Crystal Growth Workshop",
    startAt: `${day}T08:00:00Z`,
    endAt: `${day}T18:00:00Z`,
    timeZone: ZONE,
    timetablePublished: true,
  });
  const nucleation = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, { title: "Nucleation" });
  const growth = await api.post<ConferenceSession>(`/api/v1/events/${event.id}/sessions`, { title: "Growth" });
  await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${nucleation.id}/blocks`, {
    startAt: `${day}T09:00:00Z`,
    durationMinutes: 90,
  });
  const growthBlock = await api.post<SessionBlock>(`/api/v1/events/${event.id}/sessions/${growth.id}/blocks`, {
    startAt: `${day}T11:00:00Z`,
    durationMinutes: 60,
  });
  const grace = await createMember(server, "Grace Hopper");
  await api.put(`/api/v1/events/${event.id}/sessions/${nucleation.id}/protection`, {
    visibility: "inheriting",
    managers: [],
    coordinators: [grace.email],
    accessList: [],
  });
  const talk = await api.post<Contribution>(`/api/v1/events/${event.id}/contributions`, {
    title: "Crystal habit",
    sessionId: growth.id,
    blockId: growthBlock.id,
    startAt: `${day}T11:00:00Z`,
    durationMinutes: 20,
    speakers: [{ name: "Grace Hopper", email: grace.email }],
  });

  const context = await browser.newContext({ baseURL: server.baseUrl, timezoneId: "Europe/Paris" });
  try {
    const speaker = await context.newPage();
    await signIn(speaker, grace, "Grace Hopper");
    await speaker.getByRole("banner").getByRole("link", { name: "My sessions" }).click();
    await expect(speaker.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();

    // The Conferences part lists the session she coordinates and the talk she gives, by time.
    const conferences = speaker.getByRole("region", { name: "Conferences" });
    const cards = conferences.getByRole("article");
    await expect(cards).toHaveCount(2);
    const session = conferences.getByRole("article", { name: "Nucleation" });
    const contribution = conferences.getByRole("article", { name: "Crystal habit" });
    await expect(cards.first()).toHaveAccessibleName("Nucleation");
    await expect(session).toContainText("Coordinator");
    await expect(session).toContainText("Next block:");
    await expect(session.locator("time")).toHaveAttribute("datetime", `${day}T09:00:00.000Z`);
    await expect(contribution).toContainText("Speaker");
    await expect(contribution).toContainText("Crystal Growth Workshop · Growth");
    await expect(contribution.locator("time")).toHaveAttribute("datetime", `${day}T11:00:00.000Z`);
    // In her zone, named, with the event's beside it.
    await expect(contribution).toContainText("(Europe/Paris)");
    await expect(contribution).toContainText(`(${ZONE})`);
    // Her community part is as before: nothing registered yet.
    await expect(speaker.getByText("You have not registered for any session yet.")).toBeVisible();
    await expectNoA11yViolations(speaker, "My sessions with conferences");
    await speaker.setViewportSize({ width: 390, height: 844 });
    await expectNoA11yViolations(speaker, "My sessions with conferences on a phone");
    await speaker.setViewportSize({ width: 1280, height: 720 });

    // Each links to its page.
    await contribution.getByRole("link", { name: "Crystal habit" }).click();
    await expect(speaker).toHaveURL(new RegExp(`/events/${event.id}/contributions/${talk.id}$`));
    await expect(speaker.getByRole("heading", { level: 1, name: "Crystal habit" })).toBeVisible();
    await speaker.goBack();
    await conferences.getByRole("link", { name: "Nucleation" }).click();
    await expect(speaker).toHaveURL(new RegExp(`/events/${event.id}/sessions/${nucleation.id}$`));
    await expect(speaker.getByRole("heading", { level: 1, name: "Nucleation" })).toBeVisible();
  } finally {
    await context.close();
  }

  // Someone who holds nothing in a conference sees no Conferences part at all.
  const answered = page.waitForResponse((res) => res.url().endsWith("/api/v1/me/conference") && res.ok());
  await page.getByRole("banner").getByRole("link", { name: "My sessions" }).click();
  await answered;
  await expect(page.getByRole("heading", { level: 1, name: "My sessions" })).toBeVisible();
  await expect(page.getByText("You have not registered for any session yet.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Conferences" })).toHaveCount(0);
});
