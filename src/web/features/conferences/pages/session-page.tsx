import { Anchor, Badge, Button, Group, Paper, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { ConferenceSession, TimetableBlock } from "../../../../shared/schemas/timetable";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Section } from "../../../components/section";
import { Time } from "../../../components/time";
import { eventQuery, sessionListQuery, sessionQuery } from "../api";
import { Swatch } from "../components/colour-field";
import { DeleteSessionDialog } from "../components/delete-session-dialog";
import { Description } from "../components/description";
import { ExportMenu } from "../components/export-menu";
import { MaterialsDialog, MaterialsTable } from "../components/materials-dialog";
import { ConferenceNotFound, isNotFound } from "../components/not-found";
import { ProtectionDialog, ShieldIcon } from "../components/protection-dialog";
import { SessionDialog } from "../components/session-dialog";
import { people } from "../components/timetable-view";
import { formatMinutes } from "../local-time";
import { blockOrdinals } from "../timetable-layout";

function BlockItem({
  block,
  ordinal,
  zone,
}: {
  block: TimetableBlock;
  ordinal?: { n: number; of: number };
  zone: string;
}) {
  return (
    <Paper component="li" withBorder p="sm" radius="md" style={{ borderLeft: `6px solid ${block.colours.background}` }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Text size="xs" fw={600}>
            {ordinal ? `Block ${ordinal.n} of ${ordinal.of}` : "Block"}
            {block.title && ` · ${block.title}`}
          </Text>
          <Text size="sm">
            <Time at={block.startAt} zone={zone} /> to <Time at={block.endAt} format="time" />
          </Text>
          {block.location && <Text size="sm">{block.location.label}</Text>}
          <Text size="xs" c="dimmed">
            {block.children.filter((c) => c.kind === "contribution").length} contributions
          </Text>
        </Stack>
        <Stack gap={0} style={{ textAlign: "right" }}>
          <Text size="xs" fw={700}>
            Conveners
          </Text>
          {block.conveners.length === 0 ? (
            <Text size="xs">None</Text>
          ) : (
            block.conveners.map((p) => (
              <Text size="xs" key={`${p.name}|${p.affiliation}`}>
                {p.email ? <Anchor href={`mailto:${p.email}`}>{p.name}</Anchor> : p.name}
                {p.affiliation && ` (${p.affiliation})`}
              </Text>
            ))
          )}
        </Stack>
      </Group>
    </Paper>
  );
}

function SessionDetails({
  session,
  zone,
  eventTitle,
}: {
  session: ConferenceSession;
  zone: string;
  eventTitle: string;
}) {
  const navigate = useNavigate();
  const manage = session.abilities.manage;
  const types = useQuery({ ...sessionListQuery(session.eventId), enabled: manage });
  const [editing, setEditing] = useState(false);
  const [materials, setMaterials] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [protecting, setProtecting] = useState(false);
  const ordinals = useMemo(() => blockOrdinals(session.blocks), [session.blocks]);
  const scheduled = session.contributions.filter((c) => c.isScheduled).length;

  return (
    <Page title={session.title} width={960}>
      <Group gap="xs">
        <Swatch colours={session.colours} />
        <Text size="sm">
          Session of{" "}
          <Anchor component={Link} to={`/events/${session.eventId}`}>
            {eventTitle}
          </Anchor>
        </Text>
        {session.code && (
          <Badge variant="light" maw="100%" title={session.code}>
            {session.code}
          </Badge>
        )}
        {session.type && (
          <Badge variant="light" color={session.isPoster ? "grape" : "gray"}>
            {session.type.name}
            {session.isPoster ? " · poster session" : ""}
          </Badge>
        )}
      </Group>
      <Group gap="sm">
        <Button component={Link} to={`/events/${session.eventId}/sessions/${session.id}/timetable`} variant="default">
          Session timetable
        </Button>
        <ExportMenu eventId={session.eventId} sessionId={session.id} label="Add to calendar" />
        {manage && (
          <>
            <Button variant="default" onClick={() => setEditing(true)}>
              Edit session
            </Button>
            <Button variant="default" onClick={() => setMaterials(true)}>
              Material
            </Button>
            {/* The shield, for the session's own managers as much as the event's. */}
            <Button variant="default" leftSection={<ShieldIcon />} onClick={() => setProtecting(true)}>
              Protection
            </Button>
            <Button variant="default" color="red" onClick={() => setDeleting(true)}>
              Delete session
            </Button>
          </>
        )}
      </Group>
      <dl className="convene-facts">
        <dt>First block</dt>
        <dd>{session.blocks[0] ? <Time at={session.blocks[0].startAt} zone={zone} /> : "Not scheduled"}</dd>
        {session.location && (
          <>
            <dt>Location</dt>
            <dd>{session.location.label}</dd>
          </>
        )}
        <dt>Default contribution duration</dt>
        <dd>{formatMinutes(session.defaultContributionMinutes)}</dd>
      </dl>
      <Description html={session.descriptionHtml} text={session.description} />

      <Section gap="sm" title="Blocks">
        <Text size="sm">
          The session takes place in {session.blocks.length === 1 ? "one block" : `${session.blocks.length} blocks`}:
          scheduled stretches of time in the timetable, each with its own time, place and conveners.
        </Text>
        {session.blocks.length > 0 && (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: "none" }}>
            {session.blocks.map((b) => (
              <BlockItem key={b.id} block={b} ordinal={ordinals.get(b.id)} zone={zone} />
            ))}
          </Stack>
        )}
      </Section>

      <Section gap="sm" title="Contributions">
        <Text size="sm">
          {session.contributions.length === 0
            ? "No contributions yet."
            : `${session.contributions.length} contributions, ${scheduled} scheduled.`}
        </Text>
        {session.contributions.length > 0 && (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: "none" }}>
            {session.contributions.map((c) => (
              <li key={c.id}>
                <Text size="sm" fw={600}>
                  {c.boardNumber && `Board ${c.boardNumber} · `}
                  <Anchor
                    component={Link}
                    to={`/events/${session.eventId}/contributions/${c.id}`}
                    inherit
                    underline="always"
                  >
                    {c.title}
                  </Anchor>
                </Text>
                <Text size="xs">
                  {c.startAt ? <Time at={c.startAt} zone={zone} /> : "Not scheduled"}
                  {" · "}
                  {formatMinutes(c.durationMinutes)}
                  {c.speakers.length > 0 && ` · ${people(c.speakers)}`}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Section>

      <Section gap="sm" title="Presentation materials">
        <MaterialsTable eventId={session.eventId} materials={session.materials} canDelete={manage} />
      </Section>

      {manage && (
        <>
          <SessionDialog
            eventId={session.eventId}
            opened={editing}
            sessionId={session.id}
            types={types.data?.types ?? []}
            eventDefaultMinutes={session.defaultContributionMinutes}
            onClose={() => setEditing(false)}
          />
          <MaterialsDialog
            eventId={session.eventId}
            session={materials ? session : null}
            onClose={() => setMaterials(false)}
          />
          <ProtectionDialog
            eventId={session.eventId}
            session={protecting ? session : null}
            onClose={() => setProtecting(false)}
          />
          <DeleteSessionDialog
            eventId={session.eventId}
            session={
              deleting
                ? {
                    id: session.id,
                    title: session.title,
                    blocksCount: session.blocks.length,
                    contributionsCount: session.contributions.length,
                  }
                : null
            }
            onClose={() => setDeleting(false)}
            onDeleted={() => navigate(`/events/${session.eventId}/manage/sessions`, { replace: true })}
          />
        </>
      )}
    </Page>
  );
}

/** `/events/:eventId/sessions/:sessionId`: details, blocks with conveners, contributions, Presentation materials. */
export function ConferenceSessionPage() {
  const { eventId = "", sessionId = "" } = useParams();
  const event = useQuery(eventQuery(eventId));
  const session = useQuery(sessionQuery(eventId, sessionId));
  if (isNotFound(event.error, session.error)) return <ConferenceNotFound what="session" />;
  return (
    <QueryStatus query={event} label="Loading the session">
      {(e) => (
        <QueryStatus query={session} label="Loading the session">
          {(s) => <SessionDetails session={s} zone={e.timeZone} eventTitle={e.title} />}
        </QueryStatus>
      )}
    </QueryStatus>
  );
}
