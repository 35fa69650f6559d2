// The application's side of the ReplyOutbox port (src/app/ports/reply-outbox.ts): replies queued as outbox rows.
import type { AppContext } from '../context.js';
import type { ReplyOutbox } from '../ports/reply-outbox.js';

export function createReplyOutbox(app: Pick<AppContext, 'stores' | 'delivery' | 'logger'>): ReplyOutbox {
  const { identities, outbox } = app.stores;
  return {
    // Real time, not the domain clock: a row's notBefore is set by the worker's back-off in real time.
    hasDue: (channel, chatId) => outbox.hasDueOrdinary(channel, chatId, new Date()),
    async queue(channel, chatId, externalUserId, messages) {
      if (messages.length === 0) return;
      // Who this is now (the update may just have linked the account): the row names the official, as notifications do.
      const identity = await identities.linkedOfficial(channel, externalUserId);
      const locale = identity?.locale ?? 'vi';
      await outbox.enqueueMany(messages.map((message) => ({ channel, chatId, officialId: identity?.officialId ?? null, payload: { locale, message } })));
      // Redis away: the rows wait for the outbox sweep (every minute) instead; the reply is not lost.
      await app.delivery
        .kick([{ channel, chatId }])
        .catch((err) => app.logger.warn({ err, channel }, 'could not wake delivery for queued replies; the outbox sweep will'));
    },
  };
}
