import { forbidden, unauthorized } from "../platform/errors";
import type { Actor } from "./actor";
import { type Action, can, type Facts } from "./policy";

/** Route helper: 401 when nobody is signed in, 403 when the signed-in user may not. */
export function authorize<A extends Action>(
  actor: Actor | null,
  action: A,
  facts: Extract<Facts, { kind: string }>,
): asserts actor is Actor {
  // biome-ignore lint/suspicious/noExplicitAny: facts are checked by `can`'s signature at call sites
  if (can(actor, action, facts as any)) return;
  if (!actor) throw unauthorized();
  throw forbidden();
}

export function requireActor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthorized();
}
