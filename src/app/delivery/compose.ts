// Turns what waits in the outbox for one chat into what is sent: one ordinary message as is, or a wave of reminders
// merged into one message that lists each item with its own actions (PRODUCT.md: one message per person per wave).
import type { OutboundMessage } from '../../channels/types.js';
import type { OutboxPayload } from '../../db/repositories/outbox.repository.js';
import type { Catalogue } from '../../i18n/catalogue.js';

export interface Composed {
  message: OutboundMessage;
  /** How many of the given payloads it covers (a wave too long for one message is cut between items). */
  count: number;
}

export function composeBatch(catalogue: Catalogue, payloads: OutboxPayload[], maxTextLength: number): Composed {
  const first = payloads[0]!;
  if (payloads.length === 1) return { message: first.message, count: 1 };
  const t = catalogue.translator(first.locale);
  const blocks: string[] = [];
  const buttons: NonNullable<OutboundMessage['buttons']> = [];
  let count = 0;
  for (const p of payloads) {
    const title = t('reminder-wave-title', { count: count + 1 });
    const candidate = [title, ...blocks, p.message.text].join('\n\n');
    if (count > 0 && candidate.length > maxTextLength) break;
    blocks.push(p.message.text);
    for (const row of p.message.buttons ?? []) {
      buttons.push(row.map((b) => ({ label: p.itemCode ? `${p.itemCode} · ${b.label}` : b.label, action: b.action })));
    }
    count++;
  }
  if (count === 1) return { message: first.message, count: 1 };
  const text = [t('reminder-wave-title', { count }), ...blocks].join('\n\n');
  return { message: { text, buttons }, count };
}
