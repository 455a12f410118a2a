/**
 * CSV (RFC 4180) for spreadsheets: fields with a comma, quote or line break are quoted and quotes doubled, lines
 * end in CRLF, and a UTF-8 byte order mark lets Excel read accents. A cell that starts with `=`, `+`, `-`, `@`,
 * a tab or a carriage return gets a leading `'` so a spreadsheet shows it as text instead of running it as a
 * formula (OWASP "CSV injection").
 */

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
