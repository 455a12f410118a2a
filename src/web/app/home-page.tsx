import { Anchor, Button, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useDocumentTitle } from "../components/page";
import { meQuery, siteQuery } from "../features/accounts/api";

/** The home page. Community sessions take their place here in a later issue. */
export function HomePage() {
  const site = useQuery(siteQuery());
  const me = useQuery(meQuery());
  const siteName = site.data?.siteName ?? "Convene";
  useDocumentTitle(undefined, siteName);
  const user = me.data;

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{siteName}</Title>
      {site.data?.tagline && (
        <Text size="xl" c="dimmed">
          {site.data.tagline}
        </Text>
      )}
      {user ? (
        <Text>
          Welcome back, {user.name ?? user.email}. You can keep your name, email, password and time zone up to date on{" "}
          <Anchor component={Link} to="/account">
            your account page
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
    </Stack>
  );
}
