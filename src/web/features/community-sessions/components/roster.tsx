import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import type { CommunitySession, Role } from "../../../../shared/schemas/community-sessions";
import { emptyRosterText, ROLE_ORDER, ROLE_PLURAL } from "../labels";
import { sessionPaths } from "../paths";

type RosterEntry = CommunitySession["roster"][number];

function placesLeft(free: number, capacity: number): string {
  if (capacity === 1) return free > 0 ? "1 place left" : "taken";
  return free > 0 ? `${free} of ${capacity} places left` : `all ${capacity} places taken`;
}

function PersonName({ entry }: { entry: RosterEntry }) {
  return <>{entry.name ?? "A member (name not given yet)"}</>;
}

function Names({ role, entries }: { role: Role; entries: RosterEntry[] }) {
  if (entries.length === 0) return null;
  if (role === "presenter") {
    return (
      <List type="ordered" spacing={4}>
        {entries.map((e, i) => (
          <List.Item key={`${e.presenterOrder ?? i}-${e.name}`}>
            <PersonName entry={e} />
            {e.talkTitle && (
              <Text span c="dimmed" inherit>
                {" — "}“{e.talkTitle}”
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    );
  }
  return (
    <List spacing={4}>
      {entries.map((e, i) => (
        // Names are not unique; the position is, and the list is only ever re-rendered whole.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <List.Item key={i}>
          <PersonName entry={e} />
        </List.Item>
      ))}
    </List>
  );
}

/**
 * Who takes part, by role (community.md, Registration (member) 2): places left per role for everyone, and
 * the names (Host, Presenters in order with their talks, Interviewer, Guests) for signed-in members.
 */
export function Roster({ session, signedIn }: { session: CommunitySession; signedIn: boolean }) {
  const roles = ROLE_ORDER.filter((r) => session.slots[r].capacity > 0);
  const showNames = session.roster.length > 0;
  return (
    <Stack gap="md">
      {!signedIn && (
        <Text>
          <Anchor component={Link} to={`/sign-in?next=${encodeURIComponent(sessionPaths.page(session.id))}`}>
            Sign in
          </Anchor>{" "}
          to see who takes part.
        </Text>
      )}
      {signedIn && !showNames && <Text>{emptyRosterText(session)}</Text>}
      {roles.map((role) => {
        const { free, capacity } = session.slots[role];
        const entries = session.roster
          .filter((e) => e.role === role)
          .sort((a, b) => (a.presenterOrder ?? 0) - (b.presenterOrder ?? 0));
        return (
          <Stack key={role} gap={4} data-testid={`roster-${role}`}>
            <Title order={3} size="h5">
              {ROLE_PLURAL[role]}{" "}
              <Text span c="dimmed" fw={400} inherit>
                ({placesLeft(free, capacity)})
              </Text>
            </Title>
            {showNames && <Names role={role} entries={entries} />}
          </Stack>
        );
      })}
    </Stack>
  );
}
