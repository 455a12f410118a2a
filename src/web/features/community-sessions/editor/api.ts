import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AddParticipantInput,
  AdminSessionList,
  CommunitySession,
  InvitationSent,
  MoveInput,
  Participant,
  ParticipantList,
  SessionCreateInput,
  SessionUpdateInput,
  StatusInput,
  UpdateParticipantInput,
  WaitlistList,
  WaitlistMoveInput,
  WaitlistOfferResult,
} from "../../../../shared/schemas/community-sessions";
import { api } from "../../../lib/api-client";
import { type AdminSessionFilters, sessionKeys } from "../api";
import { sessionPaths } from "../paths";

const paths = sessionPaths.api;

export const ADMIN_SESSIONS_PAGE_SIZE = 50;

/** Admin > Sessions: filtered by status and time, searched by title (members: the sessions they created). */
export const adminSessionListQuery = (filters: AdminSessionFilters) =>
  queryOptions({
    queryKey: sessionKeys.adminList(filters),
    queryFn: () =>
      api.get<AdminSessionList>(paths.adminSessions, {
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

/** The Participants tab: Host, Presenters in order, Interviewer, Guests, then Cancelled. */
export const participantsQuery = (id: string) =>
  queryOptions({
    queryKey: sessionKeys.participants(id),
    queryFn: () => api.get<ParticipantList>(paths.participants(id)),
  });

/** After any change: every list and session view refreshes, the member pages' too. */
function useRefreshAll() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: sessionKeys.all });
}

/** New Session: created in Draft with what the form holds so far (at least the Title). */
export const createSession = (input: z.input<typeof SessionCreateInput>) =>
  api.post<CommunitySession>(paths.sessions, input);

/** The autosave of the Details tab: only the changed fields, with the version they were edited from. */
export const updateSession = (id: string, input: z.input<typeof SessionUpdateInput>) =>
  api.patch<CommunitySession>(paths.session(id), input);

/** After the Details tab saved: the answer becomes the cached session; every other view refreshes. */
export function useSessionSaved() {
  const qc = useQueryClient();
  return (session: CommunitySession) => {
    qc.setQueryData(sessionKeys.session(session.id), session);
    // Everything but this session, which the answer just replaced: refetching it mid-edit is wasted work.
    const own = sessionKeys.session(session.id);
    void qc.invalidateQueries({
      queryKey: sessionKeys.all,
      predicate: (q) => !own.every((part, i) => q.queryKey[i] === part),
    });
  };
}

/** Open, Close registration, Reopen registration, Cancel session: applied at once. */
export function useChangeStatus(id: string) {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    // Reopening a Cancelled session with participants says what becomes of them (`participants`, issue 13).
    mutationFn: (input: z.input<typeof StatusInput>) =>
      api.post<CommunitySession, z.input<typeof StatusInput>>(paths.status(id), input),
    onSuccess: (session) => {
      qc.setQueryData(sessionKeys.session(id), session);
      void refresh();
    },
  });
}

/** Delete the session and all its participant records. */
export function useDeleteSession(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>(paths.session(id)),
    onSuccess: () => {
      qc.removeQueries({ queryKey: sessionKeys.session(id) });
      qc.removeQueries({ queryKey: sessionKeys.participants(id) });
      void qc.invalidateQueries({ queryKey: sessionKeys.all });
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
    onSuccess: (list) => qc.setQueryData(sessionKeys.participants(id), list),
    onSettled: () => refresh(),
  });
}

export function useAddParticipant(id: string) {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    // Admins add at once (the participant); members managing their own session only invite (issue #11).
    mutationFn: (input: z.input<typeof AddParticipantInput>) =>
      api.post<Participant | InvitationSent>(paths.participants(id), input),
    onSuccess: () => qc.invalidateQueries({ queryKey: sessionKeys.participants(id) }),
    onSettled: () => refresh(),
  });
}

export function useUpdateParticipant(id: string) {
  return useParticipantChange(
    id,
    ({ participantId, change }: { participantId: string; change: z.input<typeof UpdateParticipantInput> }) =>
      api.patch<ParticipantList>(paths.participant(id, participantId), change),
  );
}

export function useMoveParticipant(id: string) {
  return useParticipantChange(
    id,
    ({ participantId, direction }: { participantId: string } & z.input<typeof MoveInput>) =>
      api.post<ParticipantList, z.input<typeof MoveInput>>(paths.moveParticipant(id, participantId), { direction }),
  );
}

export function useRemoveParticipant(id: string) {
  return useParticipantChange(id, (participantId: string) =>
    api.delete<ParticipantList>(paths.participant(id, participantId)),
  );
}

/* ---------- Waitlists: the Participants tab's lines (issue #15) ---------- */

const waitlistPath = (id: string) => `${paths.session(id)}/waitlist`;
const waitlistEntryPath = (id: string, entryId: string) => `${waitlistPath(id)}/${encodeURIComponent(entryId)}`;
// Under the feature's root, so every participant change (which may offer a freed place) refreshes it too.
const waitlistKey = (id: string) => [...sessionKeys.all, "waitlist", id] as const;

/** Each role's line in order, offers first. */
export const waitlistQuery = (id: string) =>
  queryOptions({
    queryKey: waitlistKey(id),
    queryFn: () => api.get<WaitlistList>(waitlistPath(id)),
  });

/** A line change answers with the lines, shown at once; the session (slots) and the lists refresh after. */
function useWaitlistChange<Vars>(id: string, request: (vars: Vars) => Promise<WaitlistList>) {
  const qc = useQueryClient();
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: request,
    onSuccess: (list) => qc.setQueryData(waitlistKey(id), list),
    onSettled: () => refresh(),
  });
}

export function useMoveWaitlistEntry(id: string) {
  return useWaitlistChange(id, ({ entryId, direction }: { entryId: string } & z.input<typeof WaitlistMoveInput>) =>
    api.post<WaitlistList, z.input<typeof WaitlistMoveInput>>(`${waitlistEntryPath(id, entryId)}/move`, {
      direction,
    }),
  );
}

/** Registers them at once; refused (409) while their role has no free place. */
export function useRegisterFromWaitlist(id: string) {
  return useWaitlistChange(id, (entryId: string) =>
    api.post<WaitlistList>(`${waitlistEntryPath(id, entryId)}/register`),
  );
}

/** Takes them off the line; they are emailed, and a place offered to them passes on. */
export function useRemoveFromWaitlist(id: string) {
  return useWaitlistChange(id, (entryId: string) => api.delete<WaitlistList>(waitlistEntryPath(id, entryId)));
}

/** To the front of their line: offered now if a place is free, else first for the next one (the answer says). */
export function useOfferPlace(id: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (entryId: string) =>
      api.post<z.infer<typeof WaitlistOfferResult>>(`${waitlistEntryPath(id, entryId)}/offer`),
    onSettled: () => refresh(),
  });
}
