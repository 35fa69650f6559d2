// Sends what waits in the outbox for one chat, in order, paced, surviving 429 and 5xx without loss.
// Each send first claims its rows in the database (SENDING until a hold runs out), so two jobs for one chat never
// send the same message. Delivery is at-least-once only for the message in flight when a process dies: killed
// between the claim and the "sent" mark, that one message goes again once the hold ends (no chat platform offers an
// idempotency key).
import type { Job } from 'bullmq';
import type { Logger } from 'pino';
import { composeBatch } from '../../src/app/delivery/compose.js';
import type { ChannelSender } from '../../src/app/ports/sender.js';
import { SendError } from '../../src/app/ports/sender.js';
import type { PendingMessage } from '../../src/app/ports/stores/outbox.js';
import type { SendingStore } from '../../src/app/ports/stores/sending.js';
import type { ChannelName } from '../../src/domain/org/types.js';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import type { ChatJobData } from './kicker.js';
import type { Pacer, SendDone } from './pacer.js';

export interface DeliveryDeps {
  /** The outbox as the worker sees it (app.stores.sending). */
  outbox: SendingStore;
  catalogue: Catalogue;
  senders: Map<ChannelName, ChannelSender>;
  pacer: Pacer;
  logger: Logger;
  /** Re-wake a chat later (after a back-off or when a deferred message becomes due). */
  rekick(chat: ChatJobData, delayMs: number): Promise<void>;
  /** Called when a chat refuses us for good, with what was queued there: the person's other channel may take over. */
  onUnreachable?(channel: ChannelName, chatId: string, officialIds: number[], messages: PendingMessage[]): Promise<void>;
  /** Messages sent through a channel (for quotas and metrics). */
  /** `seconds`: how long the platform took to accept the send (the /metrics send latency). */
  onSent?(channel: ChannelName, count: number, seconds?: number): Promise<void>;
  /**
   * How long a claimed message stays reserved for this process (default 2 min). It must outlast one send (the sender's
   * HTTP timeout); it is also how long a message in flight when a process dies waits before it is sent again.
   */
  leaseMs?: number;
  /** First back-off after a 5xx (default 2 s); it doubles with each failure of the same message, up to 5 min. */
  backoffMs?: number;
  /**
   * True while due clock levels are still being fired (a burst at 07:30 after a weekend or Tết). Reminders then wait
   * for the burst to end, up to `maxGatherMs`, so each person gets the whole wave in one message however long the
   * burst takes.
   */
  waveInProgress?(): Promise<boolean>;
  /** How long a reminder may wait for its wave (default 60 s of real time since it was queued). */
  maxGatherMs?: number;
}

export const DEFAULT_SEND_LEASE_MS = 120_000;

/** A chat job stops after this many sends so one busy chat cannot hold a worker slot for long. */
const MAX_SENDS_PER_JOB = 20;
const DEFAULT_MAX_GATHER_MS = 60_000;
const WAVE_RECHECK_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60_000;

function backoffMs(attempts: number, firstMs = 2000): number {
  return Math.min(MAX_BACKOFF_MS, firstMs * 2 ** Math.min(attempts - 1, 10));
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
    const batch = await deps.outbox.nextBatch(channel, chatId, new Date());
    if (batch.length === 0) {
      const due = await deps.outbox.nextDueAt(channel, chatId);
      if (due) await deps.rekick(job.data, Math.max(0, due.getTime() - Date.now()));
      return sent;
    }
    const head = batch[0]!;
    if (
      head.mergeable &&
      deps.waveInProgress &&
      Date.now() - head.createdAt.getTime() < (deps.maxGatherMs ?? DEFAULT_MAX_GATHER_MS) &&
      (await deps.waveInProgress())
    ) {
      await deps.rekick(job.data, WAVE_RECHECK_MS);
      return sent;
    }
    const composed = composeBatch(
      deps.catalogue,
      batch.map((b) => b.payload),
      sender.capabilities,
    );
    const ids = batch.slice(0, composed.count).map((b) => b.id);
    // The first call's turn is taken before the claim, so the hold on the rows starts when the message can go.
    const uncounted =
      (done: SendDone): SendDone =>
      () =>
        done().catch((err: unknown) => deps.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'pacer could not count a send'));
    const first = uncounted(await deps.pacer.acquire(channel, chatId));
    const now = new Date();
    if (!(await deps.outbox.claim(ids, now, new Date(now.getTime() + (deps.leaseMs ?? DEFAULT_SEND_LEASE_MS))))) {
      await first();
      // Another job holds them (or sent them meanwhile): look again; a hold makes the chat wait until it ends.
      continue;
    }
    // Every further call of this message (the next part of a long text, the photo after its text) takes its own turn:
    // Telegram counts each as a message.
    let firstTaken = false;
    const turn = (): Promise<SendDone> => {
      if (firstTaken) return deps.pacer.acquire(channel, chatId).then(uncounted);
      firstTaken = true;
      return Promise.resolve(first);
    };
    try {
      // The pacer counts each call from the platform's answer, whatever the answer. That bookkeeping failing (Redis
      // gone at this moment) must not keep the answer from being recorded: the message would stay held, then go again.
      const sendStarted = performance.now();
      const { messageId } = await sender
        .send(chatId, composed.message, { locale: batch[0]!.payload.locale, attempt: batch[0]!.attempts, turn })
        // The release is not waited for (it cannot fail here: `uncounted` logs): this process's next turn runs after it.
        .finally(() => void (firstTaken ? undefined : first()));
      const sendSeconds = (performance.now() - sendStarted) / 1000;
      await deps.outbox.markSent(ids, new Date(), messageId);
      await deps.onSent?.(channel, 1, sendSeconds);
      sent++;
    } catch (e) {
      if (!(e instanceof SendError)) throw e;
      const f = e.failure;
      if (f.kind === 'rate-limited') {
        await deps.pacer.block(channel, chatId, f.retryAfterMs);
        await deps.outbox.markRetry(ids, f.reason, new Date(Date.now() + f.retryAfterMs));
        continue;
      }
      if (f.kind === 'held') {
        // Our own rule said not now (the OA's window): the rows wait. No delayed job: it would hold the chat's
        // deduplication key and swallow the kick that releases them; the outbox sweep wakes the chat when they are due.
        await deps.outbox.markRetry(ids, f.reason, new Date(Date.now() + f.retryAfterMs));
        continue;
      }
      if (f.kind === 'transient') {
        const attempts = batch[0]!.attempts + 1;
        const wait = backoffMs(attempts, deps.backoffMs);
        await deps.outbox.markRetry(ids, f.reason, new Date(Date.now() + wait));
        await deps.rekick(job.data, wait);
        return sent;
      }
      if (f.kind === 'unreachable') {
        // The identity first, so nothing new is queued to this chat; then what is already queued stops here.
        const officials = await deps.outbox.markIdentitiesUnreachable(channel, chatId, f.reason, new Date());
        const stopped = await deps.outbox.markChatUnreachable(channel, chatId, f.reason);
        await deps.onUnreachable?.(channel, chatId, officials, stopped);
        deps.logger.info({ channel, chatId: chatId.slice(0, 4) + '…' }, 'chat unreachable; sending stopped there');
        return sent;
      }
      await deps.outbox.markFailed(ids, f.reason);
      deps.logger.warn({ channel, reason: f.reason }, 'message refused by the platform; marked failed');
    }
  }
  await deps.rekick(job.data, 0);
  return sent;
}
