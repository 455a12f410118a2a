import { Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Me } from "../../../../shared/schemas/accounts";
import { ChangeEmailInput, ChangePasswordInput, UpdateProfileInput } from "../../../../shared/schemas/accounts";
import { runtimeTimeZone } from "../../../../shared/time";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { Section } from "../../../components/section";
import { TimeZoneSelect } from "../../../components/time-zone-select";
import { useSchemaForm } from "../../../lib/form";
import { meQuery, useChangeEmail, useChangePassword, useUpdateProfile } from "../api";
import { CalendarFeed } from "../components/calendar-feed";
import { NewPasswordInput } from "../components/new-account-fields";

function ProfileForm({ me }: { me: Me }) {
  const update = useUpdateProfile();
  const browserZone = useMemo(() => runtimeTimeZone(), []);
  const form = useSchemaForm({
    schema: UpdateProfileInput,
    initialValues: { name: me.name ?? "", timeZone: me.timeZone as string | null },
    labels: { name: "Name", timeZone: "Time zone" },
  });

  const submit = form.handleSubmit((input) => {
    update.mutate(
      { name: input.name, timeZone: input.timeZone ?? null },
      {
        onSuccess: () => notify("Your profile was saved."),
        onError: (err) => form.showError(err),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError>{form.formError}</FormError>
        <TextInput label="Name" autoComplete="name" required {...form.textField("name")} />
        <TimeZoneSelect
          label="Time zone"
          description={`Times are shown in this zone. Leave it empty to follow your browser (now ${browserZone}).`}
          placeholder={`Follow my browser (${browserZone})`}
          include={browserZone}
          {...form.valueField("timeZone")}
          clearable
        />
        <Group>
          <Button type="button" variant="default" onClick={() => form.setValue("timeZone", browserZone)}>
            Use my browser's zone
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EmailForm({ me }: { me: Me }) {
  const change = useChangeEmail();
  const form = useSchemaForm({
    schema: ChangeEmailInput,
    initialValues: { email: "", currentPassword: "" },
    labels: { email: "New email", currentPassword: "Current password" },
  });

  const submit = form.handleSubmit((input) => {
    change.mutate(input, {
      onSuccess: () => {
        notify(`Your email is now ${input.email}. We told your old address.`);
        form.reset();
      },
      onError: (err) => form.showError(err),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>
          Your email is <strong>{me.email}</strong>.
        </Text>
        <FormError>{form.formError}</FormError>
        <TextInput label="New email" type="email" autoComplete="email" required {...form.textField("email")} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.textField("currentPassword")}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function PasswordForm() {
  const change = useChangePassword();
  const form = useSchemaForm({
    schema: ChangePasswordInput,
    initialValues: { currentPassword: "", newPassword: "" },
    labels: { currentPassword: "Current password", newPassword: "New password" },
  });

  const submit = form.handleSubmit((input) => {
    change.mutate(input, {
      onSuccess: () => {
        notify("Your password was changed. Your other devices were signed out.");
        form.reset();
      },
      onError: (err) => form.showError(err),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <FormError>{form.formError}</FormError>
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.textField("currentPassword")}
        />
        <NewPasswordInput label="New password" {...form.textField("newPassword")} />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AccountPage() {
  const me = useQuery(meQuery());
  return (
    <Page title="Your account">
      <QueryStatus query={me}>
        {(user) =>
          user && (
            <>
              <Section title="Profile">
                <ProfileForm me={user} />
              </Section>
              <Section title="Email">
                <EmailForm me={user} />
              </Section>
              <Section title="Password">
                <PasswordForm />
              </Section>
              <Section title="Calendar feed">
                <CalendarFeed />
              </Section>
            </>
          )
        }
      </QueryStatus>
    </Page>
  );
}
