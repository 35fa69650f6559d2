import type { RouterResult } from '../../../channels/types.js';
import type { Session } from '../session.js';

export async function help(s: Session): Promise<RouterResult> {
  const lines = [s.t('help-text'), s.t('help-text-channel')];
  if (!s.capabilities.buttons) lines.push(s.t('help-text-numbers'), s.t('help-text-item-commands'));
  return { replies: [{ text: lines.join('\n\n') }] };
}

/** /lang vi|en: the language of everything the bot sends this person, on every channel. */
export async function setLanguage(s: Session, args: string): Promise<RouterResult> {
  const wanted = args.trim().toLowerCase();
  if (wanted !== 'vi' && wanted !== 'en') return { replies: [{ text: s.t('lang-usage') }] };
  await s.app.db.official.update({ where: { id: s.officialId }, data: { locale: wanted } });
  s.app.invalidate();
  return { replies: [{ text: s.app.catalogue.t(wanted, 'lang-set') }] };
}
