// Sends what waits in the outbox for one chat, in order, paced, surviving 429 and 5xx without loss.
// Delivery is at-least-once: a process killed between the platform's answer and our "sent" mark resends that one
// message (no chat platform offers an idempotency key).
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { composeBatch } from '../../src/app/delivery/compose.js';
import type { ChannelSender } from '../../src/channels/sender.js';
import { SendError } from '../../src/channels/sender.js';
import type { PrismaClient } from '../../src/db/client.js';
import { markUnreachable } from '../../src/db/repositories/identity.repository.js';
import { markChatUnreachable, markFailed, markRetry, markSent, nextBatchForChat, nextDueAt } from '../../src/db/repositories/outbox.repository.js';
import type { ChannelName } from '../../src/domain/org/types.js';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import type { ChatJobData } from './kicker.js';
import type { Pacer } from './pacer.js';

export interface DeliveryDeps {
  db: PrismaClient;
  catalogue: Catalogue;
  senders: Map<ChannelName, ChannelSender>;
  pacer: Pacer;
  logger: Logger;
  /** Re-wake a chat later (after a back-off or when a deferred message becomes due). */
  rekick(chat: ChatJobData, delayMs: number): Promise<void>;
  /** Called when a chat refuses us for good: the person's other channel may take over. */
  onUnreachable?(channel: ChannelName, chatId: string, officialIds: number[]): Promise<void>;
  /** Messages sent through a channel (for quotas and metrics). */
  onSent?(channel: ChannelName, count: number): Promise<void>;
}

/** A chat job stops after this many sends so one busy chat cannot hold a worker slot for long. */
const MAX_SENDS_PER_JOB = 20;
const MAX_BACKOFF_MS = 5 * 60_000;

function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** Math.min(attempts, 10));
}

export async function deliverChat(deps: DeliveryDeps, job: Pick<Job<ChatJobData>, 'data'>): Promise<number> {
  const { channel, chatId } = job.data;
  const sender = deps.senders.get(channel);
  if (!sender) {
    deps.logger.warn({ channel }, 'no sender for this channel; messages stay queued');
    return 0;
  }
  let sent = 0;
  while (sent < MAX_SENDS_PER_JOB) {
    const batch = await nextBatchForChat(deps.db, channel, chatId, new Date());
    if (batch.length === 0) {
      const due = await nextDueAt(deps.db, channel, chatId);
      if (due) await deps.rekick(job.data, Math.max(0, due.getTime() - Date.now()));
      return sent;
    }
    const composed = composeBatch(deps.catalogue, batch.map((b) => b.payload), sender.capabilities.maxTextLength);
    const ids = batch.slice(0, composed.count).map((b) => b.id);
    await deps.pacer.waitTurn(channel, chatId);
    try {
      const { messageId } = await sender.send(chatId, composed.message, { locale: batch[0]!.payload.locale });
      await markSent(deps.db, ids, new Date(), messageId);
      await deps.onSent?.(channel, 1);
      sent++;
    } catch (e) {
      if (!(e instanceof SendError)) throw e;
      const f = e.failure;
      if (f.kind === 'rate-limited') {
        await deps.pacer.block(channel, chatId, f.retryAfterMs);
        await markRetry(deps.db, ids, f.reason, new Date(Date.now() + f.retryAfterMs));
        continue;
      }
      if (f.kind === 'transient') {
        const attempts = batch[0]!.attempts + 1;
        const wait = backoffMs(attempts);
        await markRetry(deps.db, ids, f.reason, new Date(Date.now() + wait));
        await deps.rekick(job.data, wait);
        return sent;
      }
      if (f.kind === 'unreachable') {
        await markChatUnreachable(deps.db, channel, chatId, f.reason);
        const officials = await markUnreachable(deps.db, channel, chatId, f.reason, new Date());
        await deps.onUnreachable?.(channel, chatId, officials);
        deps.logger.info({ channel, chatId: chatId.slice(0, 4) + '…' }, 'chat unreachable; sending stopped there');
        return sent;
      }
      await markFailed(deps.db, ids, f.reason);
      deps.logger.warn({ channel, reason: f.reason }, 'message refused by the platform; marked failed');
    }
  }
  await deps.rekick(job.data, 0);
  return sent;
}
