import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useDocumentTitle } from "../components/page";
import { meQuery, siteQuery } from "../features/accounts/api";
import { SessionList } from "../features/community-sessions/components/session-list";

/**
 * The home page (community.md, Registration (member) 1): the community's upcoming sessions as cards, past
 * ones a tab away. It is in the main bundle, so it stays small: the session page and the rest load on demand.
 */
export function HomePage() {
  const site = useQuery(siteQuery());
  const me = useQuery(meQuery());
  const siteName = site.data?.siteName ?? "Convene";
  useDocumentTitle(undefined, siteName);
  const user = me.data;
  // Admins reach Admin > Sessions from the Admin menu; members allowed to create sessions get the button here.
  const canCreate = user?.abilities.createCommunitySessions === true && !user.isAdmin;

  return (
    <Stack gap="xl">
      <Stack gap="sm" maw={720}>
        <Title order={1}>{siteName}</Title>
        {site.data?.tagline && (
          <Text size="xl" c="dimmed">
            {site.data.tagline}
          </Text>
        )}
        {user ? (
          <Text>
            {/* Not "Welcome back": this is also what a brand-new account sees first (issue 13, 8). */}
            Welcome, {user.name ?? user.email}. Pick a session below to sign up, or see{" "}
            <Anchor component={Link} to="/my-sessions">
              your sessions
            </Anchor>
            .
          </Text>
        ) : (
          <>
            <Text>
              Welcome! {siteName} is where members meet in live sessions of short talks. Create an account to take part,
              or sign in if you already have one.
            </Text>
            {!me.isPending && (
              <Group>
                <Button component={Link} to="/sign-up">
                  Create an account
                </Button>
                <Button component={Link} to="/sign-in" variant="default">
                  Sign in
                </Button>
              </Group>
            )}
          </>
        )}
        {canCreate && (
          <Group>
            <Button component={Link} to="/admin/sessions">
              New Session
            </Button>
          </Group>
        )}
      </Stack>
      <SessionList
        signedIn={Boolean(user)}
        viewer={{
          // Premium is the flag, or staff, or admin (community.md, Roles and slots).
          isPremium: user?.abilities.takePremiumRoles ?? false,
          premiumLabel: site.data?.premiumLabel ?? "Premium",
        }}
      />
    </Stack>
  );
}
