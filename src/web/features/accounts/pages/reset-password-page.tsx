import { Anchor, Button, Stack, Text } from "@mantine/core";
import { Link, useNavigate, useSearchParams } from "react-router";
import { PasswordResetConfirmInput } from "../../../../shared/schemas/accounts";
import { FormError } from "../../../components/form-error";
import { Page } from "../../../components/page";
import { useSchemaForm } from "../../../lib/form";
import { useResetPassword } from "../api";
import { NewPasswordInput } from "../components/new-account-fields";

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const reset = useResetPassword();
  const form = useSchemaForm({
    schema: PasswordResetConfirmInput.omit({ token: true }),
    initialValues: { password: "" },
    labels: { password: "New password" },
  });

  const submit = form.handleSubmit((input) => {
    reset.mutate(
      { token, password: input.password },
      {
        onSuccess: () =>
          navigate("/sign-in", {
            replace: true,
            state: { notice: "Your password was changed. Sign in with your new password." },
          }),
        onError: (err) => form.showError(err),
      },
    );
  });

  return (
    <Page title="Choose a new password" width={440}>
      {token.length < 10 ? (
        <FormError>
          This link is incomplete. Open the link from the email again, or{" "}
          <Anchor component={Link} to="/forgot-password">
            ask for a new one
          </Anchor>
          .
        </FormError>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <FormError>
              {form.formError && (
                <>
                  {form.formError}{" "}
                  <Anchor component={Link} to="/forgot-password">
                    Ask for a new link
                  </Anchor>
                </>
              )}
            </FormError>
            <NewPasswordInput
              label="New password"
              note="Your other devices will be signed out."
              {...form.textField("password")}
            />
            <Button type="submit" loading={reset.isPending}>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
      <Text>
        <Anchor component={Link} to="/sign-in">
          Back to sign in
        </Anchor>
      </Text>
    </Page>
  );
}
