import type { SiteSettings } from "../site/settings";

export function escapeHtml(s: string): string {
  return s
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** One paragraph of an email: plain text, or a link with its label. */
export type Block = string | { link: string; label: string } | { lines: [string, string][] };

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

/**
 * Every email: the Site Name as brand, the blocks, and the footer with the Physical Address when set
 * (community.md, Emails). Plain text and HTML say the same thing.
 */
export function renderEmail(site: SiteSettings, subject: string, blocks: Block[]): Rendered {
  const footerText = [site.siteName, site.physicalAddress].filter(Boolean).join("\n");
  const text = [
    ...blocks.map((b) =>
      typeof b === "string"
        ? b
        : "link" in b
          ? `${b.label}: ${b.link}`
          : b.lines.map(([k, v]) => `${k}: ${v}`).join("\n"),
    ),
    "--",
    footerText,
  ].join("\n\n");
  const htmlBlocks = blocks
    .map((b) => {
      if (typeof b === "string") return `<p>${escapeHtml(b).replaceAll("\n", "<br>")}</p>`;
      if ("link" in b) return `<p><a href="${escapeHtml(b.link)}">${escapeHtml(b.label)}</a></p>`;
      const rows = b.lines
        .map(
          ([k, v]) =>
            `<tr><th align="left" style="padding-right:12px">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
        )
        .join("");
      return `<table role="presentation">${rows}</table>`;
    })
    .join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1b1e">
<h1 style="font-size:18px">${escapeHtml(site.siteName)}</h1>
${htmlBlocks}
<hr><p style="color:#555;font-size:12px">${escapeHtml(footerText).replaceAll("\n", "<br>")}</p>
</body></html>`;
  return { subject, text, html };
}
