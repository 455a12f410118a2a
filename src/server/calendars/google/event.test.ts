import { describe, expect, it } from "vitest";
import { googleEventBody } from "./event";

const session = {
  id: "0b6f0c1e-7f43-4c8e-9d0a-5a3f2b1c4d5e",
  title: "Microtalks",
  description: "",
  startsAt: "2026-03-10T22:30:00Z",
  endsAt: "2026-03-10T23:15:00Z",
  timeZone: "America/New_York",
  cancelled: false,
};

const lines = (participants: Parameters<typeof googleEventBody>[1]) =>
  (googleEventBody(session, participants, "https://convene.test/sessions/x").description ?? "").split("\n");

describe("the Google Calendar event's description", () => {
  it("names each role in the singular for one person and in the plural for several", () => {
    expect(
      lines([
        { name: "Hana Host", role: "host", presenterOrder: null },
        { name: "Pia", role: "presenter", presenterOrder: 2 },
        { name: "Pat", role: "presenter", presenterOrder: 1 },
        { name: "Ivo", role: "interviewer", presenterOrder: null },
        { name: "Gus", role: "guest", presenterOrder: null },
      ]),
    ).toEqual(["Host: Hana Host", "Presenters: Pat, Pia", "Interviewer: Ivo", "Guest: Gus", "", expect.any(String)]);
    expect(
      lines([
        { name: "Pat", role: "presenter", presenterOrder: 1 },
        { name: "Gus", role: "guest", presenterOrder: null },
        { name: null, role: "guest", presenterOrder: null },
      ]),
    ).toEqual(["Presenter: Pat", "Guests: Gus, (name not given yet)", "", expect.any(String)]);
  });

  it("says when nobody takes part yet, and never shows the meeting details", () => {
    const body = googleEventBody(session, [], "https://convene.test/sessions/x");
    expect(body.description).toBe("No participants yet.\n\nSession page: https://convene.test/sessions/x");
  });
});
