// The app's actions as OA buttons. A cs message carries at most 5 buttons, shown one under the other; each is an
// `oa.query.hide` button whose payload is our prefix + the action string. Pressing it makes Zalo deliver a
// `user_send_text` whose text is that payload (hidden in the person's chat), which webhook-event.ts turns back into
// the action: the router receives the same callback a Telegram button gives.
//
// A message whose actions do not fit is sent with numbered replies instead (src/channels/numbered.ts), as on the Zalo
// Bot Platform: more than 5 actions, a payload over Zalo's limit, or titles that become indistinguishable once cut
// to the title limit (or empty).
import { quoteInline } from '../../domain/text/quote.js';
import type { ActionButton } from '../../app/ports/channel.js';
import { OA_BUTTON_TITLE_MAX, OA_MAX_BUTTONS, OA_QUERY_PAYLOAD_MAX, type OaButton } from './types.js';

/**
 * Marks a text as a button press of ours. It starts with "#" so the console's "only messages starting with #"
 * webhook filter, if an operator turns it on, still lets presses through. A person could type it by hand: the
 * router treats the action as it treats a Telegram callback, checking who may do what.
 */
export const OA_ACTION_PREFIX = '#dd:';

/** Longest action string (the app's limit, Telegram's callback_data). */
const ACTION_MAX = 64;

export function actionPayload(action: string): string {
  return `${OA_ACTION_PREFIX}${action}`;
}

/** The action behind a pressed button's text, or undefined for ordinary text. */
export function actionFromPayload(text: string): string | undefined {
  if (!text.startsWith(OA_ACTION_PREFIX)) return undefined;
  const action = text.slice(OA_ACTION_PREFIX.length);
  return action !== '' && action.length <= ACTION_MAX && !/\s/.test(action) ? action : undefined;
}

export interface OaButtonLimits {
  maxButtons: number;
  /** In characters people see. */
  titleMax: number;
  payloadMax: number;
}

export const DEFAULT_OA_BUTTON_LIMITS: OaButtonLimits = { maxButtons: OA_MAX_BUTTONS, titleMax: OA_BUTTON_TITLE_MAX, payloadMax: OA_QUERY_PAYLOAD_MAX };

export type OaNumberedReason = 'too-many' | 'payload-too-long' | 'ambiguous-titles' | 'empty-title';

export type OaButtonPlan =
  /** The message has no actions. */
  | { kind: 'none' }
  | { kind: 'buttons'; buttons: OaButton[] }
  /** Send the actions as numbered replies instead. */
  | { kind: 'numbered'; reason: OaNumberedReason };

/**
 * How a message's rows of actions go out on the OA. Rows are flattened (the OA shows buttons in one column);
 * titles are made one line and cut at a grapheme boundary with "…" to fit `titleMax`.
 */
export function planOaButtons(rows: ActionButton[][] | undefined, limits: OaButtonLimits = DEFAULT_OA_BUTTON_LIMITS): OaButtonPlan {
  const actions = (rows ?? []).flat();
  if (actions.length === 0) return { kind: 'none' };
  if (actions.length > limits.maxButtons) return { kind: 'numbered', reason: 'too-many' };
  const buttons: OaButton[] = [];
  const titles = new Map<string, string>(); // shown title → action
  for (const { label, action } of actions) {
    const payload = actionPayload(action);
    if (payload.length > limits.payloadMax) return { kind: 'numbered', reason: 'payload-too-long' };
    const title = quoteInline(label, limits.titleMax);
    if (title.trim() === '') return { kind: 'numbered', reason: 'empty-title' };
    const other = titles.get(title);
    if (other !== undefined && other !== action) return { kind: 'numbered', reason: 'ambiguous-titles' };
    titles.set(title, action);
    buttons.push({ type: 'oa.query.hide', title, payload });
  }
  return { kind: 'buttons', buttons };
}
