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
 * Adds the typed email to a list: trimmed and in lower case as the server keeps it; refused with a message for
 * the field when it is empty, not an email, or already in the list.
 */
export function addEmail(list: readonly Person[], raw: string): { list: Person[] } | { error: string } {
  if (raw.trim() === "") return { error: "Email is required" };
  const parsed = Email.safeParse(raw);
  if (!parsed.success) return { error: `Email ${parsed.error.issues[0]?.message ?? "is invalid"}` };
  const email = parsed.data;
  if (list.some((p) => p.email.toLowerCase() === email)) return { error: `${email} is already in the list` };
  return { list: [...list, { email, name: null }] };
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
