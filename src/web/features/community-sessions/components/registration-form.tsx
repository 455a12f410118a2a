import { Button, Group, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEvent } from "react";
import { z } from "zod";
import { PersonName } from "../../../../shared/schemas/common";
import {
  type CommunitySession,
  type MyWaitlistEntry,
  RegisterInput,
  Role,
} from "../../../../shared/schemas/community-sessions";
import { FormError } from "../../../components/form-error";
import { isApiError } from "../../../lib/api-client";
import { useSchemaForm } from "../../../lib/form";
import { sessionKeys, useJoinWaitlist, useRegister } from "../api";
import { ROLE_LABEL } from "../labels";
import { joinsWaitlist, offerDescription, type RoleOffer } from "../role-offers";

const ROLES: readonly string[] = Role.options;
const RoleChoice = z
  .string()
  .refine((v) => ROLES.includes(v), { message: "must be one of the roles offered" })
  .transform((v) => v as Role);

/** The form's fields, checked by the shared RegisterInput rules; the name only when the profile has none. */
function registerFormSchema(needsName: boolean) {
  return z
    .object({
      role: RoleChoice,
      name: needsName ? PersonName : z.string(),
      talkTitle: RegisterInput.shape.talkTitle,
      talkDescription: RegisterInput.shape.talkDescription,
      topics: RegisterInput.shape.topics,
      questions: RegisterInput.shape.questions,
    })
    .transform(
      (v): RegisterInput => ({
        role: v.role,
        ...(needsName ? { name: v.name } : {}),
        // Only the chosen role's fields: text typed under another role before switching is not sent.
        ...(v.role === "presenter" ? { talkTitle: v.talkTitle, talkDescription: v.talkDescription } : {}),
        ...(v.role === "guest" ? { topics: v.topics, questions: v.questions } : {}),
      }),
    );
}

const ROLE_HINT: Record<Role, string> = {
  host: "Opens and closes the session, welcomes people, introduces presenters and keeps time.",
  presenter: "Gives a short talk followed by questions.",
  interviewer: "Asks questions during each presenter's Q&A.",
  guest: "Watches the talks and joins the discussion.",
};

/**
 * Register for a session (community.md, Registration (member) 2–3): one role among those offered, the role's
 * optional fields, and the name when the profile has none (saved to the profile). A full role whose waitlist is
 * open may be chosen too: the same fields then join its line (issue #15), and so does a registration the no-show
 * rule sends there (202). Refusals from the server (a role that filled up meanwhile, registration closed) go to
 * `onRefused`, which shows them above the form.
 */
export function RegistrationForm({
  session,
  offers,
  needsName,
  premiumLabel,
  onRegistered,
  onWaitlisted,
  onRefused,
}: {
  session: CommunitySession;
  offers: RoleOffer[];
  needsName: boolean;
  premiumLabel: string;
  onRegistered: (role: Role) => void;
  /** Put in a line: joined a full role's waitlist, or the no-show rule sent the registration there. */
  onWaitlisted: (entry: MyWaitlistEntry) => void;
  onRefused: (message: string) => void;
}) {
  const qc = useQueryClient();
  const register = useRegister(session.id);
  const join = useJoinWaitlist(session.id);
  const form = useSchemaForm({
    schema: registerFormSchema(needsName),
    initialValues: { role: "", name: "", talkTitle: "", talkDescription: "", topics: "", questions: "" },
    labels: {
      role: "Role",
      name: "Your name",
      talkTitle: "Talk title",
      talkDescription: "Talk description",
      topics: "Topics of interest",
      questions: "Questions",
    },
  });
  const role = form.values.role;
  const waitlist = joinsWaitlist(offers, role);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onRefused("");
    const input = form.validate();
    if (!input) return;
    const done = (answer: CommunitySession) => {
      if (answer.myRegistration) onRegistered(input.role);
      else if (answer.myWaitlist) onWaitlisted(answer.myWaitlist);
    };
    (joinsWaitlist(offers, input.role) ? join : register).mutate(input, {
      onSuccess: done,
      onError: (err) => {
        // A state refusal (role_full, premium_required, registration_closed…): the session changed under the
        // form. Say so plainly and show the session as it is now.
        if (isApiError(err, 409)) {
          onRefused(err.message);
          void qc.invalidateQueries({ queryKey: sessionKeys.session(session.id) });
          return;
        }
        form.showError(err);
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Register for this session">
      <Stack gap="md">
        <FormError>{form.formError}</FormError>
        <Radio.Group
          name="role"
          label="Role"
          description="Choose how you take part. You can hold one role per session."
          value={role}
          onChange={(value) => form.setValue("role", value)}
          error={form.errors.role}
          required
        >
          <Stack gap="sm" mt="xs">
            {offers.map((offer) => (
              <Radio
                key={offer.role}
                value={offer.role}
                label={ROLE_LABEL[offer.role]}
                description={`${offerDescription(offer, premiumLabel)}. ${ROLE_HINT[offer.role]}`}
                disabled={offer.state !== "available" && offer.state !== "waitlist"}
              />
            ))}
          </Stack>
        </Radio.Group>
        {role === "presenter" && (
          <>
            <TextInput
              label="Talk title"
              description="Optional but encouraged: it appears in the roster."
              {...form.textField("talkTitle")}
            />
            <Textarea
              label="Talk description"
              description="Optional: what you will talk about."
              autosize
              minRows={3}
              {...form.textField("talkDescription")}
            />
          </>
        )}
        {role === "guest" && (
          <>
            <Textarea
              label="Topics of interest"
              description="Optional: what you would like to hear about."
              autosize
              minRows={2}
              {...form.textField("topics")}
            />
            <Textarea
              label="Questions"
              description="Optional: questions for the presenters."
              autosize
              minRows={2}
              {...form.textField("questions")}
            />
          </>
        )}
        {needsName && (
          <TextInput
            label="Your name"
            description="Your profile has no name yet. It is saved to your profile and shown in the roster."
            autoComplete="name"
            required
            {...form.textField("name")}
          />
        )}
        <Group>
          <Button type="submit" loading={register.isPending || join.isPending}>
            {waitlist ? "Join the waitlist" : "Register"}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {waitlist
            ? `You will be emailed your place in line, and an offer when a ${ROLE_LABEL[role as Role]} place frees.`
            : "You will get a confirmation email with the meeting details and a calendar invitation."}
        </Text>
      </Stack>
    </form>
  );
}
