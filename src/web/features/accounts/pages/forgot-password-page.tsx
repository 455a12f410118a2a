import { Alert, Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { PasswordResetRequestInput } from "../../../../shared/schemas/accounts";
import { FormError } from "../../../components/form-error";
import { Page } from "../../../components/page";
import { useSchemaForm } from "../../../lib/form";
import { useRequestPasswordReset } from "../api";

export function ForgotPasswordPage() {
  const request = useRequestPasswordReset();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useSchemaForm({
    schema: PasswordResetRequestInput,
    initialValues: { email: "" },
    labels: { email: "Email" },
  });

  const submit = form.handleSubmit((input) => {
    request.mutate(input, {
      onSuccess: () => setSentTo(input.email),
      onError: (err) => form.showError(err),
    });
  });

  return (
    <Page title="Forgot your password?" width={440}>
      {sentTo ? (
        <Alert color="green" variant="light" role="status" title="Check your email">
          If an account exists for {sentTo}, we have sent it a link to choose a new password. The link works for one
          hour.
        </Alert>
      ) : (
        <>
          <Text>Enter the email of your account and we will send you a link to choose a new password.</Text>
          <form onSubmit={submit} noValidate>
            <Stack>
              <FormError>{form.formError}</FormError>
              <TextInput label="Email" type="email" autoComplete="email" required {...form.textField("email")} />
              <Button type="submit" loading={request.isPending}>
                Send reset link
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Text>
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      </Text>
    </Page>
  );
}
