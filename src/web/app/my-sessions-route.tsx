import { lazy } from "react";

// Loaded on first visit, like every page but Home.
const MySessionsPage = lazy(async () => ({
  default: (await import("../features/community-sessions/pages/my-sessions-page")).MySessionsPage,
}));
const MyConferenceSection = lazy(async () => ({
  default: (await import("../features/conferences/components/my-conference-section")).MyConferenceSection,
}));

/**
 * `/my-sessions`: the community-sessions feature's page with the conferences feature's part in it (issue #14):
 * what one manages, coordinates and speaks in beside one's registrations; features do not import each other.
 */
export function MySessionsRoute() {
  return <MySessionsPage conferences={<MyConferenceSection />} />;
}
