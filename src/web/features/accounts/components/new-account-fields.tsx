import { PasswordInput, type PasswordInputProps, TextInput } from "@mantine/core";
import { SignUpInput } from "../../../../shared/schemas/accounts";
import { PASSWORD_MIN_LENGTH } from "../../../../shared/schemas/common";
import { runtimeTimeZone } from "../../../../shared/time";
import { FormError } from "../../../components/form-error";
import { TimeZoneSelect } from "../../../components/time-zone-select";
import { useSchemaForm } from "../../../lib/form";

/** A new account's form state (sign-up, and the first admin's setup), checked by the shared SignUpInput. */
export function useNewAccountForm() {
  return useSchemaForm({
    schema: SignUpInput,
    // The browser's zone, offered and editable: emails show times in it from the first one on (issue 13, 6).
    initialValues: { name: "", email: "", password: "", timeZone: runtimeTimeZone() as string | null },
    labels: { name: "Name", email: "Email", password: "Password", timeZone: "Time zone" },
  });
}

/** A new account's time zone, filled in from the browser (sign-up, setup, an invitation's account). */
export function NewAccountTimeZone(props: {
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) {
  return (
    <TimeZoneSelect
      label="Time zone"
      description="Emails and pages show times in this zone. Filled in from your browser; change it if it is wrong."
      required
      allowDeselect={false}
      {...props}
      value={props.value ?? null}
    />
  );
}

/** A password being chosen (sign-up, invitation, reset, change): the rule it must meet said beside it. */
export function NewPasswordInput({ note, ...props }: PasswordInputProps & { note?: string }) {
  return (
    <PasswordInput
      label="Password"
      description={`At least ${PASSWORD_MIN_LENGTH} characters.${note ? ` ${note}` : ""}`}
      autoComplete="new-password"
      required
      {...props}
    />
  );
}

/** Its fields, under the form's own message: Name, Email, a new Password and the Time zone. */
export function NewAccountFields({ form }: { form: ReturnType<typeof useNewAccountForm> }) {
  return (
    <>
      <FormError>{form.formError}</FormError>
      <TextInput label="Name" autoComplete="name" required {...form.textField("name")} />
      <TextInput label="Email" type="email" autoComplete="email" required {...form.textField("email")} />
      <NewPasswordInput {...form.textField("password")} />
      <NewAccountTimeZone {...form.valueField("timeZone")} />
    </>
  );
}
