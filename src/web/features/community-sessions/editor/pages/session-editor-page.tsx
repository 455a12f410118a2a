import { Anchor, Center, Group, Loader, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import type { CommunitySession } from "../../../../../shared/schemas/community-sessions";
import { ErrorAlert } from "../../../../components/error-alert";
import { Page } from "../../../../components/page";
import { Time } from "../../../../components/time";
import { isApiError } from "../../../../lib/api-client";
import { sessionQuery } from "../../api";
import { WrapUpForm } from "../../components/wrap-up-form";
import { sessionPaths } from "../../paths";
import { DetailsTab } from "../components/details-tab";
import { ParticipantsTab } from "../components/participants-tab";

type Tab = "details" | "participants" | "wrap-up";

function BackLink() {
  return (
    <Anchor component={Link} to={sessionPaths.adminList} size="sm">
      ← All sessions
    </Anchor>
  );
}

/**
 * The session editor (community.md, Session editor): tabs Details and Participants, and Wrap up once the session
 * has ended (issue #15). With `id` null it is New
 * Session: the Details form alone until the first save creates the session.
 */
function Editor({ id, onCreated }: { id: string | null; onCreated: (s: CommunitySession) => void }) {
  const query = useQuery({ ...sessionQuery(id ?? "new"), enabled: id !== null });
  const [params, setParams] = useSearchParams();
  const session = id ? (query.data ?? null) : null;
  const asked = params.get("tab");
  const tab: Tab =
    session && asked === "participants"
      ? "participants"
      : session?.abilities.wrapUp && asked === "wrap-up"
        ? "wrap-up"
        : "details";

  if (id && !query.data) {
    if (query.isError) {
      return (
        <Page title={isApiError(query.error, 404) ? "Session not found" : "Could not load the session"}>
          <BackLink />
          <ErrorAlert>
            {isApiError(query.error, 404)
              ? "This session does not exist, or it was deleted."
              : (query.error?.message ?? "Something went wrong.")}
          </ErrorAlert>
        </Page>
      );
    }
    return (
      <Center py="xl">
        <Loader aria-label="Loading the session" role="status" />
      </Center>
    );
  }

  // Members who may create sessions open this page too; they manage only their own (the server decides).
  if (session && !session.abilities.manage) {
    return (
      <Page title={session.title}>
        <BackLink />
        <Text>
          You can see this session but not edit it: only admins and the member who created it can.{" "}
          <Anchor component={Link} to={sessionPaths.page(session.id)}>
            Open its page
          </Anchor>
          .
        </Text>
      </Page>
    );
  }

  return (
    <Page title={session ? session.title : "New Session"} width={960}>
      <Group justify="space-between" gap="xs" wrap="wrap" mt={-8}>
        <BackLink />
        {session && (
          <Text size="sm">
            {session.startsAt ? <Time at={session.startsAt} zone={session.timeZone} /> : "No date and time yet"}
            {" · "}
            <Anchor component={Link} to={sessionPaths.page(session.id)}>
              Session page
            </Anchor>
          </Text>
        )}
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v === "participants" || v === "wrap-up" ? { tab: v } : {}, { replace: true })}
        activateTabWithKeyboard
      >
        <Tabs.List aria-label="Session editor">
          <Tabs.Tab value="details">Details</Tabs.Tab>
          <Tabs.Tab value="participants" disabled={!session}>
            Participants
          </Tabs.Tab>
          {session?.abilities.wrapUp && <Tabs.Tab value="wrap-up">Wrap up</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="details" pt="lg">
          <DetailsTab session={session} onCreated={onCreated} />
        </Tabs.Panel>
        <Tabs.Panel value="participants" pt="lg">
          {session ? (
            <ParticipantsTab session={session} />
          ) : (
            <Text>Fill in the Title first: participants can be added once the session exists.</Text>
          )}
        </Tabs.Panel>
        {session?.abilities.wrapUp && (
          <Tabs.Panel value="wrap-up" pt="lg">
            <WrapUpForm session={session} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Page>
  );
}

/** /admin/sessions/new and /admin/sessions/:id. */
export function SessionEditorPage() {
  const { id = "new" } = useParams();
  const navigate = useNavigate();
  // The form that created a session stays mounted as the address becomes the session's own, so typing goes on.
  const [createdId, setCreatedId] = useState<string | null>(null);
  const creating = id === "new";
  const key = creating || id === createdId ? "new" : id;
  return (
    <Editor
      key={key}
      id={creating ? null : id}
      onCreated={(s) => {
        setCreatedId(s.id);
        navigate(sessionPaths.editor(s.id), { replace: true, state: { keepFocus: true } });
      }}
    />
  );
}
