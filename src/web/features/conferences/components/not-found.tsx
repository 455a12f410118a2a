import { Anchor, Text } from "@mantine/core";
import { Link } from "react-router";
import { Page } from "../../../components/page";
import { isApiError } from "../../../lib/api-client";

/** A 404, or a 400 for an id that cannot be one: either way there is nothing at this address to show. */
export function isNotFound(...errors: unknown[]): boolean {
  return errors.some((e) => isApiError(e, 404) || isApiError(e, 400));
}

/** An event, session or page that does not exist for this viewer (unpublished events show nothing either). */
export function ConferenceNotFound({ what = "event" }: { what?: "event" | "session" }) {
  return (
    <Page title={what === "event" ? "Event not found" : "Session not found"}>
      <Text>
        There is no {what} at this address that you may see. It may have been deleted, or its timetable is not published
        yet.{" "}
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
        .
      </Text>
    </Page>
  );
}

/** For signed-in people who may see the event but not manage it. */
export function NotAManager({ eventId }: { eventId: string }) {
  return (
    <Page title="Not allowed">
      <Text>
        Only the event's managers may open its management area.{" "}
        <Anchor component={Link} to={`/events/${eventId}`}>
          Back to the event
        </Anchor>
        .
      </Text>
    </Page>
  );
}
