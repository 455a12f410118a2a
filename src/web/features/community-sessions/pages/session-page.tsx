import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Title,
  Typography,
  VisuallyHidden,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import type { Me } from "../../../../shared/schemas/accounts";
import type { CommunitySession, MyWaitlistEntry, Role } from "../../../../shared/schemas/community-sessions";
import { ErrorAlert } from "../../../components/error-alert";
import { Page, useDocumentTitle } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Section } from "../../../components/section";
import { Time } from "../../../components/time";
import { isApiError } from "../../../lib/api-client";
import { sessionQuery } from "../api";
import { CancelRegistration } from "../components/cancel-registration";
import { AddToCalendar, MeetingFacts } from "../components/meeting-details";
import { RegistrationForm } from "../components/registration-form";
import { Roster } from "../components/roster";
import { StatusBadge } from "../components/status-badge";
import { WaitlistStanding } from "../components/waitlist-standing";
import { WrapUpForm } from "../components/wrap-up-form";
import { formatDuration, ROLE_LABEL, STATUS_HINT } from "../labels";
import { sessionPaths } from "../paths";
import { isRegistrationOpen, maySignUp, roleOffers, waitlistStanding } from "../role-offers";

interface SessionPageProps {
  /** The signed-in user, or null. */
  me: Me | null;
  /** The site's name for the premium tier (Admin > Settings, Premium Label). */
  premiumLabel: string;
  siteName: string;
}

function NotFound() {
  return (
    <Page title="Session not found">
      <Text>
        There is no published session at this address. It may have been deleted, or it is not open to members yet.{" "}
        <Anchor component={Link} to="/">
          See the upcoming sessions
        </Anchor>
        .
      </Text>
    </Page>
  );
}

/** Why nobody can register now, in the member guide's words (microtalks.md §3.1). */
function ClosedNotice({ session }: { session: CommunitySession }) {
  const text =
    session.shownStatus === "open"
      ? "This session has no date yet, so registration has not started."
      : STATUS_HINT[session.shownStatus];
  return <Text>{text}</Text>;
}

/** Your registration: role, meeting details, calendar, and Cancel while the session has not started. */
function MyRegistration({
  session,
  onCancelled,
}: {
  session: CommunitySession;
  onCancelled: (s: CommunitySession) => void;
}) {
  const mine = session.myRegistration;
  // The "Cancel my registration" link of the Session Back On email opens the confirmation (issue 13, 1).
  const [params] = useSearchParams();
  if (!mine) return null;
  // Called off: nothing to put in a calendar or to cancel; a reopen tells them what becomes of their place.
  const cancelled = session.status === "cancelled";
  return (
    <Stack gap="md">
      <dl className="convene-facts">
        <dt>Your role</dt>
        <dd data-testid="my-role">{ROLE_LABEL[mine.role]}</dd>
        {mine.talkTitle && (
          <>
            <dt>Your talk</dt>
            <dd>“{mine.talkTitle}”</dd>
          </>
        )}
        {!cancelled && <MeetingFacts session={session} />}
      </dl>
      {cancelled ? (
        <Text data-testid="cancelled-registration-note">
          The organisers cancelled this session. If they bring it back, you will be emailed whether you keep your place.
        </Text>
      ) : (
        <AddToCalendar session={session} />
      )}
      {cancelled ? null : mine.canCancel ? (
        <CancelRegistration
          session={session}
          role={mine.role}
          onCancelled={onCancelled}
          askFirst={params.get("cancel") === "registration"}
        />
      ) : (
        <Text size="sm" c="dimmed">
          The session has started, so the registration can no longer be cancelled.
        </Text>
      )}
    </Stack>
  );
}

function Registration({
  session,
  me,
  premiumLabel,
}: {
  session: CommunitySession;
  me: Me | null;
  premiumLabel: string;
}) {
  // Announced by screen readers (a live region present from the start) and kept visible: the latest result.
  const [result, setResult] = useState("");
  const [refusal, setRefusal] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [moveFocus, setMoveFocus] = useState(0);
  useEffect(() => {
    if (moveFocus > 0) headingRef.current?.focus();
  }, [moveFocus]);

  const registered = (role: Role) => {
    setRefusal("");
    setResult(
      `You are registered as ${ROLE_LABEL[role]}. A confirmation email with the meeting details is on its way.`,
    );
    setMoveFocus((n) => n + 1);
  };
  const cancelled = () => {
    setResult("Your registration is cancelled. Your place is free for someone else.");
    setMoveFocus((n) => n + 1);
  };
  const waitlisted = (entry: MyWaitlistEntry) => {
    setRefusal("");
    setResult(
      entry.status === "offered"
        ? "A place freed as you joined: it is held for you. Accept it below."
        : `You are on the ${ROLE_LABEL[entry.role]} waitlist: ${waitlistStanding(entry)}. We emailed you.`,
    );
    setMoveFocus((n) => n + 1);
  };
  const leftLine = (message: string) => {
    setResult(message);
    setMoveFocus((n) => n + 1);
  };

  const mine = session.myRegistration;
  const line = session.myWaitlist;
  const title = mine
    ? "Your registration"
    : line?.status === "offered"
      ? "A place is held for you"
      : line
        ? "Your place on the waitlist"
        : "Register";
  let body: ReactNode;
  if (mine) {
    body = <MyRegistration session={session} onCancelled={cancelled} />;
  } else if (line) {
    body = (
      <WaitlistStanding
        session={session}
        entry={line}
        onAccepted={(s) => registered(s.myRegistration?.role ?? line.role)}
        onLeft={leftLine}
      />
    );
  } else if (!me) {
    const next = encodeURIComponent(sessionPaths.page(session.id));
    // A Full session still takes names for its roles' waitlists (issue #15).
    const fullNow = session.shownStatus === "full" && session.startsAt !== null;
    body =
      isRegistrationOpen(session) || fullNow ? (
        <Stack gap="sm">
          <Text>
            {fullNow
              ? "Every place is taken: sign in to join a role's waitlist."
              : "Sign in to register for this session."}{" "}
            New here? Create an account: you come straight back here.
          </Text>
          <Group>
            <Button component={Link} to={`/sign-in?next=${next}`}>
              Sign in to register
            </Button>
            <Button component={Link} to={`/sign-up?next=${next}`} variant="default">
              Create an account
            </Button>
          </Group>
        </Stack>
      ) : (
        <ClosedNotice session={session} />
      );
  } else if (!isRegistrationOpen(session) && !maySignUp(session)) {
    body = <ClosedNotice session={session} />;
  } else {
    const offers = roleOffers(session);
    body = !maySignUp(session) ? (
      <Text>
        {offers.some((o) => o.state === "premium")
          ? `The roles with free places are for ${premiumLabel} members only.`
          : "Every place is taken."}
      </Text>
    ) : (
      <RegistrationForm
        session={session}
        offers={offers}
        needsName={me.name === null}
        premiumLabel={premiumLabel}
        onRegistered={registered}
        onWaitlisted={waitlisted}
        onRefused={setRefusal}
      />
    );
  }

  return (
    <Section title={title} headingRef={headingRef}>
      {/* Present from the start so screen readers announce what appears in it; takes no room while empty. */}
      <VisuallyHidden role="status" aria-live="polite">
        {result}
      </VisuallyHidden>
      {result && (
        <Alert color="green" variant="light" data-testid="registration-result">
          {result}
        </Alert>
      )}
      <ErrorAlert title="Not registered">{refusal}</ErrorAlert>
      {body}
    </Section>
  );
}

/**
 * After the session (issue #15): the recording and notes for those who see the meeting link, and, for its host
 * (and those who manage it), Wrap up in a dialog.
 */
function AfterTheSession({ session }: { session: CommunitySession }) {
  const [opened, { open, close }] = useDisclosure(false);
  const wrap = session.wrapUp;
  const shown = wrap !== null && (wrap.recordingUrl !== null || (wrap.notes ?? "") !== "");
  // The host cannot list the participants, so cannot mark attendance: the first wrap-up, which sends the one
  // follow-up to those marked attended, is the organisers'; after it the host may change the recording and notes.
  const waitsForOrganisers = !session.abilities.manage && !wrap?.wrappedUpAt;
  const mayWrapUp = session.abilities.wrapUp && !waitsForOrganisers;
  if (!shown && !session.abilities.wrapUp) return null;
  return (
    <Section title="After the session">
      {shown ? (
        <dl className="convene-facts">
          {wrap.recordingUrl && (
            <>
              <dt>Recording</dt>
              <dd>
                <Anchor href={wrap.recordingUrl} target="_blank" rel="noopener noreferrer" data-testid="recording-link">
                  {wrap.recordingUrl}
                </Anchor>
              </dd>
            </>
          )}
          {wrap.notes && (
            <>
              <dt>Notes</dt>
              <dd style={{ whiteSpace: "pre-wrap" }} data-testid="wrap-up-notes">
                {wrap.notes}
              </dd>
            </>
          )}
        </dl>
      ) : (
        <Text>The session has ended and is not wrapped up yet.</Text>
      )}
      {session.abilities.wrapUp && waitsForOrganisers && (
        <Text size="sm" data-testid="wrap-up-waits">
          Once the organisers have marked who attended (which sends the attendees their follow-up), you can add or
          change the recording and notes here.
        </Text>
      )}
      {mayWrapUp && (
        <>
          <Group>
            <Button onClick={open} variant={wrap?.wrappedUpAt ? "default" : "filled"}>
              Wrap up
            </Button>
          </Group>
          <Modal opened={opened} onClose={close} title="Wrap up the session" size="lg">
            {opened && <WrapUpForm session={session} />}
          </Modal>
        </>
      )}
    </Section>
  );
}

function SessionDetails({ session, me, premiumLabel, siteName }: SessionPageProps & { session: CommunitySession }) {
  useDocumentTitle(session.title, siteName);
  return (
    <Stack gap="lg" w="100%">
      <Anchor component={Link} to="/" size="sm">
        ← All sessions
      </Anchor>
      <Stack gap="xs">
        <Title order={1} style={{ overflowWrap: "anywhere" }}>
          {session.title}
        </Title>
        <Group gap="sm">
          <StatusBadge status={session.shownStatus} size="lg" />
          <Text c="dimmed">{STATUS_HINT[session.shownStatus]}</Text>
        </Group>
      </Stack>
      <dl className="convene-facts">
        <dt>When</dt>
        <dd>{session.startsAt ? <Time at={session.startsAt} zone={session.timeZone} /> : "To be announced"}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(session.durationMinutes)}</dd>
        {session.endsAt && (
          <>
            <dt>Ends</dt>
            <dd>
              <Time at={session.endsAt} zone={session.timeZone} />
            </dd>
          </>
        )}
      </dl>
      {session.descriptionHtml && (
        <Typography maw={760} data-testid="session-description">
          {/* Rendered and sanitised on the server (raw HTML is shown as text), see docs/decisions.md. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised Markdown */}
          <div dangerouslySetInnerHTML={{ __html: session.descriptionHtml }} />
        </Typography>
      )}
      <AfterTheSession session={session} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Registration session={session} me={me} premiumLabel={premiumLabel} />
        <Section title="Who takes part">
          <Roster session={session} signedIn={me !== null} />
        </Section>
      </SimpleGrid>
    </Stack>
  );
}

/** The session page (`/sessions/:id`, the link in every email): details, roster, registration. */
export function SessionPage(props: SessionPageProps) {
  const { id = "" } = useParams();
  const session = useQuery(sessionQuery(id));
  if (isApiError(session.error, 404) || isApiError(session.error, 400)) return <NotFound />;
  return (
    <QueryStatus query={session} label="Loading the session">
      {(s) => <SessionDetails session={s} {...props} />}
    </QueryStatus>
  );
}
