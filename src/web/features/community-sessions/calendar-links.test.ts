import { describe, expect, it } from "vitest";
import { googleCalendarUrl, googleDate } from "./calendar-links";

describe("googleDate", () => {
  it("writes an instant in UTC without separators or milliseconds", () => {
    expect(googleDate("2026-03-10T17:30:00.000Z")).toBe("20260310T173000Z");
    expect(googleDate("2026-03-10T18:30:00+01:00")).toBe("20260310T173000Z");
  });

  it("refuses what is not an instant", () => {
    expect(() => googleDate("soon")).toThrow(RangeError);
  });
});

describe("googleCalendarUrl", () => {
  const url = new URL(
    googleCalendarUrl({
      title: "Tiny talks & big ideas",
      startsAt: "2026-07-01T16:00:00Z",
      endsAt: "2026-07-01T16:45:00Z",
      timeZone: "America/New_York",
      pageUrl: "https://convene.example.org/sessions/abc",
    }),
  );

  it("is Google's event template with the title, UTC dates, the zone and the session page", () => {
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe("Tiny talks & big ideas");
    expect(url.searchParams.get("dates")).toBe("20260701T160000Z/20260701T164500Z");
    expect(url.searchParams.get("ctz")).toBe("America/New_York");
    expect(url.searchParams.get("details")).toBe("https://convene.example.org/sessions/abc");
  });

  it("carries nothing else (never the meeting URL)", () => {
    expect([...url.searchParams.keys()].sort()).toEqual(["action", "ctz", "dates", "details", "text"]);
  });
});
