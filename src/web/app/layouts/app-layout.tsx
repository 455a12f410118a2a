import { Anchor, Box, Button, Center, Container, Group, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useRef } from "react";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import type { Me } from "../../../shared/schemas/accounts";
import { notify } from "../../components/notify";
import { meQuery, siteQuery, useSignOut } from "../../features/accounts/api";

// Only admins see this menu; members' pages do not load its code (Menu and its positioning library).
const AdminMenu = lazy(async () => ({ default: (await import("./admin-menu")).AdminMenu }));

function NavItem({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={NavLink} to={to} end className="convene-nav-link" underline="hover">
      {children}
    </Anchor>
  );
}

function AccountArea({ me }: { me: Me | null | undefined }) {
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (me === undefined) return null;
  if (me === null) {
    return (
      <Group gap="xs">
        <Button component={Link} to="/sign-in" variant="default" size="compact-md">
          Sign in
        </Button>
        <Button component={Link} to="/sign-up" size="compact-md">
          Sign up
        </Button>
      </Group>
    );
  }
  return (
    <Group gap="sm" wrap="wrap">
      <Text size="sm" data-testid="signed-in-as">
        Signed in as <strong>{me.name ?? me.email}</strong>
      </Text>
      <Button
        variant="default"
        size="compact-md"
        loading={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            onSuccess: () => {
              notify("You are signed out.");
              navigate("/", { replace: true });
            },
            onError: (err) => notify(err.message, { title: "Could not sign out", color: "red" }),
          })
        }
      >
        Sign out
      </Button>
    </Group>
  );
}

/** The frame of every page: a skip link, the header with the Site Name and navigation, and <main>. */
export function AppLayout() {
  const site = useQuery(siteQuery());
  const me = useQuery(meQuery());
  const location = useLocation();
  const mainRef = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  // After a client-side navigation, start screen readers and keyboard users at the new page's content.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path on purpose
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    // The same page under a new address (New Session's form once the session exists): the user is typing.
    if ((location.state as { keepFocus?: boolean } | null)?.keepFocus) return;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const user = me.data;
  return (
    <>
      <a href="#main" className="convene-skip-link">
        Skip to main content
      </a>
      <Box component="header" className="convene-header" py="sm">
        <Container size="lg">
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Group gap="md" wrap="wrap">
              <Anchor component={Link} to="/" fw={700} size="lg" c="dark" underline="never" data-testid="site-name">
                {site.data?.siteName ?? "Convene"}
              </Anchor>
              <Group component="nav" aria-label="Main" gap={4} wrap="wrap">
                <NavItem to="/">Home</NavItem>
                <NavItem to="/events">Events</NavItem>
                {user && <NavItem to="/my-sessions">My sessions</NavItem>}
                {user && <NavItem to="/account">Account</NavItem>}
                {user &&
                  (user.isAdmin ||
                    user.abilities.manageUsers ||
                    user.abilities.readMail ||
                    user.abilities.readAudit ||
                    user.abilities.createCommunitySessions ||
                    user.abilities.manageSettings) && (
                    <Suspense fallback={null}>
                      <AdminMenu me={user} />
                    </Suspense>
                  )}
              </Group>
            </Group>
            <AccountArea me={me.isPending ? undefined : (user ?? null)} />
          </Group>
        </Container>
      </Box>
      <Container component="main" id="main" tabIndex={-1} ref={mainRef} size="lg" py="xl">
        <Suspense
          fallback={
            <Center py="xl">
              <Loader aria-label="Loading the page" role="status" />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </Container>
    </>
  );
}
