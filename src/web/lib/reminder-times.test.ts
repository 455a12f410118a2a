import { describe, expect, it } from "vitest";
import { formatReminderTime, formatReminderTimes, parseMinutes, parseReminderTime } from "./reminder-times";

const minutes = (text: string) => {
  const parsed = parseReminderTime(text);
  return parsed.ok ? parsed.minutes : parsed.message;
};

describe("parseReminderTime", () => {
  it("reads the ways people write a time before the start", () => {
    expect(minutes("24h")).toBe(1440);
    expect(minutes("1h")).toBe(60);
    expect(minutes("3d")).toBe(4320);
    expect(minutes("90m")).toBe(90);
    expect(minutes("2 hours")).toBe(120);
    expect(minutes(" 1 Hour ")).toBe(60);
    expect(minutes("90 min")).toBe(90);
    expect(minutes("45")).toBe(45);
    expect(minutes("1h 30m")).toBe(90);
    expect(minutes("1.5h")).toBe(90);
    expect(minutes("1,5 h")).toBe(90);
    expect(minutes("2 days")).toBe(2880);
    expect(minutes("1 week")).toBe(10080);
  });

  it("reads back what it shows", () => {
    for (const m of [1, 59, 60, 90, 1440, 2160, 2880, 4320, 43200]) expect(minutes(formatReminderTime(m))).toBe(m);
  });

  it("refuses with the shared rule, naming what was typed", () => {
    expect(minutes("0m")).toBe("“0m” must be at least 1 minute before the start");
    expect(minutes("40d")).toBe("“40d” must be at most 30 days before the start");
    expect(minutes("0.5m")).toBe("“0.5m” is not whole minutes before the start");
    expect(minutes("soon")).toBe("“soon” is not a time: write it as 24h, 90m or 3d");
    expect(minutes("3 fortnights")).toBe("“3 fortnights” is not a time: write it as 24h, 90m or 3d");
    expect(minutes("-1h")).toBe("“-1h” is not a time: write it as 24h, 90m or 3d");
    expect(minutes("  ")).toBe("Write a time, such as 24h, 90m or 3d");
  });
});

describe("formatReminderTime", () => {
  it("shows days from two whole days, then hours, then minutes", () => {
    expect(formatReminderTime(1440)).toBe("24 h");
    expect(formatReminderTime(60)).toBe("1 h");
    expect(formatReminderTime(4320)).toBe("3 days");
    expect(formatReminderTime(2880)).toBe("2 days");
    expect(formatReminderTime(2160)).toBe("36 h");
    expect(formatReminderTime(90)).toBe("90 min");
    expect(formatReminderTime(1)).toBe("1 min");
  });

  it("lists the latest first", () => {
    expect(formatReminderTimes([60, 1440])).toBe("24 h, 1 h");
    expect(formatReminderTimes([])).toBe("");
  });
});

describe("parseMinutes", () => {
  it("reads any length of time in whole minutes, and nothing else", () => {
    expect(parseMinutes("12h")).toBe(720);
    expect(parseMinutes("2h")).toBe(120);
    expect(parseMinutes("1 week")).toBe(10080);
    expect(parseMinutes("1m")).toBe(1);
    expect(parseMinutes("0.5m")).toBeNull();
    expect(parseMinutes("soon")).toBeNull();
    expect(parseMinutes("")).toBeNull();
  });
});
