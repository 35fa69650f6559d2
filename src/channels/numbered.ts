// Actions as numbered replies, for channels without buttons (Zalo Bot Platform; SMS-like channels later).
// A message's buttons become lines "1 – Nhận việc (/nhan NV-2026-0012)" under its text; the actions behind the
// numbers are saved as the chat's prompt, and the router reads a typed "1" against it (src/app/interaction/router.ts).
import { decodeAction } from '../app/actions.js';
import { buttonLabel } from '../app/views/labels.js';
import type { Translate } from '../i18n/catalogue.js';
import type { ActionButton } from '../app/ports/channel.js';
import { splitText } from '../app/ports/sender.js';

/** The Cancel button of a multi-step flow is shown as "/huy", never numbered, so a number typed as an answer stays one. */
const isDialogCancel = (action: string) => decodeAction(action)?.verb === 'dialog.cancel';

export interface NumberedBlock {
  /** Lines to append to the message's text (empty when it has no actions). */
  lines: string[];
  /** The action of each number, from `start` on. */
  actions: string[];
  /** Whether the message offered any action at all (a dialog question offers at least its Cancel). */
  offersChoices: boolean;
}

/**
 * Numbers a message's buttons from `start`. `commandFor` gives the typed command that does the same at any time
 * (`/nhan NV-2026-0012`), or undefined.
 */
export async function numberActions(
  t: Translate,
  rows: ActionButton[][] | undefined,
  start: number,
  commandFor: (action: string) => Promise<string | undefined>,
): Promise<NumberedBlock> {
  const buttons = (rows ?? []).flat();
  if (buttons.length === 0) return { lines: [], actions: [], offersChoices: false };
  const numbered = buttons.filter((b) => !isDialogCancel(b.action));
  const commands = await Promise.all(numbered.map((b) => commandFor(b.action)));
  const lines: string[] = [];
  const actions: string[] = [];
  if (numbered.length > 0) lines.push(t(commands.some(Boolean) ? 'numbered-intro-commands' : 'numbered-intro'));
  numbered.forEach((b, i) => {
    const n = start + i;
    const command = commands[i];
    // A label is one line: a title with a line break must not add a line that reads as another numbered choice.
    const label = buttonLabel(b.label);
    lines.push(command ? t('numbered-option-command', { n, label, command }) : t('numbered-option', { n, label }));
    actions.push(b.action);
  });
  if (numbered.length < buttons.length) lines.push(t('numbered-cancel'));
  return { lines, actions, offersChoices: true };
}

/**
 * The text and its numbered choices as messages of at most `limit` characters (the Zalo Bot Platform and the OA): the
 * text is split at line breaks where it must, and the choices stay whole under its last piece, or in a message of their
 * own when they do not fit there; never cut.
 */
export function splitWithChoices(body: string, choices: string, limit: number): string[] {
  if (choices === '') return body.trim() === '' ? [] : splitText(body, limit);
  const whole = body.trim() === '' ? choices : `${body}\n\n${choices}`;
  if (whole.length <= limit) return [whole];
  const pieces = body.trim() === '' ? [] : splitText(body, limit);
  const last = pieces.at(-1);
  if (last !== undefined && last.length + 2 + choices.length <= limit) return [...pieces.slice(0, -1), `${last}\n\n${choices}`];
  // A list longer than a message on its own (dozens of choices) is cut between its lines only.
  return [...pieces, ...splitText(choices, limit)];
}
