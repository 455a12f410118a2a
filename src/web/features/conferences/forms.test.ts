import { describe, expect, it } from "vitest";
import { OptionalNumber, RequiredNumber } from "./forms";

// A duration field hands on what was typed; these turn it into the API's number without changing it (issue 13).
describe("OptionalNumber", () => {
  it("keeps numbers as typed, signs and decimals included, for the API's rule to judge", () => {
    expect(OptionalNumber.parse(-30)).toBe(-30);
    expect(OptionalNumber.parse(12.5)).toBe(12.5);
    expect(OptionalNumber.parse("12.")).toBe(12);
    expect(OptionalNumber.parse(0)).toBe(0);
  });

  it("leaves an empty field to the API's default and refuses text that is no number", () => {
    expect(OptionalNumber.parse("")).toBeUndefined();
    expect(OptionalNumber.parse("  ")).toBeUndefined();
    expect(OptionalNumber.safeParse("-").error?.issues[0]?.message).toBe("must be a number");
  });
});

describe("RequiredNumber", () => {
  it("refuses an empty field instead of giving it a default", () => {
    expect(RequiredNumber.safeParse("").error?.issues[0]?.message).toBe("is required");
    expect(RequiredNumber.parse(45)).toBe(45);
  });
});
