import { Readable } from "node:stream";
import type { Multipart } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import { AppError, badRequest } from "../platform/errors";
import { fileTooLarge, type IncomingFile } from "./materials.operations";

/**
 * Reads a material upload (one file, in a part named `file`) from whatever body a client sends. The parser's
 * failures (no boundary, a cut-off body, a boundary that never appears, extra parts) are the client's mistake, so
 * each answers 400 naming it instead of reaching the error handler as a 500 (issue #11).
 */

/** The busboy limits of the upload route: one part, and it must be the file. */
export const UPLOAD_LIMITS = { files: 1, fields: 1, parts: 1 } as const;

export const notMultipart = (reason: string) =>
  new AppError(400, "invalid_multipart", `The upload is not valid multipart/form-data: ${reason}.`, { file: reason });

const ONE_PART = "send only the file, in a part named file";

/** Busboy's and @fastify/multipart's failures, in words a client can act on. */
function reasonOf(err: Error & { code?: string }): string {
  const m = err.message;
  if (/boundary not found|boundary required/i.test(m)) return "the Content-Type header names no boundary";
  if (/needle cannot be an empty/i.test(m)) return "the boundary in the Content-Type header is empty";
  if (/needle cannot have a length/i.test(m)) return "the boundary in the Content-Type header is too long";
  if (
    /unexpected end|terminated early/i.test(m) ||
    err.code === "FST_MP_PREMATURE_CLOSE" ||
    err.code === "ERR_STREAM_PREMATURE_CLOSE"
  ) {
    return "the body ends before its closing boundary (it was cut off, or its boundary is not the one the Content-Type header names)";
  }
  if (err.code === "FST_PARTS_LIMIT" || err.code === "FST_FILES_LIMIT" || err.code === "FST_FIELDS_LIMIT") {
    return `it has more than one part; ${ONE_PART}`;
  }
  return m.replace(/[.\s]+$/, "") || "the body could not be read";
}

/** Every error out of the parser is about the body: 413 past the size limit, 400 otherwise. */
function refusal(err: unknown, maxBytes: number): AppError {
  if (err instanceof AppError) return err;
  const e: Error & { code?: string } = err instanceof Error ? err : new Error(String(err));
  if (e.code === "FST_REQ_FILE_TOO_LARGE") return fileTooLarge(maxBytes);
  return notMultipart(reasonOf(e));
}

/** The boundary the Content-Type header names, checked before busboy sees it (RFC 2046: 1 to 70 characters). */
function checkBoundary(contentType: string | undefined): void {
  const match = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(contentType ?? "");
  if (!match) throw notMultipart("the Content-Type header names no boundary");
  const boundary = match[1] ?? match[2] ?? "";
  if (boundary === "") throw notMultipart("the boundary in the Content-Type header is empty");
  if (boundary.length > 70) throw notMultipart("the boundary in the Content-Type header is longer than 70 characters");
}

/** What the route hands the operation, plus `discard` to drain a refused upload. */
export interface MaterialUpload extends IncomingFile {
  /** Reads and drops the rest of a refused upload, so the connection stays usable. */
  discard(): void;
}

/**
 * The file part of the upload, as a stream to store. Parse errors reach the stream's reader as the 400 they are;
 * `finish()` then reads what follows the file, so a body that goes wrong after it is refused too.
 */
export async function readMaterialUpload(req: FastifyRequest, maxBytes: number): Promise<MaterialUpload> {
  checkBoundary(req.headers["content-type"]);
  const parts = req.parts();
  const next = async (): Promise<IteratorResult<Multipart>> => {
    try {
      return await parts.next();
    } catch (err) {
      throw refusal(err, maxBytes);
    }
  };
  const first = await next();
  if (first.done) throw badRequest("Choose a file to upload.", { file: "is required" });
  const part = first.value;
  if (part.type === "field") {
    throw notMultipart(
      part.fieldname === "file"
        ? "the part named file has no filename, so it holds no file"
        : `it has a field named ${JSON.stringify(part.fieldname)}; ${ONE_PART}`,
    );
  }
  if (part.fieldname !== "file") {
    part.file.resume();
    throw notMultipart(`the file is in a part named ${JSON.stringify(part.fieldname)}; ${ONE_PART}`);
  }
  // A stream of its own, so parse errors reach storage as refusals and a storage failure stays a 500. Iterating
  // also sees a part the parser failed or destroyed before this code ran (a cut-off body fails in the same tick).
  const file = part.file;
  const stream = Readable.from(
    (async function* () {
      try {
        for await (const chunk of file) yield chunk as Buffer;
      } catch (err) {
        throw refusal(err, maxBytes);
      }
    })(),
    { objectMode: false },
  );
  return {
    filename: part.filename,
    mimetype: part.mimetype,
    stream,
    async finish() {
      if (file.truncated) throw fileTooLarge(maxBytes);
      const rest = await next();
      if (!rest.done) {
        if (rest.value.type === "file") rest.value.file.resume();
        throw notMultipart(`it has more than one part; ${ONE_PART}`);
      }
    },
    discard() {
      file.resume();
      req.raw.resume();
    },
  };
}
