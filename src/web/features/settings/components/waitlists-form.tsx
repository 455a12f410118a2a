import { Button, Fieldset, Group, NumberInput, Radio, Stack, Text, TextInput } from "@mantine/core";
import { useId } from "react";
import { z } from "zod";
import { WaitlistSettings } from "../../../../shared/schemas/community-sessions";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { useSchemaForm } from "../../../lib/form";
import { formatReminderTime, parseMinutes } from "../../../lib/reminder-times";
import { useSaveWaitlists } from "../api";

const rules = WaitlistSettings.shape;

/** A count as a NumberInput holds it (number, or the text while it is none): the shared rule then names the fault. */
const typedNumber = (rule: z.ZodNumber) =>
  z
    .union([z.number(), z.string()])
    .transform((v) => (typeof v === "number" ? v : v.trim() === "" ? undefined : Number(v)))
    .pipe(rule);

/**
 * The form's fields, under the API's keys so a 400's `fields` land on them: the hold as typed ("12h", "90m"), read
 * into minutes and checked by the shared rule (5 minutes to 7 days).
 */
const WaitlistsFormSchema = z.object({
  holdMinutes: z
    .string()
    .transform((text, ctx) => {
      const minutes = parseMinutes(text);
      if (minutes !== null) return minutes;
      ctx.addIssue({ code: "custom", message: "must be a length of time, such as 12h, 90m or 2d", input: text });
      return z.NEVER;
    })
    .pipe(rules.holdMinutes),
  mode: rules.mode,
  noShowLimit: typedNumber(rules.noShowLimit),
  noShowDays: typedNumber(rules.noShowDays),
});
type WaitlistsFormValues = z.input<typeof WaitlistsFormSchema>;

const toForm = (s: WaitlistSettings): WaitlistsFormValues => ({ ...s, holdMinutes: formatReminderTime(s.holdMinutes) });

const HOLD_LABEL = "Hold an offered place for";

/** Admin > Settings > Waitlists (issue #15): the hold, offer or register at once, and the no-show rule. */
export function WaitlistsForm({ settings }: { settings: WaitlistSettings }) {
  const save = useSaveWaitlists();
  const ruleErrorId = useId();
  const form = useSchemaForm({
    schema: WaitlistsFormSchema,
    initialValues: toForm(settings),
    labels: {
      holdMinutes: HOLD_LABEL,
      mode: "When a place frees",
      noShowLimit: "No-shows",
      noShowDays: "Days",
    },
  });
  const submit = form.handleSubmit((input) => {
    save.mutate(input, {
      onSuccess: (saved) => {
        form.reset(toForm(saved));
        notify("Waitlist settings saved.");
      },
      onError: (err) => form.showError(err),
    });
  });
  const ruleErrors = [form.errors.noShowLimit, form.errors.noShowDays].filter(Boolean);
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          When a role is full, members can wait in line for it. A place that frees (a cancellation, a removal, more
          places) goes to the first in line, who is emailed.
        </Text>
        <FormError>{form.formError}</FormError>
        <Radio.Group
          label="When a place frees"
          value={form.values.mode}
          onChange={(mode) => form.setValue("mode", mode as WaitlistsFormValues["mode"])}
          error={form.errors.mode}
        >
          <Stack mt="xs" gap="xs">
            <Radio
              value="offer"
              label="Offer it to the first in line"
              description="They have the hold below to accept; then it goes to the next in line."
            />
            <Radio
              value="promote"
              label="Register the first in line at once"
              description="They are emailed that they have the place, with the meeting link."
            />
          </Stack>
        </Radio.Group>
        <TextInput
          label={HOLD_LABEL}
          description="How long the first in line has to accept, e.g. 12h, 90m or 2d (5 minutes to 7 days). An offer always ends before the session starts."
          maw={420}
          autoComplete="off"
          {...form.textField("holdMinutes")}
        />
        <Fieldset
          legend={
            <Text span size="sm" fw={600}>
              No-show rule
            </Text>
          }
          variant="unstyled"
        >
          <Stack gap={6}>
            <Group gap="xs" align="center" wrap="wrap">
              <Text span>Send registrations to the waitlist after</Text>
              <NumberInput
                aria-label="No-shows"
                w={80}
                min={0}
                clampBehavior="none"
                allowDecimal={false}
                value={form.values.noShowLimit}
                onChange={(v) => form.setValue("noShowLimit", v)}
                error={form.errors.noShowLimit !== undefined}
                aria-describedby={ruleErrors.length > 0 ? ruleErrorId : undefined}
              />
              <Text span>no-shows in</Text>
              <NumberInput
                aria-label="Days"
                w={90}
                min={1}
                clampBehavior="none"
                allowDecimal={false}
                value={form.values.noShowDays}
                onChange={(v) => form.setValue("noShowDays", v)}
                error={form.errors.noShowDays !== undefined}
                aria-describedby={ruleErrors.length > 0 ? ruleErrorId : undefined}
              />
              <Text span>days</Text>
            </Group>
            {ruleErrors.length > 0 && (
              <Text size="sm" c="red.8" id={ruleErrorId}>
                {ruleErrors.join(". ")}
              </Text>
            )}
            <Text size="sm" c="dimmed">
              0 no-shows turns the rule off. Otherwise a member marked No Show that many times within that many days
              waits for a place when they register: they join the line after the others, and organisers can move them up
              or register them.
            </Text>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save waitlist settings
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
