import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import type { FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { SignUpInput } from "../../../../shared/schemas/accounts";
import { PASSWORD_MIN_LENGTH } from "../../../../shared/schemas/common";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { useSchemaForm } from "../../../lib/form";
import { useSignUp } from "../api";
import { safeNext } from "./sign-in-page";

export function SignUpPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const signUp = useSignUp();
  const form = useSchemaForm({
    schema: SignUpInput,
    initialValues: { name: "", email: "", password: "" },
    labels: { name: "Name", email: "Email", password: "Password" },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const input = form.validate();
    if (!input) return;
    signUp.mutate(input, {
      onSuccess: (res) => {
        notify(`Welcome, ${res.user?.name ?? input.name}! Your account is ready.`);
        // Back to the page that sent them here (e.g. a session page's "Sign up to register").
        navigate(safeNext(params.get("next")), { replace: true });
      },
      onError: (err) => form.showError(err),
    });
  };

  return (
    <Page title="Sign up" width={440}>
      <form onSubmit={submit} noValidate>
        <Stack>
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
