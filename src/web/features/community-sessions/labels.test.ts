import { describe, expect, it } from "vitest";
import { formatDuration, roleList } from "./labels";

describe("roleList", () => {
  it("names roles in roster order", () => {
    expect(roleList(["guest", "presenter"])).toBe("Presenter, Guest");
    expect(roleList([])).toBe("");
  });
});

describe("formatDuration", () => {
  it("reads as people say it", () => {
    expect(formatDuration(45)).toBe("45 minutes");
    expect(formatDuration(1)).toBe("1 minute");
    expect(formatDuration(60)).toBe("1 hour");
    expect(formatDuration(90)).toBe("1 hour 30 minutes");
    expect(formatDuration(720)).toBe("12 hours");
  });
});
