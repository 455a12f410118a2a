import { describe, expect, it } from "vitest";
import { pooledSmtpUrl } from "./transport";

describe("SMTP connection pooling", () => {
  it("pools connections by default, keeping the rest of SMTP_URL", () => {
    const url = new URL(pooledSmtpUrl("smtp://user:secret@mail.example.org:587?ignoreTLS=true"));
    expect(url.searchParams.get("pool")).toBe("true");
    expect(url.searchParams.get("maxConnections")).toBe("5");
    expect(url.searchParams.get("ignoreTLS")).toBe("true");
    expect(`${url.username}:${url.password}@${url.host}`).toBe("user:secret@mail.example.org:587");
  });

  it("leaves settings the operator chose", () => {
    const url = new URL(pooledSmtpUrl("smtps://mail.example.org?pool=false&maxConnections=2"));
    expect(url.searchParams.get("pool")).toBe("false");
    expect(url.searchParams.get("maxConnections")).toBe("2");
  });
});
