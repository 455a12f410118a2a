import { type ComponentType, lazy } from "react";
import { createBrowserRouter } from "react-router";
import { NotFoundPage, RouteErrorPage } from "./error-pages";
import { RequireAbility, RequireAdmin, RequireUser } from "./guards";
import { HomePage } from "./home-page";
import { AppLayout } from "./layouts/app-layout";
import { MySessionsRoute } from "./my-sessions-route";
import { OfferRoute } from "./offer-route";
import { SessionRoute } from "./session-route";

/** A page loaded on first visit, so the home page does not carry the code of every other page. */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const SignInPage = page(() => import("../features/accounts/pages/sign-in-page"), "SignInPage");
const SignUpPage = page(() => import("../features/accounts/pages/sign-up-page"), "SignUpPage");
const ConfirmEmailPage = page(() => import("../features/accounts/pages/confirm-email-page"), "ConfirmEmailPage");
const ForgotPasswordPage = page(() => import("../features/accounts/pages/forgot-password-page"), "ForgotPasswordPage");
const ResetPasswordPage = page(() => import("../features/accounts/pages/reset-password-page"), "ResetPasswordPage");
const SetupPage = page(() => import("../features/accounts/pages/setup-page"), "SetupPage");
const AcceptInvitationPage = page(
  () => import("../features/accounts/pages/accept-invitation-page"),
  "AcceptInvitationPage",
);
const AccountPage = page(() => import("../features/accounts/pages/account-page"), "AccountPage");
const UsersPage = page(() => import("../features/admin/pages/users-page"), "UsersPage");
const MailPage = page(() => import("../features/admin/pages/mail-page"), "MailPage");
const AuditPage = page(() => import("../features/admin/pages/audit-page"), "AuditPage");
const SessionsPage = page(() => import("../features/community-sessions/editor/pages/sessions-page"), "SessionsPage");
const SessionEditorPage = page(
  () => import("../features/community-sessions/editor/pages/session-editor-page"),
  "SessionEditorPage",
);
const SettingsPage = page(() => import("../features/settings/pages/settings-page"), "SettingsPage");

// Conference events (conferences.md): admin pages, public pages, and each event's management area.
const conferences = {
  adminEvents: page(() => import("../features/conferences/pages/admin-events-page"), "AdminEventsPage"),
  adminRooms: page(() => import("../features/conferences/pages/admin-rooms-page"), "AdminRoomsPage"),
  events: page(() => import("../features/conferences/pages/events-page"), "EventsPage"),
  eventBySlug: page(() => import("../features/conferences/pages/events-page"), "EventBySlugPage"),
  event: page(() => import("../features/conferences/pages/event-page"), "EventPage"),
  timetable: page(() => import("../features/conferences/pages/timetable-page"), "TimetablePage"),
  session: page(() => import("../features/conferences/pages/session-page"), "ConferenceSessionPage"),
  sessionTimetable: page(() => import("../features/conferences/pages/session-timetable-page"), "SessionTimetablePage"),
  contribution: page(() => import("../features/conferences/pages/contribution-page"), "ContributionPage"),
  manage: page(() => import("../features/conferences/pages/manage-layout"), "ManageLayout"),
  settings: page(() => import("../features/conferences/pages/event-settings-page"), "EventSettingsPage"),
  sessions: page(() => import("../features/conferences/pages/sessions-page"), "ManageSessionsPage"),
  manageTimetable: page(() => import("../features/conferences/pages/timetable-page"), "ManageTimetablePage"),
  contributions: page(() => import("../features/conferences/pages/contributions-page"), "ContributionsPage"),
  protection: page(() => import("../features/conferences/pages/protection-page"), "ProtectionPage"),
};

export function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <HomePage /> },
        { path: "sign-in", element: <SignInPage /> },
        { path: "sign-up", element: <SignUpPage /> },
        { path: "confirm-email", element: <ConfirmEmailPage /> },
        { path: "forgot-password", element: <ForgotPasswordPage /> },
        { path: "reset-password", element: <ResetPasswordPage /> },
        { path: "accept-invitation", element: <AcceptInvitationPage /> },
        { path: "setup", element: <SetupPage /> },
        { path: "sessions/:id", element: <SessionRoute /> },
        // The offer email's link: public, the token is the proof (issue #15).
        { path: "offers/:token", element: <OfferRoute /> },
        {
          path: "my-sessions",
          element: (
            <RequireUser>
              <MySessionsRoute />
            </RequireUser>
          ),
        },
        {
          path: "account",
          element: (
            <RequireUser>
              <AccountPage />
            </RequireUser>
          ),
        },
        {
          path: "admin/users",
          element: (
            <RequireAbility ability="manageUsers">
              <UsersPage />
            </RequireAbility>
          ),
        },
        {
          path: "admin/mail",
          element: (
            <RequireAbility ability="readMail">
              <MailPage />
            </RequireAbility>
          ),
        },
        {
          path: "admin/audit",
          element: (
            <RequireAbility ability="readAudit">
              <AuditPage />
            </RequireAbility>
          ),
        },
        {
          path: "admin/sessions",
          element: (
            <RequireAbility ability="createCommunitySessions">
              <SessionsPage />
            </RequireAbility>
          ),
        },
        {
          // "new" is New Session's form; the same route keeps it mounted once the first save created the session.
          path: "admin/sessions/:id",
          element: (
            <RequireAbility ability="createCommunitySessions">
              <SessionEditorPage />
            </RequireAbility>
          ),
        },
        {
          path: "admin/settings",
          element: (
            <RequireAbility ability="manageSettings">
              <SettingsPage />
            </RequireAbility>
          ),
        },
        {
          path: "admin/events",
          element: (
            <RequireAdmin>
              <conferences.adminEvents />
            </RequireAdmin>
          ),
        },
        {
          path: "admin/rooms",
          element: (
            <RequireAdmin>
              <conferences.adminRooms />
            </RequireAdmin>
          ),
        },
        { path: "events", element: <conferences.events /> },
        { path: "e/:slug", element: <conferences.eventBySlug /> },
        { path: "events/:eventId", element: <conferences.event /> },
        { path: "events/:eventId/timetable", element: <conferences.timetable /> },
        { path: "events/:eventId/sessions/:sessionId", element: <conferences.session /> },
        { path: "events/:eventId/sessions/:sessionId/timetable", element: <conferences.sessionTimetable /> },
        { path: "events/:eventId/contributions/:contributionId", element: <conferences.contribution /> },
        {
          // The management area: Settings, Protection, Organisation ▸ Sessions, Timetable, Contributions.
          path: "events/:eventId/manage",
          element: (
            <RequireUser>
              <conferences.manage />
            </RequireUser>
          ),
          children: [
            { index: true, element: <conferences.settings /> },
            { path: "sessions", element: <conferences.sessions /> },
            { path: "timetable", element: <conferences.manageTimetable /> },
            { path: "contributions", element: <conferences.contributions /> },
            { path: "protection", element: <conferences.protection /> },
          ],
        },
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
