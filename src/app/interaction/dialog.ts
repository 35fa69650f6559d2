// Multi-step flows (assign, report, reasons) that work the same on every channel: state lives in the database per
// chat identity, so a restart or a second bot process does not lose an answer half given.
import type { z } from 'zod';
import type { InboundFile, OutboundMessage, RouterResult } from '../ports/channel.js';
import type { StoredDialog } from '../ports/stores/dialogs.js';
import { encodeAction } from '../actions.js';
import type { Session } from './session.js';

export type DialogInput =
  | { kind: 'text'; text: string }
  | { kind: 'pick'; value: string }
  | { kind: 'file'; file: InboundFile; caption: string }
  | { kind: 'skip' };

export interface Turn {
  replies: OutboundMessage[];
  /** The state to keep for the next answer; null when the flow ended. */
  next: StoredDialog | null;
}

export interface DialogFlow {
  name: string;
  step(s: Session, state: StoredDialog, input: DialogInput): Promise<Turn>;
}

/** What a step may do besides answering: stay where it is (ask again), or move to a step of the same flow. */
export interface FlowMoves<S extends string, D> {
  /** The state as it was stored: the answer is asked for again. */
  stay: StoredDialog;
  /** The state of `step` with `data`; a step the flow lacks, or data of the wrong shape, is a tsc error. */
  at(step: S, data: D): StoredDialog;
}

/** One step of a flow: the stored data already parsed by the flow's schema, the answer given. */
export type FlowStep<S extends string, D> = (s: Session, data: D, input: DialogInput, moves: FlowMoves<S, D>) => Promise<Turn>;

/** A flow written as a table of steps; `at` gives the state to store for one of them (to start the flow). */
export interface TableFlow<S extends string, D> extends DialogFlow {
  at(step: S, data: D): StoredDialog;
  /** The names of its steps, as stored. */
  steps: readonly S[];
}

/**
 * A multi-step flow as a table: its steps by name and the zod schema of the data it keeps between them. The stored
 * data is parsed before any step runs, so a row written by an older version (a renamed field, a step that no longer
 * exists) ends the dialog with one clear message instead of reaching a use case with the wrong shape.
 */
export function defineFlow<const S extends string, D extends Record<string, unknown>>(def: {
  name: string;
  data: z.ZodType<D>;
  steps: Record<S, FlowStep<NoInfer<S>, NoInfer<D>>>;
}): TableFlow<S, D> {
  const at = (step: S, data: D): StoredDialog => ({ flow: def.name, step, data });
  return {
    name: def.name,
    at,
    steps: Object.keys(def.steps) as S[],
    async step(s, stored, input) {
      const run = Object.hasOwn(def.steps, stored.step) ? def.steps[stored.step as S] : undefined;
      const parsed = def.data.safeParse(stored.data);
      if (!run || !parsed.success) {
        s.app.logger.warn({ flow: def.name, step: stored.step, issues: parsed.error?.issues }, 'dialog state unreadable: dialog ended');
        return { replies: [{ text: s.t('dialog-unreadable') }], next: null };
      }
      return run(s, parsed.data, input, { stay: stored, at });
    },
  };
}

/** The flows by name; two flows of one name would make one unreachable, so that fails at start. */
export class DialogRegistry {
  private readonly flows = new Map<string, DialogFlow>();
  constructor(flows: DialogFlow[]) {
    for (const f of flows) {
      if (this.flows.has(f.name)) throw new Error(`two dialog flows named ${f.name}`);
      this.flows.set(f.name, f);
    }
  }
  get(name: string): DialogFlow | undefined {
    return this.flows.get(name);
  }
}

/** The dialog open in this chat, read once per update (an expired one is removed as it is read). */
export async function currentDialog(s: Session): Promise<StoredDialog | undefined> {
  s.dialog ??= { open: await s.app.stores.dialogs.load(s.identityId, s.app.time.now()) };
  return s.dialog.open;
}

export async function persistTurn(s: Session, turn: Turn): Promise<OutboundMessage[]> {
  if (turn.next) await s.app.stores.dialogs.save(s.identityId, turn.next, new Date(s.app.time.now().getTime() + s.app.policy.dialogTtl.ms));
  else if (await currentDialog(s)) await s.app.stores.dialogs.clear(s.identityId);
  s.dialog = { open: turn.next ?? undefined };
  return turn.replies;
}

/** Ends the dialog open in this chat; false when there was none (then the row is not touched). */
export async function endDialog(s: Session): Promise<boolean> {
  if (!(await currentDialog(s))) return false;
  s.dialog = { open: undefined };
  return s.app.stores.dialogs.clear(s.identityId);
}

/** A question with a Cancel button under it (and any choices above). */
export function ask(s: Session, question: string, choices: { label: string; value: string }[][] = []): OutboundMessage {
  const rows = choices.map((row) => row.map((c) => ({ label: c.label, action: encodeAction('dialog.pick', c.value) })));
  rows.push([{ label: s.t('btn-dialog-cancel'), action: encodeAction('dialog.cancel') }]);
  return { text: question, buttons: rows };
}

/** A flow's first (or next) turn as the router's answer: the dialog state is stored, the replies returned. */
export async function flowReply(s: Session, turn: Turn | Promise<Turn>): Promise<RouterResult> {
  return { replies: await persistTurn(s, await turn) };
}

/** Text typed, or the caption of a file. */
export function textOf(input: DialogInput): string | undefined {
  if (input.kind === 'text') return input.text;
  if (input.kind === 'file') return input.caption;
  return undefined;
}
