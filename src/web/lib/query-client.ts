import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, isApiError } from "./api-client";

/** The signed-in user's query key; here so that any feature can refresh it without importing another. */
export const ME_QUERY_KEY = ["auth", "me"] as const;

/** Site Name and tagline (GET /api/v1/site); here so that Admin > Settings can refresh the header. */
export const SITE_QUERY_KEY = ["site"] as const;

/**
 * The root of every community-session query (lists, one session, its participants). The member pages and the
 * admin editor both key under it, so a change made in one refreshes the other.
 */
export const COMMUNITY_SESSIONS_QUERY_KEY = ["community-sessions"] as const;

/** Retries only what may pass on a second try: network failures and 5xx, never a refusal (4xx). */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 anywhere means the sign-in ended (expired, signed out elsewhere, deactivated): ask who we are again,
  // so the header and the page guards follow.
  const onError = (error: unknown) => {
    if (isApiError(error, 401)) void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: true },
      mutations: { retry: false },
    },
  });
  return client;
}
