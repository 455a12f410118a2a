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
