import { Anchor, Button, Center, Loader, PasswordInput, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../../../../shared/next-path";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { isApiError } from "../../../lib/api-client";
import { meQuery, useConfirmSignUp } from "../api";

/**
 * The emailed sign-up link: creates the account, signs in and goes back to `?next=`. In the browser that signed
 * up it needs nothing more; in another browser the server asks for the password chosen at sign-up.
 */
export function ConfirmEmailPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const confirm = useConfirmSignUp();
  const [password, setPassword] = useState("");
  const sent = useRef(false);

  const run = (input: { token: string; password?: string }) =>
    confirm.mutate(input, {
      onSuccess: (res) => {
        notify(`Welcome, ${res.user?.name ?? "there"}! Your account is ready.`);
        navigate(safeNext(params.get("next")), { replace: true });
      },
    });

  // Once, on arrival: React runs effects twice in development, and a link works only once. After the first
  // "who am I" answer, so that it cannot arrive late and overwrite the account this creates.
  const me = useQuery(meQuery());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the link is followed once, on arrival
  useEffect(() => {
    if (sent.current || token.length < 10 || me.isPending) return;
    sent.current = true;
    run({ token });
  }, [me.isPending]);

  const needsPassword =
    isApiError(confirm.error, 400, "password_required") ||
    (isApiError(confirm.error, 400) && confirm.error.fields.password !== undefined);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    run({ token, password });
  };

  if (token.length < 10) {
    return (
      <Page title="Confirm your email" width={440}>
        <FormError>
          This link is incomplete. Open the link from the email again, or{" "}
          <Anchor component={Link} to="/sign-up">
            sign up again
          </Anchor>
          .
        </FormError>
      </Page>
    );
  }

  return (
    <Page title="Confirm your email" width={440}>
      {needsPassword ? (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>
              This link was opened in another browser than the one you signed up in. Enter the password you chose when
              you signed up to create your account.
            </Text>
            <PasswordInput
              label="Your password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={
                isApiError(confirm.error, 400, "validation_failed") ? `Password ${confirm.error.fields.password}` : null
              }
            />
            <Button type="submit" loading={confirm.isPending}>
              Create account
            </Button>
          </Stack>
        </form>
      ) : confirm.isError ? (
        <FormError>
          {confirm.error.message}{" "}
          {isApiError(confirm.error, 409) ? (
            <Anchor component={Link} to="/sign-in">
              Sign in
            </Anchor>
          ) : (
            <Anchor component={Link} to="/sign-up">
              Sign up again
            </Anchor>
          )}
        </FormError>
      ) : (
        <Center>
          <Loader aria-label="Creating your account" role="status" />
        </Center>
      )}
    </Page>
  );
}
