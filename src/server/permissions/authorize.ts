import { forbidden, unauthorized } from "../platform/errors";
import type { Actor } from "./actor";
import { type Action, can, type FactsFor } from "./policy";

/**
 * Route and unit-of-work helper: 401 when nobody is signed in, 403 when the signed-in user may not. The facts
 * must be the kind the action is decided on (`ACTIONS`), so a wrong kind does not compile.
 */
export function authorize<A extends Action>(
  actor: Actor | null,
  action: A,
  facts: FactsFor<A>,
): asserts actor is Actor {
  if (can(actor, action, facts)) return;
  if (!actor) throw unauthorized();
  throw forbidden();
}

export function requireActor(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw unauthorized();
}
