// The sign-in page sends people back to `?next=` after signing in. Whatever a link puts there, they must stay on
// this site (src/shared/next-path.ts; the sign-up confirmation link carries it too).
import { describe, expect, it } from "vitest";
import { safeNext } from "../../src/shared/next-path";

const SITE = "https://convene.test";
/** Where a browser goes when the app navigates to `path` from the sign-in page. */
const destination = (path: string) => new URL(path, `${SITE}/sign-in`);

describe("sign-in ?next= (open redirect)", () => {
  it("keeps paths inside the app as they are", () => {
    expect(safeNext("/sessions/42?tab=participants")).toBe("/sessions/42?tab=participants");
    expect(safeNext(null)).toBe("/");
  });

  it("never sends the browser to another site, whatever ?next= holds", () => {
    // URLSearchParams.get() hands these over already decoded, as a link would carry them percent-encoded.
    const hostile = [
      "https://evil.example/",
      "//evil.example/",
      "javascript:alert(1)",
      "/\\evil.example/", // browsers read a backslash as a slash: //evil.example
      "/\t/evil.example/", // tabs and newlines are removed from URLs: //evil.example
      "/\n/evil.example/",
    ];
    for (const next of hostile) {
      expect.soft(destination(safeNext(next)).origin, `next=${JSON.stringify(next)}`).toBe(SITE);
    }
  });
});
