import { describe, expect, it } from "vitest";
import { type AgendaInput, impliedAgenda, OPENING_MINUTES } from "./agenda";

const DEFAULTS: AgendaInput = {
  startsAt: null,
  durationMinutes: 45,
  talkMinutes: 10,
  qaMinutes: 5,
  presenters: [],
  maxPresenters: 3,
};

const plan = (a: ReturnType<typeof impliedAgenda>) =>
  a.items.map((i) => `${i.startMinute}+${i.durationMinutes} ${i.kind} ${i.label}`);

describe("impliedAgenda", () => {
  it("fits the defaults exactly: 3 × (10 + 5) = 45, no warning", () => {
    const agenda = impliedAgenda(DEFAULTS);
    expect(agenda).toMatchObject({ neededMinutes: 45, durationMinutes: 45, overrunMinutes: 0, warning: null });
    expect(plan(agenda)).toEqual([
      "0+0 opening Opening by the host",
      "0+10 talk Presenter 1 (open)",
      "10+5 qa Q&A: Presenter 1 (open)",
      "15+10 talk Presenter 2 (open)",
      "25+5 qa Q&A: Presenter 2 (open)",
      "30+10 talk Presenter 3 (open)",
      "40+5 qa Q&A: Presenter 3 (open)",
    ]);
  });

  it("opens with the host and takes no time for it", () => {
    expect(OPENING_MINUTES).toBe(0);
    expect(impliedAgenda(DEFAULTS).items[0]).toMatchObject({ kind: "opening", slot: null, startMinute: 0 });
  });

  it("fills slots with the presenters in presentation order and leaves the rest open", () => {
    const agenda = impliedAgenda({
      ...DEFAULTS,
      presenters: [
        { name: "Ada Lovelace", talkTitle: "Notes on the Engine" },
        { name: "Grace Hopper", talkTitle: null },
      ],
    });
    expect(agenda.items.filter((i) => i.kind === "talk").map((i) => i.label)).toEqual([
      "Ada Lovelace: Notes on the Engine",
      "Grace Hopper",
      "Presenter 3 (open)",
    ]);
    expect(agenda.items[1]).toMatchObject({
      slot: 1,
      presenterName: "Ada Lovelace",
      talkTitle: "Notes on the Engine",
      isOpenSlot: false,
    });
    expect(agenda.items[2]).toMatchObject({ kind: "qa", slot: 1, label: "Q&A: Ada Lovelace" });
    expect(agenda.items.at(-1)).toMatchObject({ kind: "qa", slot: 3, isOpenSlot: true, presenterName: null });
  });

  it("names a filled slot by its number when the presenter has no name", () => {
    const agenda = impliedAgenda({ ...DEFAULTS, presenters: [{ name: null, talkTitle: "Untitled" }] });
    expect(agenda.items[1]).toMatchObject({ label: "Presenter 1: Untitled", isOpenSlot: false });
    const blank = impliedAgenda({ ...DEFAULTS, presenters: [{ name: "  ", talkTitle: " " }] });
    expect(blank.items[1]).toMatchObject({ label: "Presenter 1", presenterName: null, talkTitle: null });
  });

  it("warns, without blocking, when the talks outrun the Duration", () => {
    const agenda = impliedAgenda({ ...DEFAULTS, talkMinutes: 12, qaMinutes: 5, durationMinutes: 45 });
    expect(agenda).toMatchObject({
      neededMinutes: 51,
      overrunMinutes: 6,
      warning: "The talks need 51 minutes but the session lasts 45.",
    });
    expect(agenda.items).toHaveLength(7);
  });

  it("matches the spec's example of an overrun", () => {
    const agenda = impliedAgenda({ ...DEFAULTS, maxPresenters: 5, talkMinutes: 5, qaMinutes: 5 });
    expect(agenda.warning).toBe("The talks need 50 minutes but the session lasts 45.");
    expect(agenda.overrunMinutes).toBe(5);
  });

  it("does not warn when the talks end before the Duration", () => {
    expect(impliedAgenda({ ...DEFAULTS, durationMinutes: 60 })).toMatchObject({ overrunMinutes: 0, warning: null });
  });

  it("leaves out Q&A items when Q&A Duration is 0", () => {
    const agenda = impliedAgenda({ ...DEFAULTS, qaMinutes: 0 });
    expect(plan(agenda)).toEqual([
      "0+0 opening Opening by the host",
      "0+10 talk Presenter 1 (open)",
      "10+10 talk Presenter 2 (open)",
      "20+10 talk Presenter 3 (open)",
    ]);
    expect(agenda.neededMinutes).toBe(30);
  });

  it("is just the opening when there are no presenter slots", () => {
    const agenda = impliedAgenda({ ...DEFAULTS, maxPresenters: 0 });
    expect(plan(agenda)).toEqual(["0+0 opening Opening by the host"]);
    expect(agenda).toMatchObject({ neededMinutes: 0, warning: null });
  });

  it("shows every presenter even if the data holds more than Max Presenters", () => {
    const agenda = impliedAgenda({
      ...DEFAULTS,
      maxPresenters: 1,
      presenters: [
        { name: "A", talkTitle: null },
        { name: "B", talkTitle: null },
      ],
    });
    expect(agenda.items.filter((i) => i.kind === "talk").map((i) => i.label)).toEqual(["A", "B"]);
  });

  it("gives instants when the start is known, and none otherwise", () => {
    expect(impliedAgenda(DEFAULTS).items[1]).toMatchObject({ startsAt: null, endsAt: null });
    const agenda = impliedAgenda({ ...DEFAULTS, startsAt: "2030-06-01T10:00:00-04:00" });
    expect(agenda.items[0]).toMatchObject({ startsAt: "2030-06-01T14:00:00.000Z", endsAt: "2030-06-01T14:00:00.000Z" });
    expect(agenda.items.at(-1)).toMatchObject({
      startsAt: "2030-06-01T14:40:00.000Z",
      endsAt: "2030-06-01T14:45:00.000Z",
    });
  });

  it("rejects a start that is not an instant", () => {
    expect(() => impliedAgenda({ ...DEFAULTS, startsAt: "soon" })).toThrow(RangeError);
  });
});
