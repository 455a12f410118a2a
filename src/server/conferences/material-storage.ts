import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

/**
 * Where session material files live (conferences.md, Materials: "stored under DATA_DIR with a storage interface
 * ready for object storage"). Keys are opaque, app-made strings; an object-storage implementation can replace
 * the filesystem one without touching operations or routes.
 */
export interface MaterialStorage {
  /** Stores the stream under `key` and returns its size; on failure nothing remains under the key. */
  put(key: string, data: Readable): Promise<{ sizeBytes: number }>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<{ stream: Readable; sizeBytes: number } | null>;
  /** Removes the key; removing a missing key is not an error (deletes are retried by the outbox). */
  delete(key: string): Promise<void>;
}

/** Outbox kind: delete a stored file after the change that dropped its material has committed. */
export const MATERIAL_FILE_DELETE_KIND = "material.file_delete";

declare module "../outbox/kinds" {
  interface OutboxPayloads {
    /** A stored file whose material is gone: deleted once its transaction has committed. */
    "material.file_delete": { key: string };
  }
}

const KEY = /^[a-z0-9-]+(?:\/[a-z0-9-]+)*$/;

/** Files under `root` (DATA_DIR/materials), one file per key; writes go through a temporary name. */
export function filesystemStorage(root: string): MaterialStorage {
  const fileOf = (key: string) => {
    if (!KEY.test(key)) throw new RangeError(`Not a storage key: ${key}`);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(key, data) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const partial = `${file}.partial`;
      try {
        await pipeline(data, createWriteStream(partial, { flags: "wx" }));
        await fs.rename(partial, file);
      } catch (err) {
        await fs.rm(partial, { force: true });
        throw err;
      }
      return { sizeBytes: (await fs.stat(file)).size };
    },
    async get(key) {
      const file = fileOf(key);
      try {
        const stat = await fs.stat(file);
        return { stream: createReadStream(file), sizeBytes: stat.size };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw err;
      }
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
  };
}
