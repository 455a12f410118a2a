import { Alert, Anchor, Button, Group, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { PlaceOffer } from "../../../../shared/schemas/community-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Time } from "../../../components/time";
import { isApiError } from "../../../lib/api-client";
import { offerQuery, useAnswerOffer } from "../api";
import { ROLE_LABEL } from "../labels";
import { sessionPaths } from "../paths";
import { offerClosed, placeOf } from "../role-offers";

function SessionLink({ offer }: { offer: PlaceOffer }) {
  return (
    <Anchor component={Link} to={sessionPaths.page(offer.sessionId)} style={{ overflowWrap: "anywhere" }}>
      {offer.sessionTitle}
    </Anchor>
  );
}

/** After a signed-out accept: registered, and the meeting link waits behind sign-in. */
function AcceptedSignedOut({ offer }: { offer: PlaceOffer }) {
  const next = encodeURIComponent(sessionPaths.page(offer.sessionId));
  return (
    <Page title="You are registered">
      <Alert color="green" variant="light" data-testid="offer-result">
        You are registered as {ROLE_LABEL[offer.role]} in “{offer.sessionTitle}”. We emailed you the meeting link; sign
        in to see it on the session page.
      </Alert>
      <Group>
        <Button component={Link} to={`/sign-in?next=${next}`}>
          Sign in to see the meeting link
        </Button>
      </Group>
    </Page>
  );
}

function OfferDetails({ offer, token, signedIn }: { offer: PlaceOffer; token: string; signedIn: boolean }) {
  const navigate = useNavigate();
  const answer = useAnswerOffer(token);
  const [acceptedSignedOut, setAcceptedSignedOut] = useState(false);
  const [declined, setDeclined] = useState(false);
  if (acceptedSignedOut) return <AcceptedSignedOut offer={offer} />;

  const respond = (choice: "accept" | "decline") =>
    answer.mutate(choice, {
      onSuccess: (result) => {
        if (choice === "decline") setDeclined(true);
        // The session page shows a registered participant the meeting link.
        else if (signedIn && offer.forYou) navigate(sessionPaths.page(result.sessionId));
        else setAcceptedSignedOut(true);
      },
    });

  const open = offer.status === "offered";
  const title = declined
    ? "Place declined"
    : open
      ? `${placeOf(offer.role)} is yours if you want it`
      : offerClosed(offer.status).title;
  return (
    <Page title={title}>
      <dl className="convene-facts">
        <dt>Session</dt>
        <dd>
          <SessionLink offer={offer} />
        </dd>
        <dt>Role</dt>
        <dd>{ROLE_LABEL[offer.role]}</dd>
        <dt>When</dt>
        <dd>{offer.startsAt ? <Time at={offer.startsAt} zone={offer.timeZone} /> : "To be announced"}</dd>
        {open && offer.offerExpiresAt && (
          <>
            <dt>Held for you until</dt>
            <dd data-testid="offer-deadline">
              <Time at={offer.offerExpiresAt} zone={offer.timeZone} />
            </dd>
          </>
        )}
      </dl>
      {declined ? (
        <Alert color="gray" variant="light" data-testid="offer-result">
          You declined the place: it goes to the next person in line. Thank you for letting them have it.
        </Alert>
      ) : open ? (
        <Stack gap="sm">
          <Text>
            Accept to be registered; the meeting link comes by email. Decline to let the next person in line have it
            now.
          </Text>
          {offer.forYou === false && (
            <Alert color="yellow" variant="light" data-testid="offer-not-yours">
              This offer was emailed to another account than the one you are signed in with: accepting registers the
              person it was sent to, not you.
            </Alert>
          )}
          {/* A 409 (expired or answered meanwhile) is said here; the offer is read again and shows why. */}
          <ErrorAlert title="Not done">{answer.error?.message}</ErrorAlert>
          <Group>
            <Button loading={answer.isPending && answer.variables === "accept"} onClick={() => respond("accept")}>
              Accept the place
            </Button>
            <Button
              variant="default"
              loading={answer.isPending && answer.variables === "decline"}
              onClick={() => respond("decline")}
            >
              Decline
            </Button>
          </Group>
        </Stack>
      ) : (
        <Alert color={offer.status === "accepted" ? "green" : "gray"} variant="light" data-testid="offer-result">
          {offerClosed(offer.status).text}
        </Alert>
      )}
    </Page>
  );
}

/**
 * The offer email's link (`/offers/:token`), signed in or not: what is offered, until when, Accept or Decline.
 * Accepting signed in goes to the session page (with the meeting link); signed out, it says where the link is.
 */
export function OfferPage({ signedIn }: { signedIn: boolean }) {
  const { token = "" } = useParams();
  const offer = useQuery(offerQuery(token));
  if (isApiError(offer.error, 404) || isApiError(offer.error, 400))
    return (
      <Page title="Offer not found">
        <Text>
          This link does not lead to an offer. Check that it is the whole link from the email, or{" "}
          <Anchor component={Link} to="/">
            see the upcoming sessions
          </Anchor>
          .
        </Text>
      </Page>
    );
  return (
    <QueryStatus query={offer} label="Loading the offer">
      {(o) => <OfferDetails offer={o} token={token} signedIn={signedIn} />}
    </QueryStatus>
  );
}
