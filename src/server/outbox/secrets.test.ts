import { describe, expect, it } from "vitest";
import { redactedPayloadText, SECRET_MASK, withoutSecrets } from "./secrets";

const TOKEN = "Ab3_-xYz0123456789abcdefghijklmnopqrstuvwx";

describe("secrets in outbox payloads", () => {
  const email = {
    to: "ada@example.test",
    subject: "Reset your password",
    text: `Choose a new password: http://convene.test/reset-password?token=${TOKEN}`,
    html: `<a href="http://convene.test/reset-password?token=${TOKEN}&amp;invited=1">Choose</a>`,
    attachments: [{ filename: "a.txt", content: `again ${TOKEN}`, contentType: "text/plain" }],
    secrets: [TOKEN],
  };

  it("masks every listed secret wherever it appears, and drops the list", () => {
    const masked = withoutSecrets(email);
    expect(JSON.stringify(masked)).not.toContain(TOKEN);
    expect(masked.text).toBe(`Choose a new password: http://convene.test/reset-password?token=${SECRET_MASK}`);
    expect(masked.html).toContain(`token=${SECRET_MASK}&amp;invited=1`);
    expect(masked.attachments[0]?.content).toBe(`again ${SECRET_MASK}`);
    expect("secrets" in masked).toBe(false);
    expect(masked.subject).toBe(email.subject);
  });

  it("masks the URL-encoded form of a secret too", () => {
    const secret = "a/b+c=d e&f";
    const masked = withoutSecrets({ text: `x?token=${encodeURIComponent(secret)}`, secrets: [secret] });
    expect(masked.text).toBe(`x?token=${SECRET_MASK}`);
  });

  it("ignores empty and short strings in the list rather than garbling the message", () => {
    const masked = withoutSecrets({ text: "hello world", secrets: ["", "o"] });
    expect(masked.text).toBe("hello world");
  });

  it("rewrites a stored payload only when it lists secrets", () => {
    const stored = redactedPayloadText(JSON.stringify(email));
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(TOKEN);
    expect(JSON.parse(stored as string).to).toBe("ada@example.test");
    expect(redactedPayloadText(JSON.stringify({ to: "x", text: "no secrets" }))).toBeNull();
    expect(redactedPayloadText(JSON.stringify({ sessionId: "42" }))).toBeNull();
    expect(redactedPayloadText("not json")).toBeNull();
  });
});
