import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type {
  CommunitySession,
  MyRegistrationList,
  RegisterInput,
  SessionCardList,
} from "../../../shared/schemas/community-sessions";
import { api } from "../../lib/api-client";
import { COMMUNITY_SESSIONS_QUERY_KEY, ME_QUERY_KEY } from "../../lib/query-client";

export type SessionsWhen = "upcoming" | "past";

// Under the root the admin editor uses too: `session(id)` is the same query (same endpoint, same DTO), so an
// edit there and a registration here refresh each other.
export const communityKeys = {
  all: COMMUNITY_SESSIONS_QUERY_KEY,
  lists: () => [...communityKeys.all, "list"] as const,
  list: (when: SessionsWhen) => [...communityKeys.lists(), when] as const,
  session: (id: string) => [...communityKeys.all, "session", id] as const,
  mine: () => [...communityKeys.all, "mine"] as const,
};

const sessionPath = (id: string) => `/api/v1/community/sessions/${encodeURIComponent(id)}`;

export const SESSIONS_PAGE_SIZE = 24;

/** Members' list (never Drafts), a page at a time: upcoming soonest first, or past most recent first. */
export const sessionListQuery = (when: SessionsWhen) =>
  infiniteQueryOptions({
    queryKey: communityKeys.list(when),
    queryFn: ({ pageParam }) =>
      api.get<SessionCardList>("/api/v1/community/sessions", {
        when,
        limit: SESSIONS_PAGE_SIZE,
        offset: pageParam,
      }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) =>
      last.sessions.length < SESSIONS_PAGE_SIZE ? undefined : pages.length * SESSIONS_PAGE_SIZE,
  });

/** One session as the caller may see it (meeting details only when entitled); a Draft is a 404 for members. */
export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: communityKeys.session(id),
    queryFn: () => api.get<CommunitySession>(sessionPath(id)),
  });

/** My sessions: every registration of the signed-in user, cancelled ones included. */
export const myRegistrationsQuery = () =>
  queryOptions({
    queryKey: communityKeys.mine(),
    queryFn: () => api.get<MyRegistrationList>("/api/v1/me/community/registrations"),
  });

/** Where "Add to calendar" downloads this session as an ICS file. */
export const sessionIcsPath = (id: string) => `${sessionPath(id)}/calendar.ics`;

/** The community feed: every published session, without meeting details. */
export const COMMUNITY_FEED_PATH = "/api/v1/community/calendar.ics";

/** After a registration changes: the session from the answer, and every list that shows its slots. */
function useSessionChanged() {
  const qc = useQueryClient();
  return (session: CommunitySession) => {
    qc.setQueryData(communityKeys.session(session.id), session);
    void qc.invalidateQueries({ queryKey: communityKeys.lists() });
    void qc.invalidateQueries({ queryKey: communityKeys.mine() });
  };
}

/** Register yourself; the name (when sent) is saved to your profile, so the signed-in user is asked again. */
export function useRegister(id: string) {
  const qc = useQueryClient();
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (input: RegisterInput) => api.post<CommunitySession>(`${sessionPath(id)}/registrations`, input),
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
    mutationFn: () => api.delete<CommunitySession>(`${sessionPath(id)}/registrations/me`),
    onSuccess: changed,
  });
}
