import { Anchor, Center, Loader, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import type { Me } from "../../shared/schemas/accounts";
import { Page } from "../components/page";
import { meQuery } from "../features/accounts/api";

function Checking() {
  return (
    <Center py="xl">
      <Loader aria-label="Checking your sign-in" role="status" />
    </Center>
  );
}

/** Pages for signed-in people: anyone else is sent to sign in, and comes back here after. */
export function RequireUser({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery());
  const location = useLocation();
  if (me.isPending) return <Checking />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Pages for admins only (Admin ▸ Events, Admin ▸ Rooms); the server checks every request again. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  const me = useQuery(meQuery());
  if (me.isPending) return <Checking />;
  if (!me.data) return <RequireUser>{children}</RequireUser>;
  if (!me.data.isAdmin) {
    return (
      <Page title="Not allowed">
        <Text>
          Only administrators may open this page.{" "}
          <Anchor component={Link} to="/">
            Go back home
          </Anchor>
          .
        </Text>
      </Page>
    );
  }
  return <>{children}</>;
}

/**
 * Pages behind one of the abilities the server sent with /auth/me. The server checks every request again;
 * this only avoids showing a page whose every request would be refused.
 */
export function RequireAbility({ ability, children }: { ability: keyof Me["abilities"]; children: ReactNode }) {
  const me = useQuery(meQuery());
  if (me.isPending) return <Checking />;
  if (!me.data) return <RequireUser>{children}</RequireUser>;
  if (!me.data.abilities[ability]) {
    return (
      <Page title="Not allowed">
        <Text>
          Your account may not open this page. If you think it should,{" "}
          <Anchor component={Link} to="/">
            go back home
          </Anchor>{" "}
          and ask an administrator.
        </Text>
      </Page>
    );
  }
  return <>{children}</>;
}
