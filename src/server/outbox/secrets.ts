/**
 * Secrets in outbox payloads (issue #11): a payload may list, under `secrets`, strings that must reach their
 * recipient but nobody else — the tokens of reset, invitation and sign-up links. Admin > Mail shows them masked,
 * and the worker overwrites the stored payload with the masked one as soon as it has been delivered.
 */

export const SECRET_MASK = "•••••";

/** Shorter strings are no tokens, and masking them would garble ordinary text (or, when empty, all of it). */
const MIN_SECRET_LENGTH = 8;

function variants(secrets: readonly string[]): string[] {
  const all = secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap((s) => [s, encodeURIComponent(s)]);
  // Longest first, so that a secret containing another is masked whole.
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

function maskValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return secrets.reduce((text, s) => text.replaceAll(s, SECRET_MASK), value);
  if (Array.isArray(value)) return value.map((v) => maskValue(v, secrets));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskValue(v, secrets)]));
  }
  return value;
}

function listedSecrets(payload: unknown): string[] {
  const listed = (payload as { secrets?: unknown } | null)?.secrets;
  return Array.isArray(listed) ? listed.filter((s): s is string => typeof s === "string") : [];
}

/** The payload with every listed secret masked wherever it appears, and without the list itself. */
export function withoutSecrets<T>(payload: T): T {
  const secrets = variants(listedSecrets(payload));
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return payload;
  const { secrets: _listed, ...rest } = payload as Record<string, unknown>;
  return maskValue(rest, secrets) as T;
}

/** The stored payload text to write once delivered, or null when it holds no secrets. */
export function redactedPayloadText(payloadText: string): string | null {
  let payload: unknown;
  try {
    payload = JSON.parse(payloadText);
  } catch {
    return null;
  }
  if (listedSecrets(payload).length === 0) return null;
  return JSON.stringify(withoutSecrets(payload));
}
