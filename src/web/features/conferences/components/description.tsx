import { Text, Typography } from "@mantine/core";

/**
 * A description written in Markdown. The server renders it with raw HTML switched off and sends it as
 * `descriptionHtml` (docs/decisions.md); without that, the text is shown as plain text with its line breaks, never
 * as HTML.
 */
export function Description({ html, text, testId }: { html?: string; text: string; testId?: string }) {
  if (html) {
    return (
      <Typography maw={760} data-testid={testId}>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered Markdown with raw HTML off */}
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </Typography>
    );
  }
  if (!text.trim()) return null;
  return (
    <Text maw={760} style={{ whiteSpace: "pre-line" }} data-testid={testId}>
      {text}
    </Text>
  );
}
