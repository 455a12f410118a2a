// Session material files: stored where their name cannot steer them, downloaded with headers that a hostile name
// cannot break, and never served as something a browser would run (conferences.md, Materials).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sanitiseFileName } from "../../src/server/conferences/material-files";
import type { ErrorBody } from "../../src/shared/schemas/common";
import type { Material, MaterialList } from "../../src/shared/schemas/conference-sessions";
import { buildEvent, buildSession, eventAudit, multipartFile, ok } from "../conferences";
import { describeEngines } from "../engines";
import { type Agent, signedInAgent, useTestServer } from "../harness";

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(200, 65)]);

describeEngines("security: material files", (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-security-materials-"));
  const server = useTestServer(engine, { env: { DATA_DIR: dataDir } });

  const upload = (
    agent: Agent,
    eventId: string,
    sessionId: string,
    name: string,
    type: string,
    body: Buffer | string,
  ) => {
    const { payload, headers } = multipartFile(name, type, body);
    return agent.request<Material & ErrorBody>(
      "POST",
      `/api/v1/events/${eventId}/sessions/${sessionId}/materials/files`,
      payload,
      headers,
    );
  };

  const storedFiles = () => {
    const root = path.join(dataDir, "materials");
    if (!fs.existsSync(root)) return [];
    return fs
      .readdirSync(root, { recursive: true })
      .map(String)
      .filter((f) => fs.statSync(path.join(root, f)).isFile())
      .sort();
  };

  async function setUp() {
    const { agent: admin } = await signedInAgent(server(), { admin: true });
    const event = await buildEvent(admin, { timetablePublished: true });
    const session = await buildSession(admin, event.id);
    return { admin, event, session };
  }

  it("stores each file under materials/<event>/<material id>, whatever name it was sent with", async () => {
    const { admin, event, session } = await setUp();
    const before = storedFiles();
    const names = ["../../../../tmp/owned.pdf", "..\\..\\boot.ini.pdf", "%2e%2e%2fslides.pdf", "/etc/passwd.txt"];
    const ids: string[] = [];
    for (const name of names) {
      const res = await upload(admin, event.id, session.id, name, "application/octet-stream", PDF);
      ids.push(ok(res, 201).id);
    }
    const added = storedFiles().filter((f) => !before.includes(f));
    expect(added).toEqual(ids.map((id) => path.join(event.id, id)).sort());
    expect(fs.existsSync("/tmp/owned.pdf")).toBe(false);
  });

  it("refuses files a browser would run as a page (HTML, SVG, JavaScript), storing nothing", async () => {
    const { admin, event, session } = await setUp();
    const before = storedFiles();
    for (const [name, type] of [
      ["page.html", "text/html"],
      ["page.htm", "text/html"],
      ["image.svg", "image/svg+xml"],
      ["app.js", "text/javascript"],
      ["page.xhtml", "application/xhtml+xml"],
      ["slides.pdf", "text/html"],
    ]) {
      const res = await upload(
        admin,
        event.id,
        session.id,
        name as string,
        type as string,
        "<script>alert(1)</script>",
      );
      expect(res.status, name).toBe(415);
      expect(res.body.error.fields).toHaveProperty("file");
    }
    expect(storedFiles()).toEqual(before);
  });

  it("serves a text file holding HTML as plain text the browser will not sniff or script", async () => {
    const { admin, event, session } = await setUp();
    const file = ok(
      await upload(admin, event.id, session.id, "notes.txt", "text/plain", "<script>alert(1)</script>"),
      201,
    );
    const res = await server().agent().get(file.url);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/plain");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-security-policy"]).toMatch(/\bsandbox\b/);
  });

  it("answers a malformed multipart upload with 400 naming the problem, storing and recording nothing", async () => {
    const { admin, event, session } = await setUp();
    const url = `/api/v1/events/${event.id}/sessions/${session.id}/materials/files`;
    const B = "convene-boundary";
    const part = (name: string, filename: string | null, body: string) =>
      `--${B}\r\nContent-Disposition: form-data; name="${name}"${filename === null ? "" : `; filename="${filename}"`}\r\n` +
      `Content-Type: text/plain\r\n\r\n${body}\r\n`;
    const end = `--${B}--\r\n`;
    const typed = (boundary: string | null) =>
      boundary === null ? "multipart/form-data" : `multipart/form-data; boundary=${boundary}`;
    const cases: { label: string; type: string; body: string; reason: RegExp }[] = [
      { label: "no boundary", type: typed(null), body: part("file", "a.txt", "hi") + end, reason: /names no boundary/ },
      { label: "empty boundary", type: typed('""'), body: part("file", "a.txt", "hi") + end, reason: /is empty/ },
      { label: "boundary too long", type: typed("b".repeat(300)), body: "x", reason: /longer than 70/ },
      { label: "cut off in the file", type: typed(B), body: part("file", "a.txt", "hi").slice(0, -4), reason: /ends/ },
      { label: "cut off in a header", type: typed(B), body: `--${B}\r\nContent-Disposition: form-da`, reason: /ends/ },
      // The file arrives whole and is stored; what follows it is broken, so it is removed again.
      { label: "cut off after the file", type: typed(B), body: `${part("file", "a.txt", "hi")}--${B}`, reason: /ends/ },
      { label: "boundary mismatch", type: typed("other"), body: part("file", "a.txt", "hi") + end, reason: /ends/ },
      { label: "not multipart at all", type: typed(B), body: "just some text", reason: /ends/ },
      {
        label: "no file part",
        type: typed(B),
        body: part("title", null, "Slides") + end,
        reason: /field named "title"/,
      },
      { label: "a part with no filename", type: typed(B), body: part("file", null, "hi") + end, reason: /no filename/ },
      { label: "the file in another part", type: typed(B), body: part("doc", "a.txt", "hi") + end, reason: /"doc"/ },
      {
        label: "too many fields",
        type: typed(B),
        body: [1, 2, 3, 4, 5, 6, 7].map((i) => part(`f${i}`, null, "x")).join("") + part("file", "a.txt", "hi") + end,
        reason: /field named "f1"/,
      },
      {
        label: "two files",
        type: typed(B),
        body: part("file", "a.txt", "hi") + part("file", "b.txt", "hi") + end,
        reason: /more than one part/,
      },
      {
        label: "too many parts",
        type: typed(B),
        body: part("file", "a.txt", "hi") + [1, 2, 3, 4, 5, 6, 7].map((i) => part(`f${i}`, null, "x")).join("") + end,
        reason: /more than one part/,
      },
    ];
    const before = storedFiles();
    for (const c of cases) {
      const res = await admin.request<ErrorBody>("POST", url, c.body, { "content-type": c.type });
      expect(res.status, `${c.label}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.error.message, c.label).toMatch(/^The upload is not valid multipart\/form-data: /);
      expect(res.body.error.message, c.label).toMatch(c.reason);
      expect(res.body.error.fields?.file, c.label).toBeDefined();
    }
    expect(storedFiles()).toEqual(before);
    const list = ok(await admin.get<MaterialList>(`/api/v1/events/${event.id}/sessions/${session.id}/materials`));
    expect(list.materials).toEqual([]);
    const audit = await eventAudit(admin, event.id);
    expect(audit.filter((e) => e.action.startsWith("material."))).toEqual([]);
    // The route still works, with the same body done right.
    ok(await admin.request("POST", url, part("file", "a.txt", "hi") + end, { "content-type": typed(B) }), 201);
  });

  it("sends one well-formed Content-Disposition for hostile names, attachment unless the type is safe to show", async () => {
    const { admin, event, session } = await setUp();
    const hostile = [
      'q\\"; filename=\\"evil.html.pdf', // quoted-pair escapes in the part header: q"; filename="evil.html.pdf
      "semi;colon=evil.zip",
      "new\tline\u0085 next\u2028sep.zip",
      "naïve — résumé 😀.docx",
      "slides\u202efdp.zip", // right-to-left override: shows as "slidespiz.pdf"
    ];
    for (const name of hostile) {
      const type = name.endsWith(".pdf") ? "application/pdf" : "application/octet-stream";
      const material = ok(await upload(admin, event.id, session.id, name, type, PDF), 201);
      const res = await server().agent().get(material.url);
      expect(res.status).toBe(200);
      const header = String(res.headers["content-disposition"]);
      expect(header, name).toMatch(
        /^(inline|attachment); filename="[\x20-\x21\x23-\x5b\x5d-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%._~!-]*$/,
      );
      const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? "";
      expect(decodeURIComponent(encoded)).toBe(material.name);
      if (!material.name.endsWith(".pdf")) expect(header).toMatch(/^attachment;/);
    }
  });
});

describe("security: material file names (pure)", () => {
  it("drops every control and bidirectional-override character, so a name shows what the file is", () => {
    // U+202E (right-to-left override) makes "slides\u202efdp.zip" read "slidespiz.pdf" in the materials list and
    // in the download dialog; U+0085 is a C1 control character (NEXT LINE).
    const names = ["slides\u202efdp.zip", "a\u2066b\u2069c.pdf", "next\u0085line.pdf", "bell\u009b.pdf"];
    for (const raw of names) {
      const clean = sanitiseFileName(raw) ?? "";
      expect.soft(clean, JSON.stringify(raw)).not.toMatch(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/u);
    }
  });
});
