// When Zalo refuses to refresh the OA's tokens, nothing more goes out on the OA until an admin authorises again.
// The admins (is_admin in the organisation file) are told on their other channels (Telegram, the Bot Platform): a
// message queued on the OA would wait behind the very problem it reports.
import type { AppContext } from '../../app/context.js';
import { inTransaction } from '../../app/transaction.js';
import { enqueueOutbox } from '../../db/repositories/outbox.repository.js';
import { asLocale } from '../../domain/locale.js';

/** Queues the re-authorisation alert to every active admin reachable outside the OA; returns how many. */
export async function alertAdminsToReauthorize(app: AppContext, reason: string): Promise<number> {
  const told = await inTransaction(app, async (tx, effects) => {
    const admins = await tx.official.findMany({
      where: { isAdmin: true, active: true },
      select: { id: true, locale: true, identities: { where: { unreachableAt: null, channel: { not: 'ZALO_OA' } }, orderBy: [{ linkedAt: 'asc' }, { id: 'asc' }] } },
    });
    let queued = 0;
    for (const admin of admins) {
      const target = admin.identities[0];
      if (!target) continue;
      const locale = asLocale(admin.locale);
      const text = app.catalogue.translator(locale)('zalo-oa-reauthorize', { reason: reason.slice(0, 200) });
      await enqueueOutbox(tx, { channel: target.channel, chatId: target.chatId, officialId: admin.id, payload: { locale, message: { text } } });
      effects.kick(target.channel, target.chatId);
      queued++;
    }
    return queued;
  });
  if (told === 0) app.logger.warn('zalo oa: no admin reachable outside the OA to tell about the re-authorisation (see /healthz)');
  return told;
}
