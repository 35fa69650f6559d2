import { randomBytes } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { DeliveryKicker } from '../../src/app/ports/scheduling.js';
import type { ChannelName } from '../../src/domain/org/types.js';

export interface ChatJobData {
  channel: ChannelName;
  chatId: string;
}

/** A wake-up is skipped only while the job it would join is certainly still waiting, with this much to spare. */
const SKIP_MARGIN_MS = 50;
/** The memo is pruned of passed entries once it holds this many chats. */
const MEMO_PRUNE_AT = 10_000;

/**
 * One delivery job per chat. While a chat's job runs, adding another keeps exactly one follow-up (BullMQ
 * `keepLastIfActive`), so a message queued during a send is never stranded and two jobs never send to one chat at once.
 *
 * The wake-ups of one call (a firing wave's chats, deduplicated by the wave) go to Redis in one pipeline (`addBulk`).
 * A chat this process woke with a delayed job it created itself (the id it chose came back: not deduplicated) is not
 * woken again until that job's time: the job cannot start before it, so BullMQ would deduplicate the wake-up anyway,
 * and the job reads the outbox after every message committed meanwhile. In a 07:30 burst the waves of the gather
 * window then cost one wake-up per chat instead of one per chat and wave.
 */
export class BullDeliveryKicker implements DeliveryKicker {
  /** Deduplication id → the time before which our own delayed job for that chat cannot start. */
  private readonly waiting = new Map<string, number>();
  private readonly tag = randomBytes(4).toString('hex');
  private seq = 0;

  constructor(private readonly queue: Queue) {}

  private static dedupId(c: { channel: ChannelName; chatId: string }): string {
    return `${c.channel}-${c.chatId}`;
  }

  /**
   * For the outbox sweep: wakes chats that have messages due, first dropping a deduplication key that points to a job
   * that will never run (gone, or finished without clearing it: seen after Redis lost its keys under running workers),
   * which would otherwise swallow every kick for that chat. Returns how many such keys were dropped.
   */
  async wake(chats: readonly { channel: ChannelName; chatId: string }[]): Promise<number> {
    let dropped = 0;
    for (const c of chats) {
      const id = BullDeliveryKicker.dedupId(c);
      const jobId = await this.queue.getDeduplicationJobId(id);
      if (jobId) {
        const state = await this.queue.getJobState(jobId);
        if (state === 'unknown' || state === 'completed' || state === 'failed') {
          await this.queue.removeDeduplicationKey(id);
          dropped++;
        }
      }
    }
    // The sweep is the safety net: it does not trust the memo (Redis may have lost the job it remembers).
    for (const c of chats) this.waiting.delete(BullDeliveryKicker.dedupId(c));
    await this.kick(chats);
    return dropped;
  }

  async kick(chats: readonly { channel: ChannelName; chatId: string; delayMs?: number }[]): Promise<void> {
    const now = Date.now();
    const wanted = new Map<string, { channel: ChannelName; chatId: string; delayMs: number }>();
    for (const c of chats) {
      const id = BullDeliveryKicker.dedupId(c);
      if ((this.waiting.get(id) ?? 0) > now + SKIP_MARGIN_MS) continue;
      const delayMs = Math.max(c.delayMs ?? 0, wanted.get(id)?.delayMs ?? 0);
      wanted.set(id, { channel: c.channel, chatId: c.chatId, delayMs });
    }
    if (wanted.size === 0) return;
    const jobs = [...wanted].map(([id, c]) => ({
      name: 'chat',
      data: { channel: c.channel, chatId: c.chatId } satisfies ChatJobData,
      opts: {
        jobId: `${id}-${this.tag}${(this.seq++).toString(36)}`,
        deduplication: { id, keepLastIfActive: true },
        delay: c.delayMs,
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 20,
        backoff: { type: 'exponential' as const, delay: 1000 },
      },
    }));
    const added = await this.queue.addBulk(jobs);
    if (this.waiting.size >= MEMO_PRUNE_AT) for (const [id, until] of this.waiting) if (until <= now) this.waiting.delete(id);
    added.forEach((job, i) => {
      const asked = jobs[i]!;
      // Our own id back: the job is new, delayed from `now` at the earliest. Another id: it joined an existing job.
      if (job.id === asked.opts.jobId && asked.opts.delay > 0) this.waiting.set(asked.opts.deduplication.id, now + asked.opts.delay);
    });
  }
}
