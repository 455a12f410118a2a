import { createHash, randomBytes, randomUUID } from "node:crypto";

/** App-made primary keys keep SQL portable across SQLite and PostgreSQL (no autoincrement). */
export function newId(): string {
  return randomUUID();
}

/** A URL-safe secret for links and cookies; only its hash is stored. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}
