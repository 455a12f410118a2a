/** The signed-in person a request or job acts for. */
export interface Actor {
  id: string;
  email: string;
  name: string | null;
  isAdmin: boolean;
  isStaff: boolean;
  isPremium: boolean;
}

/** Premium = premium flag, staff or admin (community.md, Roles and slots). */
export function isPremium(actor: Actor): boolean {
  return actor.isPremium || actor.isStaff || actor.isAdmin;
}

/** The actor for a user row (or any row with the user's columns), as sign-in, sign-up and feeds resolve it. */
export function actorFromUser(u: {
  id: string;
  email: string;
  name: string | null;
  is_admin: number;
  is_staff: number;
  is_premium: number;
}): Actor {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.is_admin === 1,
    isStaff: u.is_staff === 1,
    isPremium: u.is_premium === 1,
  };
}
