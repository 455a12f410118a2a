import type { Selectable } from "kysely";
import type { UsersTable } from "../db/schema";
import { addMs } from "../platform/clock";
import type { Db } from "../platform/db";
import { newId, newToken, sha256 } from "../platform/ids";
import { insertInvitationLink, insertInvitee } from "./invitees.queries";

/** How long an invitation's link to set a password works (community.md, Participants tab: 7 days). */
export const INVITATION_LINK_MS = 7 * 24 * 3600_000;

/**
 * An account for an address that has none, made when an admin adds it to a session (community.md, Participants
 * tab): no password, not admin, staff or premium, and a link to set the password that works once for 7 days. The
 * token is returned for the invitation email only; the database keeps its SHA-256, like a password reset's.
 */
export async function createInvitedAccount(
  tx: Db,
  email: string,
  now: string,
): Promise<{ user: Selectable<UsersTable>; token: string }> {
  const user: Selectable<UsersTable> = {
    id: newId(),
    email,
    name: null,
    password_hash: null,
    is_admin: 0,
    is_staff: 0,
    is_premium: 0,
    time_zone: null,
    deactivated_at: null,
    created_at: now,
    updated_at: now,
    feed_token: null,
    email_verified_at: null,
  };
  await insertInvitee(tx, user);
  const token = newToken();
  await insertInvitationLink(tx, {
    id: sha256(token),
    user_id: user.id,
    created_at: now,
    expires_at: addMs(now, INVITATION_LINK_MS),
    used_at: null,
  });
  return { user, token };
}
