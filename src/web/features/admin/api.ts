import {
  infiniteQueryOptions,
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
} from "@tanstack/react-query";
import type { z } from "zod";
import type { AdminUser, AdminUserList, AdminUserUpdate } from "../../../shared/schemas/accounts";
import type { AuditList, OutboxDetail, OutboxItem, OutboxList, OutboxStatus } from "../../../shared/schemas/admin";
import type { AttendanceHistory } from "../../../shared/schemas/community-sessions";
import { api } from "../../lib/api-client";
import { ME_QUERY_KEY } from "../../lib/query-client";

export type OutboxStatusValue = z.infer<typeof OutboxStatus>;
export type OutboxItemValue = z.infer<typeof OutboxItem>;
export type AuditEntry = z.infer<typeof AuditList>["items"][number];

export const USERS_PAGE_SIZE = 50;
export const OUTBOX_PAGE_SIZE = 50;
const AUDIT_PAGE_SIZE = 50;

export interface AuditFilters {
  action?: string;
  objectType?: string;
  objectId?: string;
}

const adminKeys = {
  all: ["admin"] as const,
  users: () => [...adminKeys.all, "users"] as const,
  userList: (q: string, page: number) => [...adminKeys.users(), { q, page }] as const,
  outbox: () => [...adminKeys.all, "outbox"] as const,
  outboxList: (status: OutboxStatusValue | null, page: number) =>
    [...adminKeys.outbox(), "list", { status, page }] as const,
  outboxItem: (id: string) => [...adminKeys.outbox(), "item", id] as const,
  audit: (filters: AuditFilters) => [...adminKeys.all, "audit", filters] as const,
  attendance: (userId: string) => [...adminKeys.users(), "attendance", userId] as const,
};

/** Admin > Users: a member's attendance of community sessions (issue #15), read when asked for. */
export const userAttendanceQuery = (userId: string) =>
  queryOptions({
    queryKey: adminKeys.attendance(userId),
    queryFn: () => api.get<AttendanceHistory>(`/api/v1/admin/users/${encodeURIComponent(userId)}/attendance`),
  });

/** Admin > Users: one page of the list, newest first, matching `q` in name or email. */
export const userListQuery = (q: string, page: number) =>
  queryOptions({
    queryKey: adminKeys.userList(q, page),
    queryFn: () =>
      api.get<z.infer<typeof AdminUserList>>("/api/v1/admin/users", {
        q,
        limit: USERS_PAGE_SIZE,
        offset: (page - 1) * USERS_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });

/**
 * Sets admin, staff, premium or active on one user. The list is refreshed after; the caller's own abilities
 * too, in case they changed their own account.
 */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: z.input<typeof AdminUserUpdate> }) =>
      api.patch<z.infer<typeof AdminUser>>(`/api/v1/admin/users/${encodeURIComponent(id)}`, change),
    onSettled: async () => {
      await Promise.all([
        qc.invalidateQueries({ queryKey: adminKeys.users() }),
        qc.invalidateQueries({ queryKey: ME_QUERY_KEY }),
      ]);
    },
  });
}

/** Admin > Mail: the outbox, newest first; refreshes while something is waiting to be delivered. */
export const outboxListQuery = (status: OutboxStatusValue | null, page: number) =>
  queryOptions({
    queryKey: adminKeys.outboxList(status, page),
    queryFn: () =>
      api.get<z.infer<typeof OutboxList>>("/api/v1/admin/outbox", {
        status,
        limit: OUTBOX_PAGE_SIZE,
        offset: (page - 1) * OUTBOX_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((i) => i.status === "pending") ? 3000 : 15_000),
  });

export const outboxItemQuery = (id: string) =>
  queryOptions({
    queryKey: adminKeys.outboxItem(id),
    queryFn: () => api.get<z.infer<typeof OutboxDetail>>(`/api/v1/admin/outbox/${encodeURIComponent(id)}`),
  });

export function useRetryDelivery() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxItemValue>(`/api/v1/admin/outbox/${encodeURIComponent(id)}/retry`),
    onSettled: () => qc.invalidateQueries({ queryKey: adminKeys.outbox() }),
  });
}

/** Admin > Audit log: newest first, a page at a time (the server's cursor marks where the last page ended). */
export const auditQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam }) =>
      api.get<z.infer<typeof AuditList>>("/api/v1/admin/audit", {
        ...filters,
        limit: AUDIT_PAGE_SIZE,
        cursor: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
