// What a button does, as typed tables: every verb of src/app/actions.ts has exactly one handler, in the table of the
// feature it belongs to (handlers/task-actions.ts, consult-actions.ts, explain-actions.ts, signal-actions.ts, or the
// feature's own folder: review/, self-review/, notices/, recognition/), joined in index.ts. A verb the table lacks, or
// a key that is no verb, is a tsc error; a verb in two tables fails at start.
import type { RouterResult } from '../ports/channel.js';
import type { Action, Verb } from '../actions.js';
import type { Session } from './session.js';

/** The verbs the router answers itself, for the dialog open in the chat: a choice, skipping a step, stopping. */
export const DIALOG_VERBS = ['dialog.pick', 'dialog.skip', 'dialog.cancel'] as const satisfies readonly Verb[];
export type DialogVerb = (typeof DIALOG_VERBS)[number];

/** Every other verb: a button a message carries (or its typed form, an item command). */
export type ButtonVerb = Exclude<Verb, DialogVerb>;

export type VerbHandler = (s: Session, action: Action) => Promise<RouterResult>;

/** The whole table the router dispatches on. */
export type ActionTable = Record<ButtonVerb, VerbHandler>;

/** One feature's part of the table; `satisfies FeatureActions` keeps its keys exact, so a misspelled verb fails tsc. */
export type FeatureActions = Partial<ActionTable>;

type Joined<T extends readonly object[]> = T extends readonly [infer H, ...infer R extends readonly object[]] ? H & Joined<R> : unknown;

/** The features' tables as one; a verb two features both answer would hide one of them, so it throws. */
export function joinActionTables<const T extends readonly FeatureActions[]>(...tables: T): Joined<T> {
  const joined: FeatureActions = {};
  for (const table of tables) {
    for (const verb of Object.keys(table) as ButtonVerb[]) {
      if (Object.hasOwn(joined, verb)) throw new Error(`two action handlers for ${verb}`);
      joined[verb] = table[verb];
    }
  }
  return joined as Joined<T>;
}
