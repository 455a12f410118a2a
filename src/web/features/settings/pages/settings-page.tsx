import {
  Alert,
  Anchor,
  Button,
  Code,
  Group,
  List,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { z } from "zod";
import { ROLE_LABEL } from "../../../../shared/labels";
import {
  FeatureFlags,
  type GoogleCalendarSettings,
  GoogleCalendarSettingsInput,
  ReminderMinutes,
  type ReminderSettings,
  type Role,
  type Settings,
  SiteInformation,
} from "../../../../shared/schemas/community-sessions";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { ReminderTimesInput } from "../../../components/reminder-times-input";
import { Section } from "../../../components/section";
import { Time } from "../../../components/time";
import { ApiError } from "../../../lib/api-client";
import { useSchemaForm } from "../../../lib/form";
import { reminderSettingsQuery } from "../../../lib/reminder-settings";
import {
  googleQuery,
  settingsQuery,
  useSaveGoogle,
  useSaveReminders,
  useTestGoogle,
  useUpdateSettings,
  waitlistSettingsQuery,
} from "../api";
import { WaitlistsForm } from "../components/waitlists-form";

/** The server names nested fields "site.siteName": the form knows them as "siteName". */
function withinSection(err: unknown, section: "site" | "features"): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields = Object.fromEntries(
    Object.entries(err.fields).map(([key, message]) => [key.replace(`${section}.`, ""), message]),
  );
  return new ApiError(err.status, err.code, err.message, fields);
}

function SiteForm({ site }: { site: Settings["site"] }) {
  const update = useUpdateSettings();
  const form = useSchemaForm({
    schema: SiteInformation,
    initialValues: site,
    labels: {
      siteName: "Site Name",
      tagline: "Tagline",
      contactEmail: "Contact Email",
      physicalAddress: "Physical Address",
    },
  });
  const submit = form.handleSubmit((input) => {
    update.mutate(
      { site: input },
      {
        onSuccess: (saved) => {
          form.reset(saved.site);
          notify("Site information saved.");
        },
        onError: (err) => form.showError(withinSection(err, "site")),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError>{form.formError}</FormError>
        <TextInput
          label="Site Name"
          description="Shown in the header and as the sender of emails"
          required
          {...form.textField("siteName")}
        />
        <TextInput
          label="Tagline"
          description="A line under the name on the home page"
          {...form.textField("tagline")}
        />
        <TextInput
          label="Contact Email"
          type="email"
          description="Where members can write to the organisers"
          {...form.textField("contactEmail")}
        />
        <Textarea
          label="Physical Address"
          description="Optional; shown in the footer of every email"
          autosize
          minRows={2}
          {...form.textField("physicalAddress")}
        />
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save site information
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FeaturesForm({ features }: { features: Settings["features"] }) {
  const update = useUpdateSettings();
  const form = useSchemaForm({
    schema: FeatureFlags,
    initialValues: features,
    labels: { premiumLabel: "Premium Label" },
  });
  const submit = form.handleSubmit((input) => {
    update.mutate(
      { features: input },
      {
        onSuccess: (saved) => {
          form.reset(saved.features);
          notify("Feature flags saved.");
        },
        onError: (err) => form.showError(withinSection(err, "features")),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError>{form.formError}</FormError>
        <Switch
          label="Allow User Session Creation"
          description="Members get New Session too, manage the sessions they create, and host them. Off: admins only."
          {...form.checkField("allowUserSessionCreation")}
        />
        <Switch
          label="Require Premium for Presenting"
          description="Only premium members may register as Presenter or Interviewer."
          {...form.checkField("requirePremiumForPresenting")}
        />
        <Switch
          label="Require Premium for Hosting"
          description="Only premium members may register as Host."
          {...form.checkField("requirePremiumForHosting")}
        />
        <TextInput
          label="Premium Label"
          description="What members see as the name of the premium tier"
          required
          maw={320}
          {...form.textField("premiumLabel")}
        />
        <Alert color="blue" variant="light" title="Who is premium">
          Members marked Premium or Staff in Admin &gt; Users. Admins always count as premium.
        </Alert>
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save feature flags
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SyncState({ google }: { google: GoogleCalendarSettings }) {
  return (
    <dl className="convene-facts" aria-label="Sync state">
      <dt>Last sync</dt>
      <dd>{google.lastSyncAt ? <Time at={google.lastSyncAt} /> : "Never"}</dd>
      <dt>Last error</dt>
      <dd>
        {google.lastError ? (
          <>
            <Text span c="red.9" inherit>
              {google.lastError}
            </Text>
            {google.lastErrorAt && (
              <>
                {" ("}
                <Time at={google.lastErrorAt} />
                {")"}
              </>
            )}
          </>
        ) : (
          "None"
        )}
      </dd>
      <dt>Waiting to sync</dt>
      <dd>{google.pendingSyncs}</dd>
      <dt>Failed</dt>
      <dd>
        {google.failedSyncs}
        {google.failedSyncs > 0 && (
          <>
            {" · "}
            <Anchor component={Link} to="/admin/mail">
              See them in Admin &gt; Mail
            </Anchor>
          </>
        )}
      </dd>
    </dl>
  );
}

function GoogleForm({ google }: { google: GoogleCalendarSettings }) {
  const save = useSaveGoogle();
  const test = useTestGoogle();
  const form = useSchemaForm({
    schema: GoogleCalendarSettingsInput,
    initialValues: { calendarId: google.calendarId, serviceAccountJson: "" as string | undefined },
    labels: { calendarId: "Google Calendar ID", serviceAccountJson: "Service Account JSON" },
  });
  const submit = form.handleSubmit((input) => {
    // The stored key is never shown; an empty box keeps it.
    const json = input.serviceAccountJson?.trim() ? input.serviceAccountJson : undefined;
    test.reset();
    save.mutate(
      { calendarId: input.calendarId, serviceAccountJson: json },
      {
        onSuccess: (saved) => {
          form.reset({ calendarId: saved.calendarId, serviceAccountJson: "" });
          notify("Google Calendar settings saved. Published sessions are being synced.");
        },
        onError: (err) => form.showError(err),
      },
    );
  });
  return (
    <Stack>
      <Text>
        Sessions that are not Drafts are kept on one community calendar: title, time, participants by role, and a link
        to the session page (never the meeting link or password). To set it up:
      </Text>
      <List type="ordered" spacing={4}>
        <List.Item>Create a Google Cloud service account with the Google Calendar API enabled.</List.Item>
        <List.Item>Download its JSON key.</List.Item>
        <List.Item>
          Share the calendar with the service account's email, with the permission “Make changes to events”.
        </List.Item>
        <List.Item>Paste the Calendar ID and the JSON key here, save, and test the connection.</List.Item>
      </List>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError>{form.formError}</FormError>
          <TextInput
            label="Google Calendar ID"
            description="In Google Calendar: Settings of the calendar › Integrate calendar › Calendar ID"
            placeholder="abc123@group.calendar.google.com"
            autoComplete="off"
            {...form.textField("calendarId")}
          />
          <Textarea
            label="Service Account JSON"
            description={
              google.serviceAccountEmail
                ? "Leave this empty to keep the stored key, or paste a new key to replace it."
                : "Paste the whole JSON key file. It is stored on the server and never shown again."
            }
            autosize
            minRows={3}
            maxRows={10}
            autoComplete="off"
            spellCheck={false}
            {...form.textField("serviceAccountJson")}
            styles={{ input: { fontFamily: "var(--mantine-font-family-monospace)" } }}
          />
          {google.serviceAccountEmail && (
            <Text size="sm" data-testid="stored-key">
              A key for <Code>{google.serviceAccountEmail}</Code> is stored.
            </Text>
          )}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
            <Button variant="default" loading={test.isPending} onClick={() => test.mutate()}>
              Test connection
            </Button>
          </Group>
        </Stack>
      </form>
      <div role="status" aria-live="polite">
        {test.data && (
          <Alert
            color={test.data.ok ? "green" : "red"}
            variant="light"
            title={test.data.ok ? "Connected" : "Not connected"}
          >
            {test.data.message}
          </Alert>
        )}
        {test.error && (
          <Alert color="red" variant="light" title="Could not test">
            {test.error.message}
          </Alert>
        )}
      </div>
      <Title order={3} size="h4">
        Sync
      </Title>
      <SyncState google={google} />
    </Stack>
  );
}

const ROLES = Object.keys(ROLE_LABEL) as Role[];

/** The Reminders section's lists: the times for every role, and each role's extra times (empty: none). */
const RemindersFormSchema = z.object({
  defaultMinutes: ReminderMinutes,
  host: ReminderMinutes,
  presenter: ReminderMinutes,
  interviewer: ReminderMinutes,
  guest: ReminderMinutes,
});
type RemindersFormValues = z.infer<typeof RemindersFormSchema>;

function toReminderForm(r: ReminderSettings): RemindersFormValues {
  return {
    defaultMinutes: r.defaultMinutes,
    host: r.roleMinutes.host ?? [],
    presenter: r.roleMinutes.presenter ?? [],
    interviewer: r.roleMinutes.interviewer ?? [],
    guest: r.roleMinutes.guest ?? [],
  };
}

/** The server names the lists "defaultMinutes.0" and "roleMinutes.presenter.1": the form knows them by list. */
function withinReminders(err: unknown): unknown {
  if (!(err instanceof ApiError)) return err;
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(err.fields)) {
    const list = key.replace(/^roleMinutes\./, "").split(".")[0] ?? key;
    fields[list] ??= message;
  }
  return new ApiError(err.status, err.code, err.message, fields);
}

function RemindersForm({ reminders }: { reminders: ReminderSettings }) {
  const save = useSaveReminders();
  const form = useSchemaForm({
    schema: RemindersFormSchema,
    initialValues: toReminderForm(reminders),
    labels: {
      defaultMinutes: "Times for every role",
      host: `Extra times for ${ROLE_LABEL.host}`,
      presenter: `Extra times for ${ROLE_LABEL.presenter}`,
      interviewer: `Extra times for ${ROLE_LABEL.interviewer}`,
      guest: `Extra times for ${ROLE_LABEL.guest}`,
    },
  });
  const submit = form.handleSubmit((input) => {
    const roleMinutes: ReminderSettings["roleMinutes"] = {};
    for (const role of ROLES) if (input[role].length > 0) roleMinutes[role] = input[role];
    save.mutate(
      { defaultMinutes: input.defaultMinutes, roleMinutes },
      {
        onSuccess: (saved) => {
          form.reset(toReminderForm(saved));
          notify("Reminder times saved. Sessions ahead follow them.");
        },
        onError: (err) => form.showError(withinReminders(err)),
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          Each reminder goes once to the participants of the roles it is for, with the meeting link; a session can have
          its own times.
        </Text>
        <FormError>{form.formError}</FormError>
        <ReminderTimesInput
          label="Times for every role"
          description="Before the start of each session, e.g. 24h, 1h, 3d, 90m (at most 5). None: no reminders."
          maw={560}
          {...form.valueField("defaultMinutes")}
        />
        <Title order={3} size="h4">
          Extra times for one role
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {ROLES.map((role) => (
            <ReminderTimesInput key={role} label={ROLE_LABEL[role]} {...form.valueField(role)} />
          ))}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save reminders
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Admin > Settings (community.md, Settings; microtalks.md §4). */
export function SettingsPage() {
  const settings = useQuery(settingsQuery());
  const google = useQuery(googleQuery());
  const reminders = useQuery(reminderSettingsQuery());
  const waitlists = useQuery(waitlistSettingsQuery());
  return (
    <Page title="Settings">
      <QueryStatus query={settings} label="Loading settings">
        {(data) => (
          <>
            <Section title="Site Information">
              <SiteForm site={data.site} />
            </Section>
            <Section title="Feature Flags">
              <FeaturesForm features={data.features} />
            </Section>
          </>
        )}
      </QueryStatus>
      <Section title="Reminders">
        <QueryStatus query={reminders} label="Loading reminder times">
          {(data) => <RemindersForm reminders={data} />}
        </QueryStatus>
      </Section>
      <Section title="Waitlists">
        <QueryStatus query={waitlists} label="Loading waitlist settings">
          {(data) => <WaitlistsForm settings={data} />}
        </QueryStatus>
      </Section>
      <Section title="Google Calendar">
        <QueryStatus query={google} label="Loading Google Calendar settings">
          {(data) => <GoogleForm google={data} />}
        </QueryStatus>
      </Section>
    </Page>
  );
}
