const api = "/api/v1/community/sessions";
const session = (id: string) => `${api}/${encodeURIComponent(id)}`;
const participant = (id: string, participantId: string) =>
  `${session(id)}/participants/${encodeURIComponent(participantId)}`;

/**
 * Every address of community sessions, in one place: the pages of the app (as `app/router.tsx` declares them)
 * and the API endpoints the feature calls.
 */
export const sessionPaths = {
  /** The session page, the link in every email. */
  page: (id: string) => `/sessions/${id}`,
  /** A place offered from a waitlist: the link in the offer email (works signed out). */
  offer: (token: string) => `/offers/${encodeURIComponent(token)}`,
  /** Admin > Sessions. */
  adminList: "/admin/sessions",
  /** The session editor. */
  editor: (id: string) => `/admin/sessions/${id}`,
  /** New Session: the editor's form before the first save creates the session. */
  newSession: "/admin/sessions/new",

  api: {
    /** Members' list; POST creates a session. */
    sessions: api,
    adminSessions: "/api/v1/admin/community/sessions",
    myRegistrations: "/api/v1/me/community/registrations",
    /** The community feed: every published session, without meeting details. */
    feed: "/api/v1/community/calendar.ics",
    session,
    /** This session as an ICS file ("Add to calendar"). */
    ics: (id: string) => `${session(id)}/calendar.ics`,
    registrations: (id: string) => `${session(id)}/registrations`,
    myRegistration: (id: string) => `${session(id)}/registrations/me`,
    /** POST joins a full role's waitlist. */
    waitlist: (id: string) => `${session(id)}/waitlist`,
    /** DELETE leaves the waitlist or declines the place offered. */
    myWaitlist: (id: string) => `${session(id)}/waitlist/me`,
    acceptMyOffer: (id: string) => `${session(id)}/waitlist/me/accept`,
    /** The offer behind the email's link; `/accept` and `/decline` answer it. */
    offer: (token: string) => `/api/v1/community/offers/${encodeURIComponent(token)}`,
    status: (id: string) => `${session(id)}/status`,
    participants: (id: string) => `${session(id)}/participants`,
    participant,
    moveParticipant: (id: string, participantId: string) => `${participant(id, participantId)}/move`,
    wrapUp: (id: string) => `${session(id)}/wrap-up`,
    myAttendance: "/api/v1/me/community/attendance",
  },
} as const;
