import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { Page } from "../../../components/page";
import { useSignUp } from "../api";
import { NewAccountFields, useNewAccountForm } from "../components/new-account-fields";

export function SignUpPage() {
  const [params] = useSearchParams();
  const signUp = useSignUp();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useNewAccountForm();

  const submit = form.handleSubmit((input) => {
    // The emailed link brings them back to the page that sent them here (e.g. a session's "Sign up to register").
    const next = params.get("next") ?? undefined;
    signUp.mutate(
      { ...input, next },
      { onSuccess: () => setSentTo(input.email), onError: (err) => form.showError(err) },
    );
  });

  if (sentTo) {
    // The same whether or not the address already has an account: the email tells its owner which it is.
    return (
      <Page title="Check your inbox" width={440}>
        <Alert color="green" variant="light" role="status" title="One more step">
          We sent an email to {sentTo}. Open the link in it within 24 hours to create your account and sign in.
        </Alert>
        <Text>
          Nothing arrived after a few minutes? Look in your spam folder, or{" "}
          <Anchor component="button" type="button" onClick={() => setSentTo(null)}>
            sign up again
          </Anchor>
          .
        </Text>
      </Page>
    );
  }

  return (
    <Page title="Sign up" width={440}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <NewAccountFields form={form} />
          <Button type="submit" loading={signUp.isPending}>
            Create account
          </Button>
        </Stack>
      </form>
      <Text>
        Already have an account?{" "}
        <Anchor component={Link} to="/sign-in">
          Sign in
        </Anchor>
      </Text>
    </Page>
  );
}
