import { describe, expect, it } from "vitest";
import { backoffMs } from "./backoff";

describe("outbox backoff", () => {
  it("doubles from 10 seconds and stops growing at one hour", () => {
    const mid = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((a) => backoffMs(a, mid))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(backoffMs(20, mid)).toBe(3_600_000);
  });

  it("spreads retries by ±20 % so failures do not retry in lockstep", () => {
    expect(backoffMs(1, () => 0)).toBe(8_000);
    expect(backoffMs(1, () => 1)).toBe(12_000);
  });
});
