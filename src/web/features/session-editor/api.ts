import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AddParticipantInput,
  AdminSessionList,
  CommunitySession,
  MoveInput,
  Participant,
  ParticipantList,
  SessionCreateInput,
  SessionUpdateInput,
  StatusAction,
  UpdateParticipantInput,
} from "../../../shared/schemas/community-sessions";
import { api } from "../../lib/api-client";
import { COMMUNITY_SESSIONS_QUERY_KEY } from "../../lib/query-client";

export type StatusActionValue = z.infer<typeof StatusAction>;
export type SessionStatusFilter = "draft" | "open" | "full" | "closed" | "cancelled";
export type SessionWhenFilter = "upcoming" | "past" | "all";

export interface AdminSessionFilters {
  status: SessionStatusFilter | null;
  when: SessionWhenFilter;
  q: string;
  page: number;
}

export const ADMIN_SESSIONS_PAGE_SIZE = 50;

/**
 * Every key sits under the root the member pages use too (["community-sessions"]); one session's key is the
 * member pages' own (["community-sessions", "session", id]), so both show the same cached answer.
 */
export const editorKeys = {
  all: COMMUNITY_SESSIONS_QUERY_KEY,
  adminLists: () => [...editorKeys.all, "admin-list"] as const,
  adminList: (filters: AdminSessionFilters) => [...editorKeys.adminLists(), filters] as const,
  session: (id: string) => [...editorKeys.all, "session", id] as const,
  participants: (id: string) => [...editorKeys.all, "participants", id] as const,
};

const sessionPath = (id: string) => `/api/v1/community/sessions/${encodeURIComponent(id)}`;
const participantPath = (id: string, participantId: string) =>
  `${sessionPath(id)}/participants/${encodeURIComponent(participantId)}`;

/** Admin > Sessions: filtered by status and time, searched by title (members: the sessions they created). */
export const adminSessionListQuery = (filters: AdminSessionFilters) =>
  queryOptions({
    queryKey: editorKeys.adminList(filters),
    queryFn: () =>
      api.get<AdminSessionList>("/api/v1/admin/community/sessions", {
        status: filters.status,
        when: filters.when,
        q: filters.q,
        limit: ADMIN_SESSIONS_PAGE_SIZE,
        offset: (filters.page - 1) * ADMIN_SESSIONS_PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
    // Calendar sync runs in the background: look again soon while one is pending.
    refetchInterval: (query) =>
      query.state.data?.sessions.some((s) => s.calendarSync?.state === "pending") ? 3000 : false,
  });

/** One session with its agenda and the caller's abilities (status actions). */
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: editorKeys.session(id),
    queryFn: () => api.get<CommunitySession>(sessionPath(id)),
  });

/** The Participants tab: Host, Presenters in order, Interviewer, Guests, then Cancelled. */
export const participantsQuery = (id: string) =>
  queryOptions({
    queryKey: editorKeys.participants(id),
    queryFn: () => api.get<ParticipantList>(`${sessionPath(id)}/participants`),
  });

/** After any change: every list and session view refreshes, the member pages' too. */
function useRefreshAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: editorKeys.all });
}

/** New Session: created in Draft with what the form holds so far (at least the Title). */
export const createSession = (input: z.output<typeof SessionCreateInput>) =>
  api.post<CommunitySession>("/api/v1/community/sessions", input);

/** The autosave of the Details tab: only the changed fields, with the version they were edited from. */
export const updateSession = (id: string, input: z.output<typeof SessionUpdateInput>) =>
  api.patch<CommunitySession>(sessionPath(id), input);

/** After the Details tab saved: the answer becomes the cached session; every other view refreshes. */
export function useSessionSaved() {
  const qc = useQueryClient();
  return (session: CommunitySession) => {
    qc.setQueryData(editorKeys.session(session.id), session);
    // Everything but this session, which the answer just replaced: refetching it mid-edit is wasted work.
    const own = editorKeys.session(session.id);
    void qc.invalidateQueries({
      queryKey: editorKeys.all,
      predicate: (q) => !own.every((part, i) => q.queryKey[i] === part),
    });
  };
}

/** Open, Close registration, Reopen registration, Cancel session: applied at once. */
export function useChangeStatus(id: string) {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (action: StatusActionValue) => api.post<CommunitySession>(`${sessionPath(id)}/status`, { action }),
    onSuccess: (session) => {
      qc.setQueryData(editorKeys.session(id), session);
      void refresh();
    },
  });
}

/** Delete the session and all its participant records. */
export function useDeleteSession(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>(sessionPath(id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: editorKeys.session(id) });
      qc.removeQueries({ queryKey: editorKeys.participants(id) });
      void qc.invalidateQueries({ queryKey: editorKeys.all });
    },
  });
}

/**
 * Participant changes answer with the new list, which is shown at once; the session (slots, status, agenda)
 * and every list refresh after.
 */
function useParticipantChange<Vars>(id: string, request: (vars: Vars) => Promise<ParticipantList>) {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: request,
    onSuccess: (list) => qc.setQueryData(editorKeys.participants(id), list),
    onSettled: () => refresh(),
  });
}

export function useAddParticipant(id: string) {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (input: z.output<typeof AddParticipantInput>) =>
      api.post<Participant>(`${sessionPath(id)}/participants`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: editorKeys.participants(id) }),
    onSettled: () => refresh(),
  });
}

export function useUpdateParticipant(id: string) {
  return useParticipantChange(
    id,
    ({ participantId, change }: { participantId: string; change: z.output<typeof UpdateParticipantInput> }) =>
      api.patch<ParticipantList>(participantPath(id, participantId), change),
  );
}

export function useMoveParticipant(id: string) {
  return useParticipantChange(
    id,
    ({ participantId, direction }: { participantId: string; direction: z.infer<typeof MoveInput>["direction"] }) =>
      api.post<ParticipantList>(`${participantPath(id, participantId)}/move`, { direction }),
  );
}

export function useRemoveParticipant(id: string) {
  return useParticipantChange(id, (participantId: string) =>
    api.delete<ParticipantList>(participantPath(id, participantId)),
  );
}
