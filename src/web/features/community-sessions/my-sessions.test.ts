import { describe, expect, it } from "vitest";
import type { MyRegistrationList, SessionCard } from "../../../shared/schemas/community-sessions";
import { attendanceLine, onePerSession, splitByTime } from "./my-sessions";

type Item = MyRegistrationList["registrations"][number];

function item(id: string, startsAt: string | null, status: Item["status"] = "registered"): Item {
  const endsAt = startsAt ? new Date(Date.parse(startsAt) + 45 * 60_000).toISOString() : null;
  const session = { id, title: id, startsAt, endsAt, timeZone: "UTC" } as SessionCard;
  return { session, role: "guest", status };
}

describe("onePerSession", () => {
  it("keeps the active registration of a session over a cancelled one, in either order", () => {
    const a = [item("s1", null, "cancelled"), item("s1", null, "registered")];
    expect(onePerSession(a).map((i) => i.status)).toEqual(["registered"]);
    expect(onePerSession([...a].reverse()).map((i) => i.status)).toEqual(["registered"]);
  });

  it("keeps a cancelled registration when it is the only one", () => {
    expect(onePerSession([item("s1", null, "cancelled"), item("s2", null)]).map((i) => i.session.id)).toEqual([
      "s1",
      "s2",
    ]);
  });
});

describe("splitByTime", () => {
  const now = Date.parse("2026-05-01T12:00:00Z");

  it("puts sessions that have not ended under upcoming, soonest first, and the rest under past, latest first", () => {
    const { upcoming, past } = splitByTime(
      [
        item("later", "2026-06-01T10:00:00Z"),
        item("old", "2026-01-01T10:00:00Z"),
        item("now", "2026-05-01T11:30:00Z"),
        item("soon", "2026-05-02T10:00:00Z"),
        item("older", "2025-01-01T10:00:00Z"),
        item("undated", null),
      ],
      now,
    );
    expect(upcoming.map((i) => i.session.id)).toEqual(["now", "soon", "later", "undated"]);
    expect(past.map((i) => i.session.id)).toEqual(["old", "older"]);
  });
});

describe("attendanceLine", () => {
  it("says nothing before any session is wrapped up", () => {
    expect(attendanceLine(0, 0)).toBeNull();
  });
  it("counts sessions and no-shows, singular and plural", () => {
    expect(attendanceLine(1, 0)).toBe("You attended 1 session; 0 no-shows");
    expect(attendanceLine(3, 1)).toBe("You attended 3 sessions; 1 no-show");
  });
});
