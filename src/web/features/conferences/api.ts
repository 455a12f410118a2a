import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  Contribution,
  ContributionCreateInput,
  ContributionList,
  ContributionUpdateInput,
  ScheduleInput,
} from "../../../shared/schemas/conference-contributions";
import type {
  ConferenceEvent,
  EventCreateInput,
  EventList,
  EventManagerList,
  EventUpdateInput,
  ManagerInput,
  Room,
  RoomInput,
  RoomList,
  RoomUpdateInput,
  SessionType,
  SessionTypeInput,
  SessionTypeList,
  SessionTypeUpdateInput,
} from "../../../shared/schemas/conference-events";
import type {
  ConferenceSessionCreateInput,
  ConferenceSessionList,
  ConferenceSessionUpdateInput,
  LinkMaterialInput,
  Material,
  MaterialList,
} from "../../../shared/schemas/conference-sessions";
import type {
  BlockCreateInput,
  BlockDeleted,
  BlockUpdateInput,
  Break,
  BreakCreateInput,
  ConferenceSession,
  EventTimetable,
  RescheduleInput,
  RescheduleResult,
  SessionBlock,
  SessionDeleted,
  SessionTimetable,
} from "../../../shared/schemas/timetable";
import { api } from "../../lib/api-client";
import { requestOf, type TimetableChange, withCurrentIds } from "./timetable-editing";

/**
 * Query keys: everything about one event sits under ["conferences", "event", id], so a change anywhere in the
 * event (a session deleted, a block added) refreshes every view of it at once: lists, timetable, session pages.
 */
export const conferenceKeys = {
  all: ["conferences"] as const,
  events: () => [...conferenceKeys.all, "events"] as const,
  rooms: () => [...conferenceKeys.all, "rooms"] as const,
  event: (eventId: string) => [...conferenceKeys.all, "event", eventId] as const,
  managers: (eventId: string) => [...conferenceKeys.event(eventId), "managers"] as const,
  sessionTypes: (eventId: string) => [...conferenceKeys.event(eventId), "session-types"] as const,
  sessions: (eventId: string) => [...conferenceKeys.event(eventId), "sessions"] as const,
  session: (eventId: string, sessionId: string) => [...conferenceKeys.event(eventId), "session", sessionId] as const,
  sessionTimetable: (eventId: string, sessionId: string) =>
    [...conferenceKeys.event(eventId), "session-timetable", sessionId] as const,
  materials: (eventId: string, sessionId: string) =>
    [...conferenceKeys.event(eventId), "materials", sessionId] as const,
  timetable: (eventId: string) => [...conferenceKeys.event(eventId), "timetable"] as const,
  contribution: (eventId: string, contributionId: string) =>
    [...conferenceKeys.event(eventId), "contribution", contributionId] as const,
  contributions: (eventId: string, filters: ContributionFilters) =>
    [...conferenceKeys.event(eventId), "contributions", filters] as const,
};

export interface ContributionFilters {
  scheduled: "yes" | "no" | null;
  /** A session's id, "none" for contributions without a session, or null for all. */
  sessionId: string | null;
  q: string;
}

const enc = encodeURIComponent;
export const eventPath = (eventId: string) => `/api/v1/events/${enc(eventId)}`;
const sessionPath = (eventId: string, sessionId: string) => `${eventPath(eventId)}/sessions/${enc(sessionId)}`;

// ------------------------------------------------------------------------------------------------ queries

export const eventListQuery = () =>
  queryOptions({ queryKey: conferenceKeys.events(), queryFn: () => api.get<EventList>("/api/v1/events") });

/** The Events page: upcoming or past events the viewer may see, searched by title. */
export const eventSearchQuery = (when: "upcoming" | "past", q: string) =>
  queryOptions({
    queryKey: [...conferenceKeys.events(), { when, q }] as const,
    queryFn: () => api.get<EventList>(`/api/v1/events?${new URLSearchParams({ when, ...(q ? { q } : {}) })}`),
    placeholderData: (previous) => previous,
  });

/** The event behind a readable address (`/e/<slug>`). */
export const eventBySlugQuery = (slug: string) =>
  queryOptions({
    queryKey: [...conferenceKeys.all, "slug", slug] as const,
    queryFn: () => api.get<ConferenceEvent>(`/api/v1/events/by-slug/${enc(slug)}`),
  });

export const roomListQuery = () =>
  queryOptions({ queryKey: conferenceKeys.rooms(), queryFn: () => api.get<RoomList>("/api/v1/rooms") });

export const eventQuery = (eventId: string) =>
  queryOptions({
    queryKey: conferenceKeys.event(eventId),
    queryFn: () => api.get<ConferenceEvent>(eventPath(eventId)),
  });

export const managersQuery = (eventId: string) =>
  queryOptions({
    queryKey: conferenceKeys.managers(eventId),
    queryFn: () => api.get<EventManagerList>(`${eventPath(eventId)}/managers`),
  });

export const sessionTypesQuery = (eventId: string) =>
  queryOptions({
    queryKey: conferenceKeys.sessionTypes(eventId),
    queryFn: () => api.get<SessionTypeList>(`${eventPath(eventId)}/session-types`),
  });

/** The Sessions page (managers): the list with Blocks and Material counts, and the event's types. */
export const sessionListQuery = (eventId: string) =>
  queryOptions({
    queryKey: conferenceKeys.sessions(eventId),
    queryFn: () => api.get<ConferenceSessionList>(`${eventPath(eventId)}/sessions`),
  });

export const sessionQuery = (eventId: string, sessionId: string) =>
  queryOptions({
    queryKey: conferenceKeys.session(eventId, sessionId),
    queryFn: () => api.get<ConferenceSession>(sessionPath(eventId, sessionId)),
  });

export const sessionTimetableQuery = (eventId: string, sessionId: string) =>
  queryOptions({
    queryKey: conferenceKeys.sessionTimetable(eventId, sessionId),
    queryFn: () => api.get<SessionTimetable>(`${sessionPath(eventId, sessionId)}/timetable`),
  });

export const materialsQuery = (eventId: string, sessionId: string) =>
  queryOptions({
    queryKey: conferenceKeys.materials(eventId, sessionId),
    queryFn: () => api.get<MaterialList>(`${sessionPath(eventId, sessionId)}/materials`),
  });

export const timetableQuery = (eventId: string) =>
  queryOptions({
    queryKey: conferenceKeys.timetable(eventId),
    queryFn: () => api.get<EventTimetable>(`${eventPath(eventId)}/timetable`),
  });

export const contributionQuery = (eventId: string, contributionId: string) =>
  queryOptions({
    queryKey: conferenceKeys.contribution(eventId, contributionId),
    queryFn: () => api.get<Contribution>(`${eventPath(eventId)}/contributions/${enc(contributionId)}`),
  });

export const CONTRIBUTIONS_LIMIT = 500;

export const contributionsQuery = (eventId: string, filters: ContributionFilters) =>
  queryOptions({
    queryKey: conferenceKeys.contributions(eventId, filters),
    queryFn: () =>
      api.get<ContributionList>(`${eventPath(eventId)}/contributions`, {
        scheduled: filters.scheduled,
        sessionId: filters.sessionId,
        q: filters.q,
        limit: CONTRIBUTIONS_LIMIT,
      }),
    placeholderData: keepPreviousData,
  });

// ------------------------------------------------------------------------------------------------ mutations

/** A mutation inside one event: everything cached about the event refreshes after it. */
function useEventMutation<Vars, Result>(eventId: string, request: (vars: Vars) => Promise<Result>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => qc.invalidateQueries({ queryKey: conferenceKeys.event(eventId) }),
  });
}

export function useCreateEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EventCreateInput>) => api.post<ConferenceEvent>("/api/v1/events", input),
    onSuccess: () => qc.invalidateQueries({ queryKey: conferenceKeys.events() }),
  });
}

export function useUpdateEvent(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EventUpdateInput>) => api.patch<ConferenceEvent>(eventPath(eventId), input),
    onSuccess: (event) => {
      qc.setQueryData(conferenceKeys.event(eventId), event);
      void qc.invalidateQueries({ queryKey: conferenceKeys.all });
    },
  });
}

export const useAddManager = (eventId: string) =>
  useEventMutation(eventId, (email: string) =>
    api.post<EventManagerList, z.input<typeof ManagerInput>>(`${eventPath(eventId)}/managers`, { email }),
  );

export const useRemoveManager = (eventId: string) =>
  useEventMutation(eventId, (userId: string) =>
    api.delete<EventManagerList>(`${eventPath(eventId)}/managers/${enc(userId)}`),
  );

// Rooms (Admin ▸ Rooms)
function useRoomMutation<Vars, Result>(request: (vars: Vars) => Promise<Result>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: request,
    // Rooms are the locations of events, sessions and blocks: every conference view may show them.
    onSuccess: () => qc.invalidateQueries({ queryKey: conferenceKeys.all }),
  });
}
export const useCreateRoom = () =>
  useRoomMutation((input: z.input<typeof RoomInput>) => api.post<Room>("/api/v1/admin/rooms", input));
export const useUpdateRoom = () =>
  useRoomMutation(({ id, change }: { id: string; change: z.input<typeof RoomUpdateInput> }) =>
    api.patch<Room>(`/api/v1/admin/rooms/${enc(id)}`, change),
  );
export const useDeleteRoom = () =>
  useRoomMutation((id: string) => api.delete<{ ok: true }>(`/api/v1/admin/rooms/${enc(id)}`));

// Session types (Settings ▸ Session types)
export const useCreateSessionType = (eventId: string) =>
  useEventMutation(eventId, (input: z.input<typeof SessionTypeInput>) =>
    api.post<SessionType>(`${eventPath(eventId)}/session-types`, input),
  );
export const useUpdateSessionType = (eventId: string) =>
  useEventMutation(eventId, ({ id, change }: { id: string; change: z.input<typeof SessionTypeUpdateInput> }) =>
    api.patch<SessionType>(`${eventPath(eventId)}/session-types/${enc(id)}`, change),
  );
export const useDeleteSessionType = (eventId: string) =>
  useEventMutation(eventId, (id: string) =>
    api.delete<{ ok: true; sessionsUntyped: number }>(`${eventPath(eventId)}/session-types/${enc(id)}`),
  );

// Sessions
export const useCreateConferenceSession = (eventId: string) =>
  useEventMutation(eventId, (input: z.input<typeof ConferenceSessionCreateInput>) =>
    api.post<ConferenceSession>(`${eventPath(eventId)}/sessions`, input),
  );
export const useUpdateConferenceSession = (eventId: string) =>
  useEventMutation(eventId, ({ id, change }: { id: string; change: z.input<typeof ConferenceSessionUpdateInput> }) =>
    api.patch<ConferenceSession>(sessionPath(eventId, id), change),
  );
export function useDeleteConferenceSession(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<SessionDeleted>(sessionPath(eventId, id)),
    onSuccess: (_result, id) => {
      // Its own views would only answer 404 now: drop them rather than refetch them.
      qc.removeQueries({ queryKey: conferenceKeys.session(eventId, id) });
      qc.removeQueries({ queryKey: conferenceKeys.sessionTimetable(eventId, id) });
      qc.removeQueries({ queryKey: conferenceKeys.materials(eventId, id) });
      void qc.invalidateQueries({ queryKey: conferenceKeys.event(eventId) });
    },
  });
}

// Materials
export const useAddLinkMaterial = (eventId: string, sessionId: string) =>
  useEventMutation(eventId, (input: z.input<typeof LinkMaterialInput>) =>
    api.post<Material>(`${sessionPath(eventId, sessionId)}/materials/links`, input),
  );
export const useDeleteMaterial = (eventId: string) =>
  useEventMutation(eventId, (materialId: string) =>
    api.delete<{ ok: true }>(`${eventPath(eventId)}/materials/${enc(materialId)}`),
  );
export const materialUploadPath = (eventId: string, sessionId: string) =>
  `${sessionPath(eventId, sessionId)}/materials/files`;

// Blocks and breaks
export const useCreateBlock = (eventId: string) =>
  useEventMutation(eventId, ({ sessionId, input }: { sessionId: string; input: z.input<typeof BlockCreateInput> }) =>
    api.post<SessionBlock>(`${sessionPath(eventId, sessionId)}/blocks`, input),
  );
export const useUpdateBlock = (eventId: string) =>
  useEventMutation(eventId, ({ id, change }: { id: string; change: z.input<typeof BlockUpdateInput> }) =>
    api.patch<SessionBlock>(`${eventPath(eventId)}/blocks/${enc(id)}`, change),
  );
export const useFitBlock = (eventId: string) =>
  useEventMutation(eventId, (id: string) => api.post<SessionBlock>(`${eventPath(eventId)}/blocks/${enc(id)}/fit`));
export const useReschedule = (eventId: string) =>
  useEventMutation(eventId, (input: z.input<typeof RescheduleInput>) =>
    api.post<RescheduleResult>(`${eventPath(eventId)}/timetable/reschedule`, input),
  );
export const useDeleteBlock = (eventId: string) =>
  useEventMutation(eventId, (id: string) => api.delete<BlockDeleted>(`${eventPath(eventId)}/blocks/${enc(id)}`));
export const useCreateBreak = (eventId: string) =>
  useEventMutation(eventId, (input: z.input<typeof BreakCreateInput>) =>
    api.post<Break>(`${eventPath(eventId)}/breaks`, input),
  );
export const useDeleteBreak = (eventId: string) =>
  useEventMutation(eventId, (id: string) => api.delete<{ ok: true }>(`${eventPath(eventId)}/breaks/${enc(id)}`));

// Contributions
const contributionPath = (eventId: string, id: string) => `${eventPath(eventId)}/contributions/${enc(id)}`;
export const useCreateContribution = (eventId: string) =>
  useEventMutation(eventId, (input: z.input<typeof ContributionCreateInput>) =>
    api.post<Contribution>(`${eventPath(eventId)}/contributions`, input),
  );
export const useScheduleContribution = (eventId: string) =>
  useEventMutation(eventId, ({ id, input }: { id: string; input: z.input<typeof ScheduleInput> }) =>
    api.post<Contribution>(`${contributionPath(eventId, id)}/schedule`, input),
  );
export const useUnscheduleContribution = (eventId: string) =>
  useEventMutation(eventId, (id: string) => api.post<Contribution>(`${contributionPath(eventId, id)}/unschedule`));

// The timetable editor: a change (or an undo, which may be several changes) sent in order; the answers' notices
// (a block that grew, …) come back together. The views refresh before the promise settles, so a dragged entry
// does not jump back while its new place loads. With `aliases` (the undo history's), ids are brought up to date
// before sending and a block or break made again by undo records its new id.
export function useTimetableChanges(eventId: string, aliases?: Map<string, string>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (changes: TimetableChange[]) => {
      const notices: string[] = [];
      for (const asked of changes) {
        const change = aliases ? withCurrentIds(asked, aliases) : asked;
        const request = requestOf(change);
        const url = `${eventPath(eventId)}${request.path}`;
        const answer = await (request.method === "DELETE"
          ? api.delete<Answer>(url)
          : request.method === "PATCH"
            ? api.patch<Answer>(url, request.body)
            : request.method === "PUT"
              ? api.put<Answer>(url, request.body)
              : api.post<Answer>(url, request.body));
        notices.push(...(answer.notices ?? []));
        if (aliases && (change.kind === "block-create" || change.kind === "break-create") && answer.id)
          aliases.set(change.restores, answer.id);
      }
      return notices;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: conferenceKeys.event(eventId) }),
  });
}
type Answer = { notices?: string[]; id?: string };

export const useUpdateContribution = (eventId: string) =>
  useEventMutation(eventId, ({ id, change }: { id: string; change: z.input<typeof ContributionUpdateInput> }) =>
    api.patch<Contribution>(contributionPath(eventId, id), change),
  );
