import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { Link, useLocation, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../../../../shared/next-path";
import { SignInInput } from "../../../../shared/schemas/accounts";
import { FormError } from "../../../components/form-error";
import { Page } from "../../../components/page";
import { useSchemaForm } from "../../../lib/form";
import { useSignIn } from "../api";

export function SignInPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const signIn = useSignIn();
  const form = useSchemaForm({
    schema: SignInInput,
    initialValues: { email: "", password: "" },
    labels: { email: "Email", password: "Password" },
  });

  const submit = form.handleSubmit((input) => {
    signIn.mutate(input, {
      onSuccess: () => navigate(safeNext(params.get("next")), { replace: true }),
      onError: (err) => form.showError(err),
    });
  });

  return (
    <Page title="Sign in" width={440}>
      {notice && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack>
          <FormError>{form.formError}</FormError>
          <TextInput label="Email" type="email" autoComplete="email" required {...form.textField("email")} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.textField("password")} />
          <Group justify="space-between">
            <Anchor component={Link} to="/forgot-password">
              Forgot your password?
            </Anchor>
            <Button type="submit" loading={signIn.isPending}>
              Sign in
            </Button>
          </Group>
        </Stack>
      </form>
      <Text>
        New here?{" "}
        <Anchor
          component={Link}
          to={params.get("next") ? `/sign-up?next=${encodeURIComponent(params.get("next") ?? "")}` : "/sign-up"}
        >
          Create an account
        </Anchor>
      </Text>
    </Page>
  );
}
