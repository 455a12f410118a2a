import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AdminListQuery,
  AttendanceHistory,
  CommunitySession,
  MemberListQuery,
  MyRegistrationList,
  OfferAnswer,
  PlaceOffer,
  RegisterInput,
  SessionCardList,
  SessionStatus,
  WrapUpInput,
} from "../../../shared/schemas/community-sessions";
import { api } from "../../lib/api-client";
import { COMMUNITY_SESSIONS_QUERY_KEY, ME_QUERY_KEY } from "../../lib/query-client";
import { sessionPaths } from "./paths";

export type SessionsWhen = z.infer<typeof MemberListQuery>["when"];

/** Admin > Sessions: what the filters and the pager hold. */
export interface AdminSessionFilters {
  status: SessionStatus | null;
  when: z.infer<typeof AdminListQuery>["when"];
  q: string;
  page: number;
}

/**
 * The feature's query keys, member pages and editor alike, all under one root (`COMMUNITY_SESSIONS_QUERY_KEY`,
 * which Admin > Settings refreshes too). `session(id)` is one query for both sides (same endpoint, same DTO),
 * so an edit in the editor and a registration on the session page refresh each other.
 */
export const sessionKeys = {
  all: COMMUNITY_SESSIONS_QUERY_KEY,
  lists: () => [...sessionKeys.all, "list"] as const,
  list: (when: SessionsWhen) => [...sessionKeys.lists(), when] as const,
  adminLists: () => [...sessionKeys.all, "admin-list"] as const,
  adminList: (filters: AdminSessionFilters) => [...sessionKeys.adminLists(), filters] as const,
  session: (id: string) => [...sessionKeys.all, "session", id] as const,
  participants: (id: string) => [...sessionKeys.all, "participants", id] as const,
  mine: () => [...sessionKeys.all, "mine"] as const,
  attendance: () => [...sessionKeys.all, "attendance"] as const,
};

const SESSIONS_PAGE_SIZE = 24;

/** Members' list (never Drafts), a page at a time: upcoming soonest first, or past most recent first. */
export const sessionListQuery = (when: SessionsWhen) =>
  infiniteQueryOptions({
    queryKey: sessionKeys.list(when),
    queryFn: ({ pageParam }) =>
      api.get<SessionCardList>(sessionPaths.api.sessions, {
        when,
        limit: SESSIONS_PAGE_SIZE,
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      last.sessions.length < SESSIONS_PAGE_SIZE ? undefined : pages.length * SESSIONS_PAGE_SIZE,
  });

/**
 * One session as the caller may see it: meeting details only when entitled, the agenda, and the caller's
 * abilities (status actions). A Draft is a 404 for members.
 */
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: sessionKeys.session(id),
    queryFn: () => api.get<CommunitySession>(sessionPaths.api.session(id)),
  });

/** My sessions: every registration of the signed-in user, cancelled ones included. */
export const myRegistrationsQuery = () =>
  queryOptions({
    queryKey: sessionKeys.mine(),
    queryFn: () => api.get<MyRegistrationList>(sessionPaths.api.myRegistrations),
  });

/** After a registration changes: the session from the answer, and every list that shows its slots. */
function useSessionChanged() {
  const qc = useQueryClient();
  return (session: CommunitySession) => {
    qc.setQueryData(sessionKeys.session(session.id), session);
    void qc.invalidateQueries({ queryKey: sessionKeys.lists() });
    void qc.invalidateQueries({ queryKey: sessionKeys.mine() });
  };
}

/** Register yourself; the name (when sent) is saved to your profile, so the signed-in user is asked again. */
export function useRegister(id: string) {
  const qc = useQueryClient();
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (input: z.input<typeof RegisterInput>) =>
      api.post<CommunitySession>(sessionPaths.api.registrations(id), input),
    onSuccess: (session, input) => {
      changed(session);
      if (input.name) void qc.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

/** Cancel your own registration (until the session starts). */
export function useCancelRegistration(id: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: () => api.delete<CommunitySession>(sessionPaths.api.myRegistration(id)),
    onSuccess: changed,
  });
}

/** My attendance (issue #15): how many sessions I attended and missed, once wrapped up. */
export const myAttendanceQuery = () =>
  queryOptions({
    queryKey: sessionKeys.attendance(),
    queryFn: () => api.get<AttendanceHistory>(sessionPaths.api.myAttendance),
  });

/**
 * Wrap up an ended session (issue #15): attendance, recording and notes; the first time, the attendees'
 * follow-up. The answer becomes the cached session; every list and the participants refresh.
 */
export function useWrapUp(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof WrapUpInput>) =>
      api.post<CommunitySession, z.input<typeof WrapUpInput>>(sessionPaths.api.wrapUp(id), input),
    onSuccess: (session) => {
      qc.setQueryData(sessionKeys.session(id), session);
      const own = sessionKeys.session(id);
      void qc.invalidateQueries({
        queryKey: sessionKeys.all,
        predicate: (q) => !own.every((part, i) => q.queryKey[i] === part),
      });
    },
  });
}

// Waitlists: member side (issue #15)

/** Join a full role's waitlist, with the fields a registration takes; the answer carries `myWaitlist`. */
export function useJoinWaitlist(id: string) {
  const qc = useQueryClient();
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (input: z.input<typeof RegisterInput>) =>
      api.post<CommunitySession>(sessionPaths.api.waitlist(id), input),
    onSuccess: (session, input) => {
      changed(session);
      if (input.name) void qc.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

/** Leave the waitlist, or decline the place held for you (it goes to the next in line): one endpoint. */
export function useLeaveWaitlist(id: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: () => api.delete<CommunitySession>(sessionPaths.api.myWaitlist(id)),
    onSuccess: changed,
  });
}

/** Accept the place held for you: the answer is the session with your registration and the meeting link. */
export function useAcceptMyOffer(id: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: () => api.post<CommunitySession>(sessionPaths.api.acceptMyOffer(id)),
    onSuccess: changed,
  });
}

/** The offer behind an email's link (no sign-in needed); not cached across tokens. */
export const offerQuery = (token: string) =>
  queryOptions({
    queryKey: [...sessionKeys.all, "offer", token] as const,
    queryFn: () => api.get<PlaceOffer>(sessionPaths.api.offer(token)),
    retry: false,
  });

/**
 * Accept or decline by the email's link. Whatever the answer (a 409 too: expired, answered already), the offer
 * and the session it belongs to are read again.
 */
export function useAnswerOffer(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (answer: "accept" | "decline") => api.post<OfferAnswer>(`${sessionPaths.api.offer(token)}/${answer}`),
    onSettled: (result) => {
      void qc.invalidateQueries({ queryKey: [...sessionKeys.all, "offer", token] });
      if (result) void qc.invalidateQueries({ queryKey: sessionKeys.session(result.sessionId) });
      void qc.invalidateQueries({ queryKey: sessionKeys.lists() });
      void qc.invalidateQueries({ queryKey: sessionKeys.mine() });
    },
  });
}
