import { queryOptions } from "@tanstack/react-query";
import type { ReminderSettings } from "../../shared/schemas/community-sessions";
import { api } from "./api-client";

/** The site's reminder times (admins only): one query that Admin > Settings and the session editor both read. */
export const reminderSettingsQuery = () =>
  queryOptions({
    queryKey: ["settings", "reminders"] as const,
    queryFn: () => api.get<ReminderSettings>("/api/v1/admin/settings/reminders"),
  });
