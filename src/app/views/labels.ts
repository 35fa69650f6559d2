// Button labels (and, on channels without buttons, the numbered lines they become): one line, cut between
// characters people see, never inside an emoji. Telegram shows a long label cut short anyway; 60 keeps a row legible.
import { quoteInline } from '../../domain/text/quote.js';

export const LABEL_MAX = 60;

/** A label built from anything, user text included ("NV-2026-0012 · Tổng hợp …"). */
export function buttonLabel(text: string, max = LABEL_MAX): string {
  return quoteInline(text, max);
}
