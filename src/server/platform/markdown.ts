import MarkdownIt from "markdown-it";

// Raw HTML off: anything that looks like a tag is shown as text. markdown-it also refuses javascript:,
// vbscript: and data: links (except images). Links open in a new tab without giving it this page.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false });
const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet("rel", "noopener noreferrer nofollow");
  tokens[idx]?.attrSet("target", "_blank");
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** User-written Markdown (session descriptions) as HTML that is safe to insert into a page. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

// Excerpts read HTML that a writer typed as markup, not as words (issue 13, 8: cards showed "<p>Hello</p>"): this
// parser sees tags, so they can be dropped and the words between them kept. Its output is never rendered.
const plain = new MarkdownIt({ html: true, linkify: true, breaks: true, typographer: false });

/** Elements whose content is not words a reader would see. */
const HIDDEN_ELEMENT = /<(script|style|template|textarea)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/** Tags that separate words (a line break, a block); inline ones such as <b> or <a> do not. */
const BREAKING_TAG = /^(br|p|div|li|ul|ol|h[1-6]|hr|tr|td|th|table|blockquote|pre|section|article)$/;

/** The words of a block of HTML: comments, hidden elements and tags dropped, entities decoded. */
function wordsOfHtml(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(HIDDEN_ELEMENT, " ")
    .replace(/<\/?([a-z][a-z0-9-]*)[^>]*>/gi, (_tag, name: string) =>
      BREAKING_TAG.test(name.toLowerCase()) ? " " : "",
    );
  return plain.utils.unescapeAll(text);
}

/**
 * The words of a Markdown text without its markup, for excerpts ("Four ten-minute talks (with Q&A)"). HTML tags
 * are markup too: dropped, with the text between them kept.
 */
export function markdownToPlainText(text: string): string {
  const words: string[] = [];
  for (const token of plain.parse(text, {})) {
    if (token.type === "html_block") words.push(wordsOfHtml(token.content));
    if (token.type !== "inline") {
      words.push(" ");
      continue;
    }
    let hiddenUntil: string | null = null;
    for (const child of token.children ?? []) {
      if (child.type === "html_inline") {
        const tag = /^<(\/?)([a-z][a-z0-9-]*)/i.exec(child.content);
        const name = tag?.[2]?.toLowerCase() ?? "";
        if (hiddenUntil !== null) {
          if (tag?.[1] === "/" && name === hiddenUntil) hiddenUntil = null;
        } else if (tag?.[1] === "" && ["script", "style", "template", "textarea"].includes(name)) {
          hiddenUntil = name;
        } else if (BREAKING_TAG.test(name)) {
          words.push(" ");
        }
        continue;
      }
      if (hiddenUntil !== null) continue;
      if (child.type === "text" || child.type === "code_inline") words.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") words.push(" ");
    }
    words.push(" ");
  }
  return words.join("").replace(/\s+/g, " ").trim();
}
