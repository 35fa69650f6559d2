// The application's side of the ReplyOutbox port (src/app/ports/reply-outbox.ts): replies queued as outbox rows.
import { enqueueOutboxMany, hasDueOrdinaryMessage } from '../../db/repositories/outbox.repository.js';
import { asLocale } from '../../domain/locale.js';
import type { AppContext } from '../context.js';
import { findIdentity } from '../linking/find-identity.js';
import type { ReplyOutbox } from '../ports/reply-outbox.js';

export function createReplyOutbox(app: Pick<AppContext, 'db' | 'delivery' | 'logger'>): ReplyOutbox {
  return {
    // Real time, not the domain clock: a row's notBefore is set by the worker's back-off in real time.
    hasDue: (channel, chatId) => hasDueOrdinaryMessage(app.db, channel, chatId, new Date()),
    async queue(channel, chatId, externalUserId, messages) {
      if (messages.length === 0) return;
      // Who this is now (the update may just have linked the account): the row names the official, as notifications do.
      const identity = await findIdentity(app.db, channel, externalUserId);
      const locale = asLocale(identity?.official.locale ?? 'vi');
      await enqueueOutboxMany(
        app.db,
        messages.map((message) => ({ channel, chatId, officialId: identity ? (identity.official.id as number) : null, payload: { locale, message } })),
      );
      // Redis away: the rows wait for the outbox sweep (every minute) instead; the reply is not lost.
      await app.delivery
        .kick([{ channel, chatId }])
        .catch((err) => app.logger.warn({ err, channel }, 'could not wake delivery for queued replies; the outbox sweep will'));
    },
  };
}
