import { describe, expect, it } from "vitest";
import type { MyRegistrationList, SessionCard } from "../../../shared/schemas/community-sessions";
import { attendanceLine, onePerSession, splitByTime, waitingBySession, waitingText } from "./my-sessions";

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

describe("the Waiting list", () => {
  const waiting = (id: string, startsAt: string | null) => ({
    session: { id, startsAt } as SessionCard,
    waitlist: {
      entryId: id,
      role: "presenter" as const,
      status: "waiting" as const,
      position: 1,
      offerExpiresAt: null,
      reason: null,
    },
  });

  it("lists the sessions soonest first, undated last", () => {
    const sorted = waitingBySession([
      waiting("later", "2026-06-01T10:00:00Z"),
      waiting("undated", null),
      waiting("soon", "2026-05-02T10:00:00Z"),
    ]);
    expect(sorted.map((w) => w.session.id)).toEqual(["soon", "later", "undated"]);
  });

  it("says where you stand, or that a place is offered", () => {
    expect(waitingText({ status: "waiting", role: "presenter", position: 2 })).toBe("2nd in line for Presenter");
    expect(waitingText({ status: "offered", role: "guest", position: null })).toBe("Guest place offered until");
  });
});
