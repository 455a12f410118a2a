import { type QueryClient, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  ChangeEmailInput,
  ChangePasswordInput,
  InvitationAcceptInput,
  Me,
  MeResponse,
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
  SetupInput,
  SetupStatus,
  SignInInput,
  SignUpConfirmInput,
  SignUpRequestInput,
  Site,
  UpdateProfileInput,
} from "../../../shared/schemas/accounts";
import { api } from "../../lib/api-client";
import { meQuery } from "../../lib/me";
import { ME_QUERY_KEY, SITE_QUERY_KEY } from "../../lib/query-client";

type MeBody = z.infer<typeof MeResponse>;

const accountKeys = {
  me: ME_QUERY_KEY,
  site: SITE_QUERY_KEY,
  setup: ["setup"] as const,
};

/** The signed-in user, or null (shared with every feature from lib). */
export { meQuery };

/** Site Name and tagline. */
export const siteQuery = () =>
  queryOptions({
    queryKey: accountKeys.site,
    queryFn: () => api.get<z.infer<typeof Site>>("/api/v1/site"),
    staleTime: 5 * 60_000,
  });

/** Whether the first admin still has to be created. */
export const setupStatusQuery = () =>
  queryOptions({
    queryKey: accountKeys.setup,
    queryFn: () => api.get<z.infer<typeof SetupStatus>>("/api/v1/setup"),
    staleTime: 0,
  });

/**
 * A new person in this browser: forget everything cached for the previous one (admin lists, their profile),
 * keep what is the same for everybody (the site), and take the new user from the answer.
 */
function switchUser(qc: QueryClient, user: Me | null): void {
  qc.removeQueries({ predicate: (q) => q.queryKey[0] !== accountKeys.site[0] });
  qc.setQueryData(accountKeys.me, user);
}

export function useSignIn() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SignInInput>) => api.post<MeBody>("/api/v1/auth/sign-in", input),
    onSuccess: (res) => switchUser(qc, res.user),
  });
}

/** Asks for an account: the server emails a link, and the answer says nothing about the address. */
export function useSignUp() {
  return useMutation({
    mutationFn: (input: z.input<typeof SignUpRequestInput>) => api.post<{ ok: true }>("/api/v1/auth/sign-up", input),
  });
}

/** Follows the emailed sign-up link: creates the account and signs in. */
export function useConfirmSignUp() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SignUpConfirmInput>) => api.post<MeBody>("/api/v1/auth/sign-up/confirm", input),
    onSuccess: (res) => switchUser(qc, res.user),
  });
}

/** Follows an admin's invitation to a session: creates the invited account and signs in (issue 13, 4). */
export function useAcceptInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof InvitationAcceptInput>) =>
      api.post<MeBody>("/api/v1/auth/invitation/accept", input),
    onSuccess: (res) => switchUser(qc, res.user),
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/api/v1/auth/sign-out"),
    onSuccess: () => switchUser(qc, null),
  });
}

export function useCompleteSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SetupInput>) => api.post<MeBody>("/api/v1/setup", input),
    onSuccess: (res) => {
      switchUser(qc, res.user);
      qc.setQueryData(accountKeys.setup, { needed: false });
    },
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: z.input<typeof PasswordResetRequestInput>) =>
      api.post<{ ok: true }>("/api/v1/auth/password-reset", input),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: z.input<typeof PasswordResetConfirmInput>) =>
      api.post<{ ok: true }>("/api/v1/auth/password-reset/confirm", input),
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof UpdateProfileInput>) => api.patch<MeBody>("/api/v1/account", input),
    onSuccess: (res) => qc.setQueryData(accountKeys.me, res.user),
  });
}

export function useChangeEmail() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof ChangeEmailInput>) => api.post<{ ok: true }>("/api/v1/account/email", input),
    onSuccess: () => qc.invalidateQueries({ queryKey: accountKeys.me }),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (input: z.input<typeof ChangePasswordInput>) =>
      api.post<{ ok: true }>("/api/v1/account/password", input),
  });
}

/** The secret address of the signed-in user's personal calendar feed (platform.md, ICS feeds). */
export const feedQuery = () =>
  queryOptions({
    queryKey: ["account", "feed"] as const,
    queryFn: () => api.get<{ url: string }>("/api/v1/account/feed"),
    staleTime: Number.POSITIVE_INFINITY,
  });

/** A new feed address; the old one stops working at once. */
export function useResetFeed() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ url: string }>("/api/v1/account/feed/reset"),
    onSuccess: (res) => qc.setQueryData(feedQuery().queryKey, res),
  });
}
