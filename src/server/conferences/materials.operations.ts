import type { Readable } from "node:stream";
import type { z } from "zod";
import type { LinkMaterialInput } from "../../shared/schemas/conference-sessions";
import { auditEvent, loadVisibleSession, requireSession, withEvent } from "../conference-core/access";
import {
  deleteMaterial,
  findMaterial,
  insertMaterial,
  type MaterialWithUploader,
} from "../conference-core/materials.queries";
import type { MaterialRow } from "../conference-core/rows";
import { enqueue } from "../outbox/enqueue";
import type { Actor } from "../permissions/actor";
import { authorize } from "../permissions/authorize";
import type { Deps } from "../platform/deps";
import { AppError, badRequest, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import { checkFileType, formatBytes, sanitiseFileName } from "./material-files";
import { MATERIAL_FILE_DELETE_KIND, type MaterialStorage } from "./material-storage";

/**
 * Session materials: files and links on a session (conferences.md, Materials; indico.md §2.8), managed by those
 * who fully manage the session. Files go to the material storage; rows only after the file is safely stored.
 */

/** An uploaded file as the multipart parser hands it over. */
export interface IncomingFile {
  filename: string;
  mimetype: string;
  stream: Readable;
  /** Once the stream is read: refuses a file cut at the size limit or a body that goes wrong after the file. */
  finish(): Promise<void>;
}

export const fileTooLarge = (maxBytes: number) =>
  new AppError(413, "file_too_large", `The file is larger than the limit of ${formatBytes(maxBytes)}.`, {
    file: `must be at most ${formatBytes(maxBytes)}`,
  });

/** Checks access and the file's name and type before a byte is stored; returns the clean name and stored type. */
export async function checkUpload(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
  file: Pick<IncomingFile, "filename" | "mimetype">,
): Promise<{ name: string; contentType: string }> {
  const { sessionFacts } = await loadVisibleSession(deps.db, actor, eventId, sessionId);
  authorize(actor, "conference.session.manage", sessionFacts);
  const name = sanitiseFileName(file.filename);
  if (!name) throw badRequest("The file needs a name.", { file: "has no usable name" });
  const type = checkFileType(name, file.mimetype);
  if (!type.ok) throw new AppError(415, type.code, type.message, { file: type.message });
  return { name, contentType: type.contentType };
}

/**
 * Upload a file to a session: refused beyond the configured size (413), for types outside the allow-list (415)
 * and for empty files (400). The row is written in one transaction after the file is stored; if that fails the
 * stored file is removed again.
 */
export async function uploadMaterialFile(
  deps: Deps,
  storage: MaterialStorage,
  actor: Actor,
  eventId: string,
  sessionId: string,
  file: IncomingFile,
): Promise<MaterialRow> {
  const { name, contentType } = await checkUpload(deps, actor, eventId, sessionId, file);
  const id = newId();
  const key = `${eventId}/${id}`;
  const { sizeBytes } = await storage.put(key, file.stream);
  try {
    await file.finish();
    if (sizeBytes === 0) throw badRequest("The file is empty.", { file: "is empty" });
    return await withEvent(deps, actor, eventId, async (w) => {
      await requireSession(w, sessionId, "conference.session.manage");
      const row: MaterialRow = {
        id,
        session_id: sessionId,
        kind: "file",
        name,
        url: null,
        storage_key: key,
        size_bytes: sizeBytes,
        content_type: contentType,
        uploaded_by: actor.id,
        created_at: w.now,
      };
      await insertMaterial(w.tx, row);
      await auditEvent(w, "material.uploaded", { sessionId, materialId: id, name, sizeBytes, contentType });
      return row;
    });
  } catch (err) {
    await storage.delete(key);
    throw err;
  }
}

/** Add a link (http or https) to a session. */
export async function addLinkMaterial(
  deps: Deps,
  actor: Actor,
  eventId: string,
  sessionId: string,
  input: z.infer<typeof LinkMaterialInput>,
): Promise<MaterialRow> {
  return withEvent(deps, actor, eventId, async (w) => {
    await requireSession(w, sessionId, "conference.session.manage");
    const row: MaterialRow = {
      id: newId(),
      session_id: sessionId,
      kind: "link",
      name: input.name || input.url,
      url: input.url,
      storage_key: null,
      size_bytes: null,
      content_type: null,
      uploaded_by: actor.id,
      created_at: w.now,
    };
    await insertMaterial(w.tx, row);
    await auditEvent(w, "material.linked", { sessionId, materialId: row.id, name: row.name, url: row.url });
    return row;
  });
}

/** Remove a material; its stored file is deleted by the outbox worker once this has committed. */
export async function removeMaterial(deps: Deps, actor: Actor, eventId: string, materialId: string): Promise<void> {
  await withEvent(deps, actor, eventId, async (w) => {
    const material = await findMaterial(w.tx, materialId);
    if (!material) throw notFound("The material");
    const session = await requireSession(w, material.session_id, "conference.session.manage");
    if (session.event_id !== eventId) throw notFound("The material");
    await deleteMaterial(w.tx, materialId);
    if (material.storage_key) await enqueue(w.tx, MATERIAL_FILE_DELETE_KIND, { key: material.storage_key }, w.now);
    await auditEvent(w, "material.deleted", { sessionId: material.session_id, materialId, name: material.name });
  });
}

/** A material file to download, if the actor may see its session (unpublished events: managers only). */
export async function openMaterialFile(
  deps: Deps,
  storage: MaterialStorage,
  actor: Actor | null,
  eventId: string,
  materialId: string,
): Promise<{ material: MaterialWithUploader; stream: Readable; sizeBytes: number }> {
  const material = await findMaterial(deps.db, materialId);
  if (!material) throw notFound("The material");
  await loadVisibleSession(deps.db, actor, eventId, material.session_id);
  if (material.kind !== "file" || !material.storage_key) throw notFound("The file");
  const stored = await storage.get(material.storage_key);
  if (!stored) throw notFound("The file");
  return { material, ...stored };
}
