import { describe, expect, it } from "vitest";
import { markdownToPlainText, renderMarkdown } from "./markdown";

describe("Markdown descriptions", () => {
  it("renders emphasis, lists and links", () => {
    const html = renderMarkdown("**Bring** questions:\n\n- one\n- two\n\n[Agenda](https://example.org/a)");
    expect(html).toContain("<strong>Bring</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain(
      '<a href="https://example.org/a" rel="noopener noreferrer nofollow" target="_blank">Agenda</a>',
    );
  });

  it("shows HTML as text and drops script links", () => {
    const html = renderMarkdown("<script>alert(1)</script> <img src=x onerror=alert(1)> [click](javascript:alert(1))");
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("gives excerpts the words of HTML a writer typed, not its tags, comments or scripts", () => {
    expect(markdownToPlainText("<p>Hello <b>world</b>!</p>")).toBe("Hello world!");
    expect(markdownToPlainText("<div>\n<strong>Talks</strong>\n</div>\n\nFish &amp; chips")).toBe("Talks Fish & chips");
    expect(markdownToPlainText("One<br>two <!-- note --> <script>alert(1)</script>three")).toBe("One two three");
    expect(markdownToPlainText("Prices: 5 < 6 and **7 > 3**")).toBe("Prices: 5 < 6 and 7 > 3");
  });

  it("gives excerpts the words without the markup, hyphens and brackets kept", () => {
    expect(markdownToPlainText("## Four ten-minute talks (with Q&A)\n\n**Bring** an e-mail!")).toBe(
      "Four ten-minute talks (with Q&A) Bring an e-mail!",
    );
  });
});
