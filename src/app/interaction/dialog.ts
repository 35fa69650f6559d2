// Multi-step flows (assign, report, reasons) that work the same on every channel: state lives in the database per
// chat identity, so a restart or a second bot process does not lose an answer half given.
import type { InboundFile, OutboundMessage } from '../ports/channel.js';
import { clearDialog, loadDialog, saveDialog, type StoredDialog } from '../../db/repositories/dialog.repository.js';
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

export class DialogRegistry {
  private readonly flows = new Map<string, DialogFlow>();
  constructor(flows: DialogFlow[]) {
    for (const f of flows) this.flows.set(f.name, f);
  }
  get(name: string): DialogFlow | undefined {
    return this.flows.get(name);
  }
}

/** The dialog open in this chat, read once per update (an expired one is removed as it is read). */
export async function currentDialog(s: Session): Promise<StoredDialog | undefined> {
  s.dialog ??= { open: await loadDialog(s.app.db, s.identityId, s.app.time.now()) };
  return s.dialog.open;
}

export async function persistTurn(s: Session, turn: Turn): Promise<OutboundMessage[]> {
  if (turn.next) await saveDialog(s.app.db, s.identityId, turn.next, new Date(s.app.time.now().getTime() + s.app.policy.dialogTtl.ms));
  else if (await currentDialog(s)) await clearDialog(s.app.db, s.identityId);
  s.dialog = { open: turn.next ?? undefined };
  return turn.replies;
}

/** Ends the dialog open in this chat; false when there was none (then the row is not touched). */
export async function endDialog(s: Session): Promise<boolean> {
  if (!(await currentDialog(s))) return false;
  s.dialog = { open: undefined };
  return clearDialog(s.app.db, s.identityId);
}

/** A question with a Cancel button under it (and any choices above). */
export function ask(s: Session, question: string, choices: { label: string; value: string }[][] = []): OutboundMessage {
  const rows = choices.map((row) => row.map((c) => ({ label: c.label, action: encodeAction('dialog.pick', c.value) })));
  rows.push([{ label: s.t('btn-dialog-cancel'), action: encodeAction('dialog.cancel') }]);
  return { text: question, buttons: rows };
}

export function state(flow: string, step: string, data: Record<string, unknown>): StoredDialog {
  return { flow, step, data };
}

/** Text typed, or the caption of a file. */
export function textOf(input: DialogInput): string | undefined {
  if (input.kind === 'text') return input.text;
  if (input.kind === 'file') return input.caption;
  return undefined;
}
