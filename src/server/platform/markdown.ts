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

/** The words of a Markdown text without its markup, for excerpts ("Four ten-minute talks (with Q&A)"). */
export function markdownToPlainText(text: string): string {
  const words: string[] = [];
  for (const token of md.parse(text, {})) {
    if (token.type !== "inline") continue;
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") words.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") words.push(" ");
    }
    words.push(" ");
  }
  return words.join("").replace(/\s+/g, " ").trim();
}
