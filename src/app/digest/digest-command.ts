// /tonghop (/digest): the digest of the reader's unit subtree now, for heads and deputies; `/tonghop batdau|tatdat`
// lets a deputy receive it every working morning (heads always do).
import type { RouterResult } from '../ports/channel.js';
import { fold } from '../../domain/text/normalize.js';
import type { Session } from '../interaction/session.js';
import { composeDigest } from './compose-digest.js';
import { digestMessages } from './digest-view.js';
import { loadDigestExtras } from '../recognition/digest-sections.js';

const ON = new Set(['batdau', 'bat', 'dangky', 'on', 'start', 'subscribe']);
const OFF = new Set(['tatdat', 'tat', 'dung', 'ngung', 'off', 'stop', 'unsubscribe']);

function reply(text: string): RouterResult {
  return { replies: [{ text }] };
}

export async function digestCommand(s: Session, args: string): Promise<RouterResult> {
  const role = s.official.role;
  if (role !== 'HEAD' && role !== 'DEPUTY') return reply(s.t('digest-not-leader'));
  const time = s.app.policy.digest.time;
  const word = fold(args).replace(/\s+/g, '');

  if (word === '') {
    const digest = await composeDigest(s.app, { id: s.officialId, unitId: s.official.unitId });
    const calendar = await s.app.calendar();
    const messages = digestMessages(digest, {
      t: s.t,
      v: s.v,
      org: await s.app.org(),
      capabilities: s.capabilities,
      dueSoonWorkingDays: s.app.policy.digest.dueSoonWorkingDays,
      workingDayMs: calendar.workingDayMs,
      extras: (await loadDigestExtras(s.app, s.official.unitId))({ id: s.officialId, unitId: s.official.unitId }, s.t, s.v),
    });
    return { replies: messages };
  }
  if (ON.has(word) || OFF.has(word)) {
    const on = ON.has(word);
    if (role === 'HEAD') return reply(s.t('digest-optin-head', { time }));
    await s.app.db.official.update({ where: { id: s.officialId }, data: { digestOptIn: on } });
    return reply(s.t(on ? 'digest-optin-on' : 'digest-optin-off', { time }));
  }
  return reply(s.t('digest-usage', { time }));
}
