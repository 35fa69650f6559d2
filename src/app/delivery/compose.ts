// Turns what waits in the outbox for one chat into what is sent: one ordinary message as is, or a wave of reminders
// merged into one message that lists each item with its own actions (PRODUCT.md: one message per person per wave).
import type { OutboundMessage } from '../ports/channel.js';
import type { OutboxPayload } from '../../db/repositories/outbox.repository.js';
import type { Catalogue } from '../../i18n/catalogue.js';

export interface Composed {
  message: OutboundMessage;
  /** How many of the given payloads it covers (a wave too long for one message is cut between items). */
  count: number;
}

/** Telegram shows at most 100 buttons under one message. */
export const MAX_BUTTONS_PER_MESSAGE = 100;

/**
 * One message for the payloads, or for as many of them as fit: the text stays within `maxTextLength` and the buttons
 * within `maxButtons`, cutting between items (the rest goes in the next message). A single item too long on its own
 * goes as it is (the channel adapter splits its text).
 */
export function composeBatch(catalogue: Catalogue, payloads: OutboxPayload[], maxTextLength: number, maxButtons = MAX_BUTTONS_PER_MESSAGE): Composed {
  const first = payloads[0]!;
  if (payloads.length === 1) return { message: first.message, count: 1 };
  const t = catalogue.translator(first.locale);
  const blocks: string[] = [];
  const buttons: NonNullable<OutboundMessage['buttons']> = [];
  let buttonCount = 0;
  for (const p of payloads) {
    const candidate = [t('reminder-wave-title', { count: blocks.length + 1 }), ...blocks, p.message.text].join('\n\n');
    const rows = (p.message.buttons ?? []).filter((row) => row.length > 0);
    const added = rows.reduce((n, row) => n + row.length, 0);
    if (blocks.length > 0 && (candidate.length > maxTextLength || buttonCount + added > maxButtons)) break;
    blocks.push(p.message.text);
    for (const row of rows) buttons.push(row.map((b) => ({ label: p.itemCode ? `${p.itemCode} · ${b.label}` : b.label, action: b.action })));
    buttonCount += added;
  }
  if (blocks.length === 1) return { message: first.message, count: 1 };
  const text = [t('reminder-wave-title', { count: blocks.length }), ...blocks].join('\n\n');
  return { message: { text, buttons }, count: blocks.length };
}
