import { describe, expect, it } from "vitest";
import { passwordWeakness } from "./passwords";

describe("password rules beyond length", () => {
  it("refuses passwords from leaked-password lists, whatever their case", () => {
    expect(passwordWeakness("Password123", "ann@example.org")).toMatch(/too common/);
    expect(passwordWeakness("1234567890", "ann@example.org")).toMatch(/too common/);
  });

  it("refuses passwords that are essentially the email address", () => {
    expect(passwordWeakness("jane.doe2024", "jane.doe@example.org")).toMatch(/too close to your email/);
    expect(passwordWeakness("xx jane.doe@example.org", "jane.doe@example.org")).toMatch(/contain your email/);
  });

  it("accepts a passphrase that merely contains a word of the address", () => {
    expect(passwordWeakness("a long admin passphrase", "admin@example.org")).toBeNull();
  });

  it("refuses one or two repeated characters", () => {
    expect(passwordWeakness("abababababab", "x@example.org")).toMatch(/too easy/);
  });
});
