import type { RouterResult } from '../../ports/channel.js';
import { reviewablePeople } from '../../../domain/signals/review.js';
import { itemCommandWords, type ItemCommandGroup } from '../item-commands.js';
import type { Session } from '../session.js';
import { dynamicKey } from '../../../i18n/catalogue.js';

/** What this person may do, by what the commands themselves allow (PRODUCT.md §6 "who"). */
async function abilities(s: Session) {
  const org = await s.app.org();
  const role = s.official.role;
  return {
    /** Heads and deputies over their unit, superiors over their people, admins over everyone. */
    assign: org.assignableBy(s.officialId).length > 0,
    digest: role === 'HEAD' || role === 'DEPUTY',
    evaluation: role === 'HEAD',
    signals: reviewablePeople(org, s.officialId).length > 0,
    admin: s.official.isAdmin,
  };
}

/**
 * /trogiup: only the commands this person may use (a member does not see /giaoviec or /canhbao), then the commands
 * that take an item code, briefly, by group; on channels without buttons, how numbered replies work.
 */
export async function help(s: Session): Promise<RouterResult> {
  const may = await abilities(s);
  const commands = [
    'help-cmd-tasks',
    ...(may.assign ? ['help-cmd-assign'] : []),
    'help-cmd-report',
    'help-cmd-ask',
    'help-cmd-opinions',
    ...(may.digest ? ['help-cmd-digest'] : []),
    ...(may.evaluation ? ['help-cmd-evaluation', 'help-cmd-plan-report'] : []),
    ...(may.signals ? ['help-cmd-signals'] : []),
    ...(may.evaluation ? ['help-cmd-review'] : []),
    'help-cmd-self-review',
    may.digest ? 'help-cmd-notices-leader' : 'help-cmd-notices',
    ...(may.digest ? ['help-cmd-commend'] : []),
    'help-text-channel',
    'help-cmd-cancel',
    'help-cmd-lang',
  ].map((key) => s.t(dynamicKey(key)));
  const groups: ItemCommandGroup[] = ['task', ...(may.assign ? (['assigner'] as const) : []), 'consultation', 'explanation'];
  const items = groups.map((g) => {
    const words = itemCommandWords(g, s.locale);
    return `• ${s.t(`help-items-${g}`, { commands: words.join(', '), example: words[0]! })}`;
  });
  const sections = [[s.t('help-intro'), ...commands].join('\n'), [s.t('help-items-title'), ...items].join('\n')];
  // Numbers where there are no buttons, and on the OA, whose messages with more choices than buttons come numbered.
  if (!s.capabilities.buttons || s.capabilities.numberedFallback) sections.push(s.t('help-text-numbers'));
  if (may.admin) sections.push(s.t('help-admin'));
  return { replies: [{ text: sections.join('\n\n') }] };
}

/** /lang vi|en: the language of everything the bot sends this person, on every channel. */
export async function setLanguage(s: Session, args: string): Promise<RouterResult> {
  const wanted = args.trim().toLowerCase();
  if (wanted !== 'vi' && wanted !== 'en') return { replies: [{ text: s.t('lang-usage') }] };
  await s.app.stores.org.setLocale(s.officialId, wanted);
  s.app.invalidate();
  return { replies: [{ text: s.app.catalogue.t(wanted, 'lang-set') }] };
}
