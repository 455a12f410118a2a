import { Alert, Modal, Radio, Select, SimpleGrid, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useMemo, useState } from "react";
import type { Contribution, ScheduleInput } from "../../../../shared/schemas/conference-contributions";
import { ClockField } from "../../../components/clock-field";
import { FormButtons } from "../../../components/form-buttons";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { QueryStatus } from "../../../components/query-status";
import { Time, ViewerTimeZoneProvider } from "../../../components/time";
import { isApiError } from "../../../lib/api-client";
import { sessionQuery, useScheduleContribution } from "../api";
import { NOT_IN_ZONE } from "../forms";
import { dayLabel, dayOf, joinLocal, localToInstant } from "../local-time";
import { blockOrdinals } from "../timetable-layout";

type Input = {
  blockId?: string | null;
  startAt?: string;
  day?: string;
};

function useSchedule(
  eventId: string,
  contribution: Contribution,
  onClose: () => void,
  onScheduled?: (scheduled: Contribution) => void,
) {
  const schedule = useScheduleContribution(eventId);
  const [errors, setErrors] = useState<{ startAt?: string; blockId?: string; form?: string }>({});
  const send = (input: Input) => {
    setErrors({});
    schedule.mutate(
      { id: contribution.id, input: input as ScheduleInput },
      {
        onSuccess: (c) => {
          notify([`“${c.title}” was scheduled.`, ...c.notices].join(" "));
          onScheduled?.(c);
          onClose();
        },
        onError: (err) => {
          const fields = isApiError(err) ? err.fields : {};
          setErrors({
            startAt: fields.startAt ? `Start ${fields.startAt}` : undefined,
            blockId: fields.blockId ? `Block ${fields.blockId}` : undefined,
            form: fields.startAt || fields.blockId ? undefined : err.message,
          });
        },
      },
    );
  };
  return { send, errors, setErrors, pending: schedule.isPending };
}

/** Into one of the session's blocks: a radio per block (with its time), and an optional start. */
function IntoBlock({
  eventId,
  zone,
  contribution,
  onClose,
  onScheduled,
}: {
  eventId: string;
  zone: string;
  contribution: Contribution;
  onClose: () => void;
  onScheduled?: (scheduled: Contribution) => void;
}) {
  const session = useQuery(sessionQuery(eventId, contribution.sessionId ?? ""));
  const { send, errors, setErrors, pending } = useSchedule(eventId, contribution, onClose, onScheduled);
  const [chosen, setBlockId] = useState<string>("");
  // A session with one block: that block is the choice, already made.
  const only = session.data?.blocks.length === 1 ? (session.data.blocks[0]?.id ?? "") : "";
  const blockId = chosen || only;
  const [time, setTime] = useState("");
  const ordinals = useMemo(() => blockOrdinals(session.data?.blocks ?? []), [session.data]);

  return (
    <QueryStatus query={session} label="Loading the session's blocks">
      {(s) => {
        const block = s.blocks.find((b) => b.id === blockId);
        const submit = (e: FormEvent) => {
          e.preventDefault();
          if (!block) {
            setErrors({ blockId: "Choose a block" });
            return;
          }
          if (!time || s.isPoster) return send({ blockId: block.id });
          const startAt = localToInstant(joinLocal(dayOf(block.startLocal), time), zone);
          if (!startAt) return setErrors({ startAt: `Start ${NOT_IN_ZONE}` });
          send({ blockId: block.id, startAt });
        };
        if (s.blocks.length === 0)
          return (
            <Alert color="orange" variant="light">
              The session “{s.title}” has no blocks yet. Add one on the Timetable page first.
            </Alert>
          );
        return (
          <form onSubmit={submit} noValidate aria-label="Schedule into a block">
            <Stack gap="md">
              <FormError>{errors.form}</FormError>
              <Radio.Group
                label={`Block of “${s.title}”`}
                value={blockId}
                onChange={setBlockId}
                error={errors.blockId}
                required
              >
                <Stack gap={6} mt={6}>
                  {s.blocks.map((b) => {
                    const o = ordinals.get(b.id);
                    return (
                      <Radio
                        key={b.id}
                        value={b.id}
                        label={
                          <span>
                            {o ? `Block ${o.n} of ${o.of}` : "Block"}
                            {b.title && ` · ${b.title}`} · {dayLabel(dayOf(b.startLocal), { short: true })},{" "}
                            <Time at={b.startAt} until={b.endAt} format="time" />
                          </span>
                        }
                      />
                    );
                  })}
                </Stack>
              </Radio.Group>
              {s.isPoster ? (
                <Text size="sm">Posters take the block's start and duration.</Text>
              ) : (
                <ClockField
                  label="Start"
                  description={`Optional, in ${zone}: after the block's last entry by default`}
                  value={time}
                  onChange={setTime}
                  error={errors.startAt}
                  w={260}
                />
              )}
              <FormButtons onCancel={onClose} pending={pending} submitLabel="Schedule" />
            </Stack>
          </form>
        );
      }}
    </QueryStatus>
  );
}

/** At top level (a contribution without a session): a day and an optional start. */
function AtTopLevel({
  eventId,
  zone,
  days,
  contribution,
  onClose,
  onScheduled,
}: {
  eventId: string;
  zone: string;
  days: string[];
  contribution: Contribution;
  onClose: () => void;
  onScheduled?: (scheduled: Contribution) => void;
}) {
  const { send, errors, setErrors, pending } = useSchedule(eventId, contribution, onClose, onScheduled);
  const [day, setDay] = useState(days[0] ?? "");
  const [time, setTime] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!time) return send({ blockId: null, day });
    const startAt = localToInstant(joinLocal(day, time), zone);
    if (!startAt) return setErrors({ startAt: `Start ${NOT_IN_ZONE}` });
    send({ blockId: null, startAt });
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Schedule at top level">
      <Stack gap="md">
        <Text size="sm">It has no session, so it goes into the timetable outside any block.</Text>
        <FormError>{errors.form}</FormError>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Day"
            data={days.map((d) => ({ value: d, label: dayLabel(d) }))}
            value={day}
            onChange={(v) => v && setDay(v)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          <ClockField
            label="Start"
            description={`Optional, in ${zone}: the day's next free time by default`}
            value={time}
            onChange={setTime}
            error={errors.startAt}
          />
        </SimpleGrid>
        <FormButtons onCancel={onClose} pending={pending} submitLabel="Schedule" />
      </Stack>
    </form>
  );
}

/** Schedule an unscheduled contribution: into one of its session's blocks, or at top level when it has none. */
export function ScheduleDialog({
  eventId,
  zone,
  days,
  contribution,
  onClose,
  onScheduled,
}: {
  eventId: string;
  zone: string;
  days: string[];
  contribution: Contribution | null;
  onClose: () => void;
  /** Told what was scheduled (the timetable page records its undo). */
  onScheduled?: (scheduled: Contribution) => void;
}) {
  return (
    <Modal
      opened={contribution !== null}
      onClose={onClose}
      title={contribution ? `Schedule “${contribution.title}”` : "Schedule"}
      size="lg"
    >
      {contribution &&
        (contribution.sessionId ? (
          // Block times in the event's zone, like the start typed below them.
          <ViewerTimeZoneProvider profileZone={zone}>
            <IntoBlock
              key={contribution.id}
              eventId={eventId}
              zone={zone}
              contribution={contribution}
              onClose={onClose}
              onScheduled={onScheduled}
            />
          </ViewerTimeZoneProvider>
        ) : (
          <AtTopLevel
            key={contribution.id}
            eventId={eventId}
            zone={zone}
            days={days}
            contribution={contribution}
            onClose={onClose}
            onScheduled={onScheduled}
          />
        ))}
    </Modal>
  );
}
