import { Alert, Anchor, Button, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useSearchParams } from "react-router";
import { FormError } from "../../../components/form-error";
import { notify } from "../../../components/notify";
import { Page } from "../../../components/page";
import { QueryStatus } from "../../../components/query-status";
import { setupStatusQuery, useCompleteSetup } from "../api";
import { NewAccountFields, useNewAccountForm } from "../components/new-account-fields";

/** The one-time link printed at the first start (platform.md, Running it): its visitor becomes the first admin. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const status = useQuery(setupStatusQuery());
  const navigate = useNavigate();
  const setup = useCompleteSetup();
  const form = useNewAccountForm();

  const submit = form.handleSubmit((input) => {
    setup.mutate(
      { ...input, token },
      {
        onSuccess: () => {
          notify("You are the administrator of this site now.");
          navigate("/admin/users", { replace: true });
        },
        onError: (err) => form.showError(err),
      },
    );
  });

  return (
    <Page title="Create the first admin account" width={480}>
      <QueryStatus query={status}>
        {({ needed }) =>
          !needed && !setup.isSuccess ? (
            <Alert color="blue" variant="light" role="status" title="Setup is done">
              This site already has an administrator.{" "}
              <Anchor component={Link} to="/sign-in">
                Sign in
              </Anchor>
            </Alert>
          ) : token.length < 10 ? (
            <FormError>This setup link is incomplete. Use the full link the server printed when it started.</FormError>
          ) : (
            <>
              <Text>
                Nobody administers this site yet. The account you create here becomes its first administrator.
              </Text>
              <form onSubmit={submit} noValidate>
                <Stack>
                  <NewAccountFields form={form} />
                  <Button type="submit" loading={setup.isPending}>
                    Create admin account
                  </Button>
                </Stack>
              </form>
            </>
          )
        }
      </QueryStatus>
    </Page>
  );
}
