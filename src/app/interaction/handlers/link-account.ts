// The only thing an unlinked chat account may do: link itself with an invite code (PRODUCT.md §2).
import { CAPABILITIES, type InboundEnvelope, type RouterResult } from '../../ports/channel.js';
import { waitingSummary } from '../../linking/waiting-summary.js';
import { asLocale, type Locale } from '../../../domain/locale.js';
import type { AppContext } from '../../context.js';
import { formatTime } from '../../../domain/time/local-time.js';
import { canonicalInviteCode } from '../../linking/invite-code.js';
import { forgetInviteAttempt, startInviteAttempt } from '../../linking/invite-throttle.js';
import { redeemInvite } from '../../linking/redeem-invite.js';

/** On Zalo the code alone may be the first message (there is no deep link carrying it). */
export function looksLikeInviteCode(text: string): boolean {
  return canonicalInviteCode(text) !== null;
}

function codeIn(env: InboundEnvelope): string | undefined {
  if (env.event.type !== 'text') return undefined;
  const text = env.event.text.trim();
  const m = /^\/start(?:@\w+)?(?:\s+(\S+))?\s*$/i.exec(text);
  if (m) return m[1];
  if (env.channel !== 'TELEGRAM' && looksLikeInviteCode(text)) return text;
  return undefined;
}

export async function linkAccount(app: AppContext, env: InboundEnvelope, locale: Locale): Promise<RouterResult> {
  const code = codeIn(env);
  if (!code) return { replies: [{ text: app.catalogue.t(locale, 'link-required') }] };
  const now = app.time.now();
  // Guessing codes from one chat: a few wrong ones, then a wait (the code sent meanwhile is not looked at).
  const attempt = await startInviteAttempt(app, { channel: env.channel, chatId: env.chatId }, now);
  if (!attempt.allowed) {
    const minutes = Math.max(1, Math.ceil((attempt.retryAt.getTime() - now.getTime()) / 60_000));
    const time = formatTime(attempt.retryAt, app.policy.calendar.timezone);
    return { replies: [{ text: app.catalogue.t(locale, 'invite-throttled', { time, minutes }) }] };
  }
  const r = await redeemInvite(app, {
    code,
    channel: env.channel,
    externalUserId: env.externalUserId,
    chatId: env.chatId,
    displayName: env.displayName || null,
    now,
  });
  if (!r.ok) return { replies: [{ text: app.catalogue.t(locale, r.error) }] };
  await forgetInviteAttempt(app, attempt.id);
  const own = asLocale(r.official.locale);
  const args = { name: r.official.fullName, title: r.official.title, unit: r.official.unitName };
  const linked = { text: app.catalogue.t(own, r.alreadyLinked ? 'link-already' : 'link-success', args) };
  // What waited for them meanwhile (nothing is queued to a person without a chat): one summary, with actions.
  const waiting = r.alreadyLinked ? undefined : await waitingSummary(app, r.official.id, own, CAPABILITIES[env.channel]);
  return { replies: waiting ? [linked, waiting] : [linked] };
}
