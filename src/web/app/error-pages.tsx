import { Anchor, Button, Text } from "@mantine/core";
import { Link, useRouteError } from "react-router";
import { Page } from "../components/page";

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <Text>
        There is nothing at this address.{" "}
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
        .
      </Text>
    </Page>
  );
}

/** Shown instead of a page that crashed or whose code could not be loaded (for example after a deploy). */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : "Unknown error";
  return (
    <main style={{ padding: 24 }}>
      <Page title="Something went wrong">
        <Text>This page could not be shown: {message}</Text>
        <div>
          <Button onClick={() => window.location.reload()}>Reload the page</Button>
        </div>
      </Page>
    </main>
  );
}
