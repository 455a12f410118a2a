/**
 * Paths of the conference pages in the web app, the one place the server names them (My sessions, calendar and
 * frab exports). Absolute addresses prefix BASE_URL.
 */
export const eventPath = (eventId: string) => `/events/${eventId}`;
export const eventTimetablePath = (eventId: string) => `/events/${eventId}/timetable`;
/** The timetable in the event's management area (the editor). */
export const eventManageTimetablePath = (eventId: string) => `/events/${eventId}/manage/timetable`;
export const sessionPath = (eventId: string, sessionId: string) => `/events/${eventId}/sessions/${sessionId}`;
export const sessionTimetablePath = (eventId: string, sessionId: string) =>
  `/events/${eventId}/sessions/${sessionId}/timetable`;
export const contributionPath = (eventId: string, contributionId: string) =>
  `/events/${eventId}/contributions/${contributionId}`;

/** An absolute address on this installation. */
export function absolute(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, "")}${path}`;
}
