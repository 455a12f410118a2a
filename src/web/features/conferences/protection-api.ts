import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  EventProtection,
  EventProtectionInput,
  MyConference,
  MySessionList,
  PeopleFound,
  SessionProtection,
  SessionProtectionInput,
} from "../../../shared/schemas/conference-sessions";
import { api } from "../../lib/api-client";
import { meQuery } from "../../lib/me";
import { conferenceKeys, eventPath } from "./api";

/**
 * Protection (conferences.md, Protection): the shield of a session, the event's Protection page and My sessions.
 * Every key sits under the event's, so any change in the event refreshes them, and a change here refreshes the rest.
 */
const protectionKeys = {
  session: (eventId: string, sessionId: string) =>
    [...conferenceKeys.event(eventId), "session-protection", sessionId] as const,
  event: (eventId: string) => [...conferenceKeys.event(eventId), "protection"] as const,
  mySessions: (eventId: string) => [...conferenceKeys.event(eventId), "my-sessions"] as const,
  myConference: () => [...conferenceKeys.all, "me"] as const,
  people: (eventId: string, sessionId: string | null, q: string) =>
    [...conferenceKeys.event(eventId), "people", sessionId ?? "", q] as const,
};

const enc = encodeURIComponent;
const protectionPath = (eventId: string, sessionId: string) =>
  `${eventPath(eventId)}/sessions/${enc(sessionId)}/protection`;

/** The shield of a session (its full managers): visibility, managers, coordinators and access list. */
export const sessionProtectionQuery = (eventId: string, sessionId: string) =>
  queryOptions({
    queryKey: protectionKeys.session(eventId, sessionId),
    queryFn: () => api.get<SessionProtection>(protectionPath(eventId, sessionId)),
  });

/** The event's Protection page (its managers): managers and Session coordinator rights. */
export const eventProtectionQuery = (eventId: string) =>
  queryOptions({
    queryKey: protectionKeys.event(eventId),
    queryFn: () => api.get<EventProtection>(`${eventPath(eventId)}/protection`),
  });

/** My sessions on the event page: the sessions the signed-in user manages or coordinates by their own entry. */
export const mySessionsQuery = (eventId: string) =>
  queryOptions({
    queryKey: protectionKeys.mySessions(eventId),
    queryFn: () => api.get<MySessionList>(`${eventPath(eventId)}/my-sessions`),
  });

/** My sessions' Conferences part: the sessions one manages or coordinates and the contributions one speaks in. */
export const myConferenceQuery = () =>
  queryOptions({
    queryKey: protectionKeys.myConference(),
    queryFn: () => api.get<MyConference>("/api/v1/me/conference"),
  });

/**
 * People to name in a protection list, by part of a name or the start of an email: the shield's search (its full
 * managers) with a session, the event's (its managers) without. Kept a minute: typing back finds them again.
 */
export const peopleQuery = (eventId: string, sessionId: string | null, q: string) =>
  queryOptions({
    queryKey: protectionKeys.people(eventId, sessionId, q),
    queryFn: () =>
      api.get<PeopleFound>(
        sessionId ? `${eventPath(eventId)}/sessions/${enc(sessionId)}/people` : `${eventPath(eventId)}/people`,
        { q },
      ),
    staleTime: 60_000,
    retry: false,
  });

/** Whether someone is signed in (the shared query of lib: features do not import each other). */
export function useSignedIn(): boolean {
  return Boolean(useQuery(meQuery()).data);
}

/** Replaces the shield of a session (one PUT: visibility and the three lists, by email). */
export function useUpdateSessionProtection(eventId: string, sessionId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SessionProtectionInput>) =>
      api.put<SessionProtection>(protectionPath(eventId, sessionId), input),
    onSuccess: (saved) => {
      qc.setQueryData(protectionKeys.session(eventId, sessionId), saved);
      return qc.invalidateQueries({ queryKey: conferenceKeys.event(eventId) });
    },
  });
}

/** Edits the event's protection: its managers (a new list replaces the old) and the Session coordinator rights. */
export function useUpdateEventProtection(eventId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof EventProtectionInput>) =>
      api.patch<EventProtection>(`${eventPath(eventId)}/protection`, input),
    onSuccess: (saved) => {
      qc.setQueryData(protectionKeys.event(eventId), saved);
      return qc.invalidateQueries({ queryKey: conferenceKeys.event(eventId) });
    },
  });
}
