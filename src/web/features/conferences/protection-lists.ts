import { Email } from "../../../shared/schemas/common";

/** Someone in one of the shield's lists: known by the server (with a name) or just added by email. */
export interface Person {
  email: string;
  name: string | null;
}

/** The shield's three lists, named as the API's fields are. */
const LIST_NAMES = ["managers", "coordinators", "accessList"] as const;
export type ListName = (typeof LIST_NAMES)[number];

/** "Ada Lovelace (ada@example.org)", or the email alone when the account has no name (or is not saved yet). */
export function personLabel(p: Person): string {
  return p.name ? `${p.name} (${p.email})` : p.email;
}

/**
 * What Add does with the text typed in a person search (issue 13): the person found with exactly that email, else
 * an email for the server to look up, else why neither (never a person the server does not know).
 */
export function resolveTyped(
  typed: string,
  found: readonly Person[],
): { person: Person } | { lookUp: string } | { error: string } {
  const text = typed.trim();
  if (text === "") return { error: "Type a name or an email, then choose the person" };
  const listed = found.find((p) => p.email === text.toLowerCase());
  if (listed) return { person: listed };
  const email = Email.safeParse(text);
  if (email.success) return { lookUp: email.data };
  return {
    error:
      found.length > 0
        ? "Choose one of the people found, or type their whole email"
        : "Nobody found: type their whole email, or ask them to sign up first",
  };
}

/** Why a person cannot be added to a list, or null: they are in it already. */
export function refusalToAdd(list: readonly Person[], email: string): string | null {
  return list.some((p) => p.email === email.toLowerCase()) ? `${email} is already in the list` : null;
}

/** The list minus the person with this email. */
export function removeEmail(list: readonly Person[], email: string): Person[] {
  return list.filter((p) => p.email !== email);
}

/**
 * The server's field messages placed at the shield's lists: `managers` (unknown account) or `managers.2` (one
 * entry that is not an email) both belong to Managers. Fields of no list are left for the dialog's message.
 */
export function listErrors(fields: Record<string, string>): Partial<Record<ListName, string>> {
  const out: Partial<Record<ListName, string>> = {};
  for (const [key, message] of Object.entries(fields)) {
    const name = key.split(".")[0] as ListName;
    if (LIST_NAMES.includes(name)) out[name] ??= message;
  }
  return out;
}

/** Whether a server message names this email (e.g. "no active account uses a@x.org, b@x.org"). */
export function namedIn(message: string | undefined, email: string): boolean {
  if (!message) return false;
  return message
    .toLowerCase()
    .split(/[\s,;:()]+/)
    .includes(email.toLowerCase());
}
