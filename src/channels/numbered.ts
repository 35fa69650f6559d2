// Actions as numbered replies, for channels without buttons (Zalo Bot Platform; SMS-like channels later).
// A message's buttons become lines "1 – Nhận việc (/nhan NV-2026-0012)" under its text; the actions behind the
// numbers are saved as the chat's prompt, and the router reads a typed "1" against it (src/app/interaction/router.ts).
import { decodeAction } from '../app/actions.js';
import { buttonLabel } from '../app/views/labels.js';
import type { Translate } from '../i18n/catalogue.js';
import type { ActionButton } from '../app/ports/channel.js';

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
