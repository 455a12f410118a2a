import { describe, expect, it } from "vitest";
import { redactSecrets } from "./log-redaction";

describe("redactSecrets", () => {
  it("hides the credentials that ride in URLs: feed and offer path tokens, secret query values", () => {
    expect(redactSecrets("/api/v1/community/offers/AbC-123_xyz/accept")).toBe(
      "/api/v1/community/offers/[redacted]/accept",
    );
    expect(redactSecrets("/offers/AbC-123_xyz")).toBe("/offers/[redacted]");
    expect(redactSecrets("/feeds/secret123/me.ics")).toBe("/feeds/[redacted]/me.ics");
    expect(redactSecrets("/reset-password?token=abc&next=/")).toBe("/reset-password?token=[redacted]&next=/");
    expect(redactSecrets("/api/v1/community/sessions/abc")).toBe("/api/v1/community/sessions/abc");
  });
});
