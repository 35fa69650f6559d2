// Turns what waits in the outbox for one chat into what is sent: one ordinary message as is, or a wave of reminders
// merged into one message that lists each item with its own actions (PRODUCT.md: one message per person per wave).
import type { ChannelCapabilities, OutboundMessage } from '../ports/channel.js';
import type { OutboxPayload } from '../ports/stores/outbox.js';
import type { Catalogue, Translate } from '../../i18n/catalogue.js';
import { ITEM_COMMANDS } from '../interaction/item-commands.js';

export interface Composed {
  message: OutboundMessage;
  /** How many of the given payloads it covers (a wave too long for one message is cut between items). */
  count: number;
}

/** Telegram shows at most 100 buttons under one message. */
export const MAX_BUTTONS_PER_MESSAGE = 100;

/** The longest typed command word ("/khonggiahan"), for the room a numbered choice's command takes. */
const LONGEST_COMMAND = Math.max(...ITEM_COMMANDS.flatMap((c) => c.words.map((w) => w.length + 1)));
/** Room for a command beside a choice of an item without a code we know (none is printed then, but be safe). */
const UNKNOWN_COMMAND_ROOM = 40;

type Rows = NonNullable<OutboundMessage['buttons']>;

interface Item {
  text: string;
  buttons: Rows;
  /** The characters the typed command beside each of its choices takes at most ("/nhaclai NV-2026-0018"). */
  commandRoom: number;
}

function itemOf(p: OutboxPayload): Item {
  const rows = (p.message.buttons ?? []).filter((row) => row.length > 0);
  const commandRoom = p.itemCode ? LONGEST_COMMAND + 1 + p.itemCode.length : UNKNOWN_COMMAND_ROOM;
  return {
    text: p.message.text,
    commandRoom,
    buttons: rows.map((row) => row.map((b) => ({ label: p.itemCode ? `${p.itemCode} · ${b.label}` : b.label, action: b.action }))),
  };
}

/**
 * One message for the payloads, or for as many of them as fit.
 *
 * With buttons (Telegram) the text stays within the channel's limit and the buttons within `maxButtons`, cutting
 * between items (the rest goes in the next message). Without buttons (Zalo Bot Platform) each action becomes a
 * numbered line under the text, and a newer list replaces the older one: the whole wave goes as one message made of
 * `parts`, each part whole items with their own numbered choices and within the limit with them, numbered across the
 * wave by the channel so every number stays valid. A single item too long on its own goes as it is (the channel
 * adapter splits its text, never its choices). A channel with buttons but few of them a message (`maxButtons`, the OA)
 * gets the buttons when the wave's actions fit there, else the numbered parts.
 */
export function composeBatch(
  catalogue: Catalogue,
  payloads: OutboxPayload[],
  capabilities: ChannelCapabilities,
  maxButtons = MAX_BUTTONS_PER_MESSAGE,
): Composed {
  const first = payloads[0]!;
  if (payloads.length === 1) return { message: first.message, count: 1 };
  const t = catalogue.translator(first.locale);
  if (!capabilities.buttons) return composeAsParts(t, payloads.map(itemOf), capabilities.maxTextLength);
  // A channel with few buttons a message (the OA: 5) sends a wave whose actions do not fit them as numbered parts,
  // as the Bot Platform does: one message per item would spend the window's free messages (and the person's patience).
  const fewButtons = capabilities.maxButtons;
  if (fewButtons !== undefined && capabilities.numberedFallback) {
    const total = payloads.reduce((n, p) => n + (p.message.buttons ?? []).reduce((m, row) => m + row.length, 0), 0);
    if (total > fewButtons) return composeAsParts(t, payloads.map(itemOf), capabilities.maxTextLength);
    maxButtons = Math.min(maxButtons, fewButtons);
  }
  const blocks: string[] = [];
  const buttons: Rows = [];
  let buttonCount = 0;
  for (const p of payloads) {
    const item = itemOf(p);
    const candidate = [t('reminder-wave-title', { count: blocks.length + 1 }), ...blocks, item.text].join('\n\n');
    const added = item.buttons.reduce((n, row) => n + row.length, 0);
    if (blocks.length > 0 && (candidate.length > capabilities.maxTextLength || buttonCount + added > maxButtons)) break;
    blocks.push(item.text);
    buttons.push(...item.buttons);
    buttonCount += added;
  }
  if (blocks.length === 1) return { message: first.message, count: 1 };
  const text = [t('reminder-wave-title', { count: blocks.length }), ...blocks].join('\n\n');
  return { message: { text, buttons }, count: blocks.length };
}

/** The characters the numbered choices of these rows take at most under a part (zalo.ftl's numbered-* lines). */
function choicesRoom(t: Translate, items: Item[]): number {
  if (!items.some((i) => i.buttons.length > 0)) return 0;
  const intro = Math.max(t('numbered-intro').length, t('numbered-intro-commands').length) + t('numbered-cancel').length + 4;
  let n = intro;
  for (const item of items) {
    for (const b of item.buttons.flat()) n += t('numbered-option-command', { n: 999, label: b.label, command: 'x'.repeat(item.commandRoom) }).length + 1;
  }
  return n;
}

function composeAsParts(t: Translate, items: Item[], max: number): Composed {
  const count = items.length;
  const title = t('reminder-wave-title', { count });
  // The header of a later part, whose numbers are known only at the end: reserve the widest.
  const header = t('reminder-wave-continued', { part: 99, parts: 99 }).length;
  const size = (group: Item[], lead: number) => lead + group.reduce((n, i) => n + 2 + i.text.length, 0) + 2 + choicesRoom(t, group);
  const groups: Item[][] = [];
  let current: Item[] = [];
  for (const item of items) {
    const lead = groups.length === 0 ? title.length : header;
    if (current.length > 0 && size([...current, item], lead) > max) {
      groups.push(current);
      current = [];
    }
    current.push(item);
  }
  groups.push(current);
  const heading = (i: number) => (i === 0 ? title : t('reminder-wave-continued', { part: i + 1, parts: groups.length }));
  const parts: OutboundMessage[] = groups.map((g, i) => ({ text: [heading(i), ...g.map((x) => x.text)].join('\n\n'), buttons: g.flatMap((x) => x.buttons) }));
  const message: OutboundMessage = { text: [title, ...items.map((x) => x.text)].join('\n\n'), buttons: items.flatMap((x) => x.buttons) };
  if (parts.length > 1) message.parts = parts;
  return { message, count };
}
