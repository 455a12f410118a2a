// Session materials through HTTP on both engines: uploading files (size limit, type and name checks, storage under
// DATA_DIR), links, listing, downloads with the right headers and visibility, deletion (conferences.md, Materials).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildBlock, buildEvent, buildSession, eventAudit, multipartFile, ok } from "../../../tests/conferences";
import { describeEngines } from "../../../tests/engines";
import { type Agent, signedInAgent, useTestServer } from "../../../tests/harness";
import type { ErrorBody } from "../../shared/schemas/common";
import type { Material, MaterialList } from "../../shared/schemas/conference-sessions";
import type { ConferenceSession, EventTimetable, TimetableBlock } from "../../shared/schemas/timetable";
import { checkFileType, contentDisposition, sanitiseFileName } from "./material-files";

const MAX = 4096;
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(1000, 65)]);

describeEngines("session materials API", (engine) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-materials-"));
  const server = useTestServer(engine, { env: { DATA_DIR: dataDir, MATERIALS_MAX_BYTES: String(MAX) } });
  const admin = async () => (await signedInAgent(server(), { admin: true })).agent;

  async function upload(
    agent: Agent,
    eventId: string,
    sessionId: string,
    name: string,
    type: string,
    content: Buffer | string,
  ) {
    const { payload, headers } = multipartFile(name, type, content);
    return agent.request<Material & ErrorBody>(
      "POST",
      `/api/v1/events/${eventId}/sessions/${sessionId}/materials/files`,
      payload,
      headers,
    );
  }

  const stored = () => {
    const root = path.join(dataDir, "materials");
    if (!fs.existsSync(root)) return [];
    return fs.readdirSync(root, { recursive: true }).filter((f) => fs.statSync(path.join(root, String(f))).isFile());
  };

  it("uploads a file to the session: stored under DATA_DIR, listed, shown on the session and in every block", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    await buildBlock(a, event.id, session.id);
    await buildBlock(a, event.id, session.id, { startAt: "2026-03-28T10:00:00+01:00" });
    const res = await upload(a, event.id, session.id, "Keynote slides.pdf", "application/pdf", PDF);
    const material = ok(res, 201);
    expect(material).toMatchObject({
      sessionId: session.id,
      kind: "file",
      name: "Keynote slides.pdf",
      sizeBytes: PDF.length,
      contentType: "application/pdf",
      uploadedBy: "Test Person",
      url: `/api/v1/events/${event.id}/materials/${material.id}/file`,
    });
    const file = path.join(dataDir, "materials", event.id, material.id);
    expect(fs.readFileSync(file)).toEqual(PDF);

    const list = ok(await a.get<MaterialList>(`/api/v1/events/${event.id}/sessions/${session.id}/materials`));
    expect(list.materials.map((m) => m.id)).toEqual([material.id]);
    const page = ok(await a.get<ConferenceSession>(`/api/v1/events/${event.id}/sessions/${session.id}`));
    expect(page.materials.map((m) => m.name)).toEqual(["Keynote slides.pdf"]);
    const tt = ok(await a.get<EventTimetable>(`/api/v1/events/${event.id}/timetable`));
    const blocks = tt.days.flatMap((d) => d.entries).filter((e): e is TimetableBlock => e.kind === "block");
    expect(blocks).toHaveLength(2);
    for (const b of blocks) expect(b.materials.map((m) => m.id)).toEqual([material.id]);
    expect((await eventAudit(a, event.id)).map((e) => e.action)).toContain("material.uploaded");
  });

  it("downloads with the stored type, length and a Content-Disposition carrying the name", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const pdf = ok(await upload(a, event.id, session.id, "Résumé 2026.pdf", "application/pdf", PDF), 201);
    const res = await a.get<string>(pdf.url);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-length"]).toBe(String(PDF.length));
    expect(res.headers["content-disposition"]).toBe(
      `inline; filename="R_sum_ 2026.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%202026.pdf`,
    );
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.raw.rawPayload).toEqual(PDF);

    const zip = ok(await upload(a, event.id, session.id, "code.zip", "application/zip", "PK\u0003\u0004data"), 201);
    const z = await a.get(zip.url);
    expect(z.headers["content-disposition"]).toMatch(/^attachment; filename="code.zip"/);
  });

  it("refuses files over MATERIALS_MAX_BYTES with 413 and the error body, storing nothing", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const before = stored().length;
    const res = await upload(a, event.id, session.id, "big.pdf", "application/pdf", Buffer.alloc(MAX + 10, 1));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("file_too_large");
    expect(res.body.error.message).toBe("The file is larger than the limit of 4 KB.");
    expect(res.body.error.fields?.file).toBeDefined();
    expect(stored().length).toBe(before);
    const list = ok(await a.get<MaterialList>(`/api/v1/events/${event.id}/sessions/${session.id}/materials`));
    expect(list.materials).toEqual([]);
    // Exactly the limit is accepted.
    ok(await upload(a, event.id, session.id, "max.pdf", "application/pdf", Buffer.alloc(MAX, 1)), 201);
  });

  it("refuses types outside the allow-list (415), mismatched types, empty files and missing files, with clear messages", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const exe = await upload(a, event.id, session.id, "setup.exe", "application/x-msdownload", "MZ");
    expect(exe.status, JSON.stringify(exe.body)).toBe(415);
    expect(exe.body.error.code).toBe("unsupported_file_type");
    expect(exe.body.error.message).toMatch(/\.exe files cannot be uploaded.*PDF/);
    const html = await upload(a, event.id, session.id, "page.html", "text/html", "<script>alert(1)</script>");
    expect(html.status, JSON.stringify(html.body)).toBe(415);
    const svg = await upload(a, event.id, session.id, "logo.svg", "image/svg+xml", "<svg/>");
    expect(svg.status, JSON.stringify(svg.body)).toBe(415);
    const disguised = await upload(a, event.id, session.id, "slides.pdf", "text/html", "<html>");
    expect(disguised.status, JSON.stringify(disguised.body)).toBe(415);
    expect(disguised.body.error.code).toBe("file_type_mismatch");
    const empty = await upload(a, event.id, session.id, "empty.pdf", "application/pdf", "");
    expect(empty.status, JSON.stringify(empty.body)).toBe(400);
    expect(empty.body.error.fields?.file).toBe("is empty");
    const files = `/api/v1/events/${event.id}/sessions/${session.id}/materials/files`;
    const none = await a.post<ErrorBody>(files, {});
    expect([none.status, none.body.error.fields?.file]).toEqual([400, "is required"]);
    const json = await a.post<ErrorBody>(files, { file: "not a file" });
    expect(json.status, JSON.stringify(json.body)).toBe(415);
    expect(json.body.error.message).toMatch(/multipart\/form-data/);
    // A browser that does not know the type: the extension decides.
    const unknown = ok(await upload(a, event.id, session.id, "deck.key", "application/octet-stream", "KEY"), 201);
    expect(unknown.contentType).toBe("application/vnd.apple.keynote");
  });

  it("sanitises file names: no paths, no control or reserved characters", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const res = ok(await upload(a, event.id, session.id, "..\\..\\etc/pass<wd>:|x?.pdf", "application/pdf", PDF), 201);
    expect(res.name).toBe("passwdx.pdf");
    expect(stored().some((f) => String(f).includes(".."))).toBe(false);
  });

  it("adds links (http and https only), lists and deletes materials; a deleted file leaves storage after commit", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const link = ok(
      await a.post<Material>(`/api/v1/events/${event.id}/sessions/${session.id}/materials/links`, {
        name: "Recording",
        url: "https://video.example.org/42",
      }),
      201,
    );
    expect(link).toMatchObject({
      kind: "link",
      name: "Recording",
      url: "https://video.example.org/42",
      sizeBytes: null,
    });
    const unnamed = ok(
      await a.post<Material>(`/api/v1/events/${event.id}/sessions/${session.id}/materials/links`, {
        url: "http://example.org/paper",
      }),
      201,
    );
    expect(unnamed.name).toBe("http://example.org/paper");
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "not a url"]) {
      const bad = await a.post<ErrorBody>(`/api/v1/events/${event.id}/sessions/${session.id}/materials/links`, { url });
      expect(bad.status, url).toBe(400);
      expect(bad.body.error.fields?.url).toMatch(/http/);
    }
    const file = ok(await upload(a, event.id, session.id, "notes.txt", "text/plain", "notes"), 201);
    const key = path.join(dataDir, "materials", event.id, file.id);
    expect(fs.existsSync(key)).toBe(true);
    ok(await a.delete(`/api/v1/events/${event.id}/materials/${file.id}`));
    await server().deliver();
    expect(fs.existsSync(key)).toBe(false);
    expect((await a.get(file.url)).status).toBe(404);
    const list = ok(await a.get<MaterialList>(`/api/v1/events/${event.id}/sessions/${session.id}/materials`));
    expect(list.materials.map((m) => m.id)).toEqual([link.id, unnamed.id]);

    // Deleting the session removes its files too.
    const other = ok(await upload(a, event.id, session.id, "more.txt", "text/plain", "more"), 201);
    ok(await a.delete(`/api/v1/events/${event.id}/sessions/${session.id}`));
    await server().deliver();
    expect(fs.existsSync(path.join(dataDir, "materials", event.id, other.id))).toBe(false);
  });

  it("downloads respect visibility: unpublished events for managers only, published for anyone", async () => {
    const a = await admin();
    const event = await buildEvent(a);
    const session = await buildSession(a, event.id);
    const file = ok(await upload(a, event.id, session.id, "slides.pdf", "application/pdf", PDF), 201);
    const anonymous = server().agent();
    const member = (await signedInAgent(server())).agent;
    expect((await anonymous.get(file.url)).status).toBe(404);
    expect((await member.get(file.url)).status).toBe(404);
    expect((await member.get(`/api/v1/events/${event.id}/sessions/${session.id}/materials`)).status).toBe(404);
    const upload403 = await upload(member, event.id, session.id, "x.pdf", "application/pdf", PDF);
    expect(upload403.status).toBe(404);
    ok(await a.patch(`/api/v1/events/${event.id}`, { timetablePublished: true }));
    expect((await anonymous.get(file.url)).status).toBe(200);
    expect((await member.get(file.url)).status).toBe(200);
    const forbidden = await upload(member, event.id, session.id, "x.pdf", "application/pdf", PDF);
    expect(forbidden.status).toBe(403);
    expect((await member.delete(`/api/v1/events/${event.id}/materials/${file.id}`)).status).toBe(403);
    // Another event's material is not found through this event.
    const other = await buildEvent(a);
    expect((await a.get(`/api/v1/events/${other.id}/materials/${file.id}/file`)).status).toBe(404);
  });
});

describe("material files (pure)", () => {
  it("sanitiseFileName keeps a usable name or none", () => {
    expect(sanitiseFileName("C:\\Users\\me\\talk.pptx")).toBe("talk.pptx");
    expect(sanitiseFileName("  a\u0000b\tc  d .pdf ")).toBe("abc d .pdf");
    expect(sanitiseFileName("...hidden.pdf")).toBe("hidden.pdf");
    expect(sanitiseFileName("../")).toBeNull();
    expect(sanitiseFileName("")).toBeNull();
    const long = `${"x".repeat(300)}.pdf`;
    const cut = sanitiseFileName(long) as string;
    expect(cut.length).toBe(200);
    expect(cut.endsWith(".pdf")).toBe(true);
  });

  it("checkFileType trusts the extension, and refuses a declared type that contradicts it", () => {
    expect(checkFileType("a.PDF", "application/pdf")).toEqual({ ok: true, contentType: "application/pdf" });
    expect(checkFileType("a.tar.gz", "application/gzip")).toEqual({ ok: true, contentType: "application/gzip" });
    expect(checkFileType("a.zip", "application/x-zip-compressed")).toMatchObject({ ok: true });
    expect(checkFileType("a.docx", "")).toMatchObject({ ok: true });
    expect(checkFileType("noext", "application/pdf")).toMatchObject({ ok: false, code: "unsupported_file_type" });
    expect(checkFileType("a.png", "image/jpeg")).toMatchObject({ ok: false, code: "file_type_mismatch" });
  });

  it("contentDisposition is inline only for types browsers show safely", () => {
    expect(contentDisposition("a.png", "image/png")).toMatch(/^inline;/);
    expect(contentDisposition("a.docx", "application/msword")).toMatch(/^attachment;/);
    expect(contentDisposition('q"uote.txt', "text/plain")).toContain('filename="q_uote.txt"');
  });
});
