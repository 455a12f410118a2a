import { describe, expect, it } from "vitest";
import {
  DEFAULT_REMINDERS,
  minutesText,
  reminderDueAt,
  reminderIsStale,
  reminderPlan,
  reminderRecipients,
  remindersToSchedule,
  remindsOf,
} from "./reminders";

const ALL = ["host", "presenter", "interviewer", "guest"];

describe("reminderPlan", () => {
  it("reminds every role 24 hours and 1 hour before by default", () => {
    expect(reminderPlan(DEFAULT_REMINDERS, null)).toEqual([
      { minutesBefore: 1440, roles: ALL },
      { minutesBefore: 60, roles: ALL },
    ]);
  });

  it("adds a role's own times, and merges a time listed twice into one reminder", () => {
    const settings = { defaultMinutes: [1440, 60], roleMinutes: { presenter: [4320, 60], host: [30] } };
    expect(reminderPlan(settings, null)).toEqual([
      { minutesBefore: 4320, roles: ["presenter"] },
      { minutesBefore: 1440, roles: ALL },
      { minutesBefore: 60, roles: ALL },
      { minutesBefore: 30, roles: ["host"] },
    ]);
  });

  it("uses a session's own list instead of the site's defaults, keeping the roles' extra times; an empty list sends none but those", () => {
    const settings = { defaultMinutes: [1440, 60], roleMinutes: { presenter: [4320] } };
    expect(reminderPlan(settings, [120])).toEqual([
      { minutesBefore: 4320, roles: ["presenter"] },
      { minutesBefore: 120, roles: ALL },
    ]);
    expect(reminderPlan(settings, [])).toEqual([{ minutesBefore: 4320, roles: ["presenter"] }]);
  });
});

describe("when reminders are due and for whom", () => {
  const start = "2026-06-10T18:00:00.000Z";

  it("reminds only of sessions that will take place, registration closed or not, with a start", () => {
    for (const status of ["open", "full", "closed"] as const) expect(remindsOf(status, start)).toBe(true);
    for (const status of ["draft", "cancelled"] as const) expect(remindsOf(status, start)).toBe(false);
    expect(remindsOf("open", null)).toBe(false);
  });

  it("schedules the reminders not yet due, at the start minus their minutes", () => {
    const plan = reminderPlan(DEFAULT_REMINDERS, null);
    expect(reminderDueAt(start, 60)).toBe("2026-06-10T17:00:00.000Z");
    expect(remindersToSchedule(plan, start, new Date("2026-06-09T12:00:00Z")).map((r) => r.dueAt)).toEqual([
      "2026-06-09T18:00:00.000Z",
      "2026-06-10T17:00:00.000Z",
    ]);
    // Opened 30 minutes before the start: no reminder is sent late.
    expect(remindersToSchedule(plan, start, new Date("2026-06-10T17:30:00Z"))).toEqual([]);
    // Exactly at a due time it is too late too.
    expect(remindersToSchedule(plan, start, new Date("2026-06-10T17:00:00Z"))).toEqual([]);
  });

  it("goes to the active participants of its roles who registered before it was due, and to each once", () => {
    const p = (user_id: string, role: string, created_at: string) => ({ user_id, role, created_at }) as never;
    const people = [
      p("early-guest", "guest", "2026-06-01T10:00:00Z"),
      p("presenter", "presenter", "2026-06-01T10:00:00Z"),
      p("late-guest", "guest", "2026-06-10T17:10:00Z"),
      p("on-time", "guest", "2026-06-10T17:00:00Z"),
      p("told", "guest", "2026-06-01T10:00:00Z"),
    ];
    const due = { roles: ["guest"] as never[], dueAt: "2026-06-10T17:00:00.000Z" };
    expect(reminderRecipients(people, due, new Set(["told"])).map((x: { user_id: string }) => x.user_id)).toEqual([
      "early-guest",
      "on-time",
    ]);
  });

  it("drops a reminder reached too late: once the next one's time has come, or the session has started", () => {
    const plan = reminderPlan(DEFAULT_REMINDERS, null);
    const day = { minutesBefore: 1440, startsAt: start };
    expect(reminderIsStale(plan, day, new Date("2026-06-09T18:05:00Z"))).toBe(false);
    expect(reminderIsStale(plan, day, new Date("2026-06-10T16:59:00Z"))).toBe(false);
    expect(reminderIsStale(plan, day, new Date("2026-06-10T17:00:00Z"))).toBe(true);
    const hour = { minutesBefore: 60, startsAt: start };
    expect(reminderIsStale(plan, hour, new Date("2026-06-10T17:59:00Z"))).toBe(false);
    expect(reminderIsStale(plan, hour, new Date("2026-06-10T18:00:00Z"))).toBe(true);
  });

  it("says how long before in words", () => {
    expect([minutesText(1440), minutesText(60), minutesText(4320), minutesText(90), minutesText(2880)]).toEqual([
      "24 hours",
      "1 hour",
      "3 days",
      "90 minutes",
      "2 days",
    ]);
  });
});
