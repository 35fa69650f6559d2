// Operator messages that no --lang reaches (argument errors, Redis down) go to stderr in Vietnamese, then English.
import { type MessageArgs, dynamicKey } from '../i18n/catalogue.js';
import type { CliContext } from './context.js';

export function errBothLanguages(ctx: Pick<CliContext, 'catalogue' | 'err'>, key: string, args: MessageArgs = {}): void {
  for (const locale of ['vi', 'en'] as const) ctx.err(ctx.catalogue.translator(locale)(dynamicKey(key), args));
}
