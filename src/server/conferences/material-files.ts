/**
 * What a session material file may be called and what it may contain (conferences.md, Materials: "type and name
 * checked"). Pure: the upload route and operation apply these to what the browser sent.
 */

/** Accepted files by extension: documents, slides, spreadsheets, images and archives, with their stored type. */
export const ACCEPTED_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  rtf: "application/rtf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  ppt: "application/vnd.ms-powerpoint",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  odp: "application/vnd.oasis.opendocument.presentation",
  key: "application/vnd.apple.keynote",
  xls: "application/vnd.ms-excel",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  zip: "application/zip",
  gz: "application/gzip",
  tgz: "application/gzip",
  tar: "application/x-tar",
  "7z": "application/x-7z-compressed",
};

/** Types browsers also send for some of those files (older or vendor-specific names). */
const ALSO_SENT_AS: Readonly<Record<string, readonly string[]>> = {
  zip: ["application/x-zip-compressed", "application/x-zip"],
  gz: ["application/x-gzip"],
  tgz: ["application/x-gzip", "application/x-compressed-tar", "application/x-tar"],
  md: ["text/x-markdown", "text/plain"],
  csv: ["application/vnd.ms-excel", "text/plain"],
  rtf: ["text/rtf"],
  key: ["application/x-iwork-keynote-sffkey"],
  "7z": ["application/x-7z"],
};

/** Sent when the browser does not know the type; the extension decides then. */
const UNKNOWN_TYPES = new Set(["", "application/octet-stream", "binary/octet-stream"]);

/** Shown in messages: what may be uploaded. */
export const ACCEPTED_LIST =
  "PDF, Word, PowerPoint, Keynote, Excel, OpenDocument, text, CSV, Markdown, PNG, JPEG, GIF, WebP, ZIP, tar, gzip or 7z";

/** Types a browser may show in the page instead of downloading (no scripts: no SVG, no HTML). */
const INLINE_TYPES = new Set(["application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp", "text/plain"]);

export function isInlineType(contentType: string): boolean {
  return INLINE_TYPES.has(contentType);
}

const MAX_NAME = 200;

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment only, no control or
 * reserved characters (`<>:"/\|?*`), no leading dots, whitespace collapsed, at most 200 characters keeping the
 * extension. Null when nothing usable remains.
 */
export function sanitiseFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    // Control characters (C0 and C1), invisible direction marks and overrides (which can make "x\u202efdp.zip"
    // display as "xpiz.pdf"), and characters file systems reserve.
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"|?*]/gu, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "")
    .trim();
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf(".");
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : "";
    name = `${name.slice(0, MAX_NAME - ext.length).trimEnd()}${ext}`;
  }
  return name === "" || name === "." ? null : name;
}

export function extensionOf(name: string): string {
  const lower = name.toLowerCase();
  if (lower.endsWith(".tar.gz")) return "tgz";
  const dot = lower.lastIndexOf(".");
  return dot > 0 ? lower.slice(dot + 1) : "";
}

export type FileTypeCheck =
  | { ok: true; contentType: string }
  | { ok: false; code: "unsupported_file_type" | "file_type_mismatch"; message: string };

/**
 * The stored content type of an upload: its extension must be on the list, and the type the browser declared must
 * agree with it (or be unknown). Refusals say what is accepted.
 */
export function checkFileType(name: string, declared: string | undefined): FileTypeCheck {
  const ext = extensionOf(name);
  const accepted = ACCEPTED_TYPES[ext];
  if (!accepted) {
    const what = ext ? `.${ext} files` : "Files without an extension";
    return {
      ok: false,
      code: "unsupported_file_type",
      message: `${what} cannot be uploaded as material. Upload a document, slides, an image or an archive: ${ACCEPTED_LIST}.`,
    };
  }
  const type = (declared ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  if (UNKNOWN_TYPES.has(type) || type === accepted || (ALSO_SENT_AS[ext] ?? []).includes(type)) {
    return { ok: true, contentType: accepted };
  }
  return {
    ok: false,
    code: "file_type_mismatch",
    message: `The file is named .${ext} but was sent as ${type}; rename it or upload the file itself.`,
  };
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback name and the UTF-8 name, `inline` only for
 * types a browser displays safely.
 */
export function contentDisposition(name: string, contentType: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${isInlineType(contentType) ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A readable size for messages ("50 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
