import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy } from "react";
import { meQuery, siteQuery } from "../features/accounts/api";

// Loaded on first visit: the session page, its form and dialogs stay out of the home page's bundle.
const SessionPage = lazy(async () => ({
  default: (await import("../features/community-sessions/pages/session-page")).SessionPage,
}));

/**
 * `/sessions/:id`: the community-sessions feature's page, given what it needs from accounts (who is signed
 * in, the Premium Label); features do not import each other (style.md 3.2, rule 10).
 */
export function SessionRoute() {
  const me = useQuery(meQuery());
  const site = useQuery(siteQuery());
  if (me.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label="Loading the session" role="status" />
      </Center>
    );
  }
  return (
    <SessionPage
      me={me.data ?? null}
      premiumLabel={site.data?.premiumLabel ?? "Premium"}
      siteName={site.data?.siteName ?? "Convene"}
    />
  );
}
