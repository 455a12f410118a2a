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
