import { PasswordInput, TextInput } from "@mantine/core";
import { SignUpInput } from "../../../../shared/schemas/accounts";
import { PASSWORD_MIN_LENGTH } from "../../../../shared/schemas/common";
import { FormError } from "../../../components/form-error";
import { useSchemaForm } from "../../../lib/form";

/** A new account's form state (sign-up, and the first admin's setup), checked by the shared SignUpInput. */
export function useNewAccountForm() {
  return useSchemaForm({
    schema: SignUpInput,
    initialValues: { name: "", email: "", password: "" },
    labels: { name: "Name", email: "Email", password: "Password" },
  });
}

/** Its fields, under the form's own message: Name, Email and a new Password. */
export function NewAccountFields({ form }: { form: ReturnType<typeof useNewAccountForm> }) {
  return (
    <>
      <FormError>{form.formError}</FormError>
      <TextInput label="Name" autoComplete="name" required {...form.textField("name")} />
      <TextInput label="Email" type="email" autoComplete="email" required {...form.textField("email")} />
      <PasswordInput
        label="Password"
        description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        autoComplete="new-password"
        required
        {...form.textField("password")}
      />
    </>
  );
}
