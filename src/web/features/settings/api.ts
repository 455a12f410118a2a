import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  GoogleCalendarSettings,
  GoogleCalendarSettingsInput,
  GoogleConnectionTest,
  ReminderSettings,
  Settings,
  SettingsUpdate,
  WaitlistSettings,
} from "../../../shared/schemas/community-sessions";
import { api } from "../../lib/api-client";
import { COMMUNITY_SESSIONS_QUERY_KEY, ME_QUERY_KEY, SITE_QUERY_KEY } from "../../lib/query-client";
import { reminderSettingsQuery } from "../../lib/reminder-settings";

const settingsKeys = {
  all: ["settings"] as const,
  settings: () => [...settingsKeys.all, "site"] as const,
  google: () => [...settingsKeys.all, "google"] as const,
  waitlists: () => [...settingsKeys.all, "waitlists"] as const,
};

/** Site Information and Feature Flags. */
export const settingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.settings(),
    queryFn: () => api.get<Settings>("/api/v1/admin/settings"),
  });

/** Google Calendar: the Calendar ID, whose key is stored (never the key), and the sync state. */
export const googleQuery = () =>
  queryOptions({
    queryKey: settingsKeys.google(),
    queryFn: () => api.get<GoogleCalendarSettings>("/api/v1/admin/settings/google"),
    // Syncs run in the background: follow them while some are waiting.
    refetchInterval: (query) => ((query.state.data?.pendingSyncs ?? 0) > 0 ? 3000 : false),
  });

/**
 * Saves only the section sent. The header (Site Name), the signed-in user's abilities (Allow User Session
 * Creation) and the sessions (premium gates decide who may take which role) refresh after.
 */
export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof SettingsUpdate>) => api.patch<Settings>("/api/v1/admin/settings", input),
    onSuccess: (settings) => {
      qc.setQueryData(settingsKeys.settings(), settings);
      void qc.invalidateQueries({ queryKey: SITE_QUERY_KEY });
      void qc.invalidateQueries({ queryKey: ME_QUERY_KEY });
      void qc.invalidateQueries({ queryKey: COMMUNITY_SESSIONS_QUERY_KEY });
    },
  });
}

export function useSaveGoogle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof GoogleCalendarSettingsInput>) =>
      api.put<GoogleCalendarSettings>("/api/v1/admin/settings/google", input),
    onSuccess: (google) => {
      qc.setQueryData(settingsKeys.google(), google);
      // Saving queues a sync of every published session: the list's sync column follows.
      void qc.invalidateQueries({ queryKey: COMMUNITY_SESSIONS_QUERY_KEY });
    },
  });
}

export function useTestGoogle() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<z.infer<typeof GoogleConnectionTest>>("/api/v1/admin/settings/google/test"),
    onSettled: () => qc.invalidateQueries({ queryKey: settingsKeys.google() }),
  });
}

/** Saves the reminder times; sessions ahead are planned again on the server. */
export function useSaveReminders() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<ReminderSettings>) =>
      api.put<ReminderSettings>("/api/v1/admin/settings/reminders", input),
    onSuccess: (saved) => qc.setQueryData(reminderSettingsQuery().queryKey, saved),
  });
}

/** Waitlists (issue #15): how long an offered place is held, offer or register at once, the no-show rule. */
export const waitlistSettingsQuery = () =>
  queryOptions({
    queryKey: settingsKeys.waitlists(),
    queryFn: () => api.get<WaitlistSettings>("/api/v1/admin/settings/waitlists"),
  });

export function useSaveWaitlists() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<WaitlistSettings>) =>
      api.put<WaitlistSettings>("/api/v1/admin/settings/waitlists", input),
    onSuccess: (saved) => qc.setQueryData(settingsKeys.waitlists(), saved),
  });
}
