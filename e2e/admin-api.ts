import type { Page } from "@playwright/test";

/**
 * The API as the user signed in on `page` (their cookies, and the CSRF cookie sent back as x-csrf-token). For
 * setting up the data a journey starts from, not for the journey itself.
 */
export function apiAs(page: Page) {
  async function call<T>(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", path: string, data?: unknown) {
    const csrf = (await page.context().cookies()).find((c) => c.name === "convene_csrf")?.value;
    const res = await page.request.fetch(path, {
      method,
      data,
      headers: csrf ? { "x-csrf-token": decodeURIComponent(csrf) } : {},
    });
    if (!res.ok()) throw new Error(`${method} ${path} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as T;
  }
  return {
    get: <T>(path: string) => call<T>("GET", path),
    post: <T>(path: string, data: unknown = {}) => call<T>("POST", path, data),
    patch: <T>(path: string, data: unknown) => call<T>("PATCH", path, data),
    put: <T>(path: string, data: unknown) => call<T>("PUT", path, data),
  };
}

/** A wall-clock date and time `days` from now, as a datetime-local field holds it ("2026-03-10T18:30"). */
export function daysFromNow(days: number, time = "18:30"): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}T${time}`;
}

/** A field of the session editor by its label; the Title's label carries the required mark, its name does not. */
export function editorField(page: Page, label: string) {
  return label === "Title"
    ? page.getByRole("textbox", { name: "Title", exact: true })
    : page.getByLabel(label, { exact: true });
}

interface CreatedSession {
  id: string;
  title: string;
}

/**
 * An open session with a start, a meeting link, and people in roles: what an admin edits in "Editing a Session".
 * `people` are added by email in the given role (presenters with a talk title).
 */
export async function createOpenSession(
  page: Page,
  input: {
    title: string;
    description?: string;
    days?: number;
    time?: string;
    maxPresenters?: number;
    maxGuests?: number;
    hasInterviewer?: boolean;
  },
  people: { email: string; role: "host" | "presenter" | "interviewer" | "guest"; talkTitle?: string }[] = [],
): Promise<CreatedSession> {
  const api = apiAs(page);
  const session = await api.post<CreatedSession>("/api/v1/community/sessions", {
    title: input.title,
    description: input.description ?? "",
    startsLocal: daysFromNow(input.days ?? 20, input.time),
    meetingUrl: "https://meet.example.org/convene-weekly",
    meetingPassword: "lantern",
    ...(input.maxPresenters !== undefined ? { maxPresenters: input.maxPresenters } : {}),
    ...(input.maxGuests !== undefined ? { maxGuests: input.maxGuests } : {}),
    ...(input.hasInterviewer !== undefined ? { hasInterviewer: input.hasInterviewer } : {}),
  });
  await api.post(`/api/v1/community/sessions/${session.id}/status`, { action: "open" });
  for (const p of people) {
    await api.post(`/api/v1/community/sessions/${session.id}/participants`, p);
  }
  return session;
}
