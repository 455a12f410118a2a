import { z } from "zod";
import { Id, Instant } from "./common";

export const OutboxStatus = z.enum(["pending", "sent", "failed"]);

export const OutboxItem = z
  .object({
    id: Id,
    kind: z.string(),
    status: OutboxStatus,
    attempts: z.number().int(),
    summary: z.string().describe("for email: recipient and subject"),
    createdAt: Instant,
    sentAt: Instant.nullable(),
    nextAttemptAt: Instant,
    lastError: z.string().nullable(),
  })
  .meta({ id: "OutboxItem" });

export const OutboxList = z.object({
  items: z.array(OutboxItem),
  total: z.number().int(),
  mailMode: z.enum(["smtp", "files"]).describe("files: no SMTP_URL, messages are written under DATA_DIR/mail"),
});

export const OutboxQuery = z.object({
  kind: z.string().max(100).optional(),
  status: OutboxStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const OutboxDetail = OutboxItem.extend({
  email: z
    .object({ to: z.string(), subject: z.string(), text: z.string(), html: z.string(), messageId: z.string() })
    .nullable(),
});

export const AuditItem = z
  .object({
    id: Id,
    at: Instant,
    actorId: Id.nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string(),
    changes: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditItem" });

export const AuditQuery = z.object({
  objectType: z.string().max(100).optional(),
  objectId: z.string().max(100).optional(),
  actorId: Id.optional(),
  action: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .regex(/^[^|]+\|[0-9a-f-]{36}$/, "must be a cursor returned by the previous page")
    .optional()
    .describe("nextCursor of the previous page"),
});

export const AuditList = z.object({
  items: z.array(AuditItem),
  nextCursor: z.string().nullable().describe("pass as cursor for the next page; null on the last page"),
});
