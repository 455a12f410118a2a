import { Anchor, Button, Stack, Text, TextInput } from "@mantine/core";
import { Link, useNavigate, useSearchParams } from "react-router";
import { safeNext } from "../../../../shared/next-path";
import { InvitationAcceptInput } from "../../../../shared/schemas/accounts";
import { runtimeTimeZone } from "../../../../shared/time";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { useSchemaForm } from "../../../lib/form";
import { useAcceptInvitation } from "../api";
import { NewAccountTimeZone, NewPasswordInput } from "../components/new-account-fields";

/**
 * The link of an organiser's invitation to a session, for an address that had no account (issue 13, 4): the
 * person creates it (name, password, time zone from the browser), is signed in and lands on the session page.
 */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const form = useSchemaForm({
    schema: InvitationAcceptInput.omit({ token: true }),
    initialValues: { name: "", password: "", timeZone: runtimeTimeZone() as string | null },
    labels: { name: "Name", password: "Password", timeZone: "Time zone" },
  });

  const submit = form.handleSubmit((input) => {
    accept.mutate(
      { ...input, token },
      {
        onSuccess: (res) => {
          notify(`Welcome, ${res.user?.name ?? input.name}! Your account is ready.`);
          navigate(safeNext(params.get("next")), { replace: true });
        },
        onError: (err) => form.showError(err),
      },
    );
  });

  return (
    <Page title="Create your account" width={440}>
      {token.length < 10 ? (
        <FormError>
          This link is incomplete. Open the link from the invitation email again, or ask the organisers for a new one.
        </FormError>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text>
              An organiser added you to a session. Create your account to see its meeting details and manage your
              registration.
            </Text>
            <FormError>
              {form.formError && (
                <>
                  {form.formError}{" "}
                  <Anchor component={Link} to="/sign-in">
                    Sign in
                  </Anchor>
                </>
              )}
            </FormError>
            <TextInput label="Name" autoComplete="name" required {...form.textField("name")} />
            <NewPasswordInput {...form.textField("password")} />
            <NewAccountTimeZone {...form.valueField("timeZone")} />
            <Button type="submit" loading={accept.isPending}>
              Create account
            </Button>
          </Stack>
        </form>
      )}
    </Page>
  );
}
