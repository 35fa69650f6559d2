import type { OutboundMessage } from '../../app/ports/channel.js';
import { HELD_MARK } from '../../app/ports/sender.js';
import type { Locale } from '../../domain/locale.js';
import type { OutboxInsert, OutboxPayload, OutboxStore, PendingMessage } from '../../app/ports/stores/outbox.js';
import type { SendingStore } from '../../app/ports/stores/sending.js';
import { markUnreachable } from './identity.repository.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { PrismaClient, Tx } from '../client.js';
import { prismaTx, readerOf } from '../store-tx.js';
import { recordsJson } from '../json-records.js';

export type { OutboxInsert, OutboxPayload };

export async function enqueueOutbox(tx: Tx | PrismaClient, m: OutboxInsert): Promise<bigint> {
  const row = await tx.outbox.create({
    data: {
      channel: m.channel,
      chatId: m.chatId,
      officialId: m.officialId,
      payload: m.payload as never,
      mergeable: m.mergeable ?? false,
      ...(m.notBefore ? { notBefore: m.notBefore } : {}),
    },
    select: { id: true },
  });
  return row.id;
}

/** Many messages in one insert; ids come back in the order given. */
export async function enqueueOutboxMany(tx: Tx | PrismaClient, messages: readonly OutboxInsert[]): Promise<bigint[]> {
  if (messages.length === 0) return [];
  // One statement, the rows in one JSON parameter (recordsJson); `n` ties each id back to its message.
  const input = recordsJson(
    messages.map((m, n) => ({
      n,
      channel: m.channel,
      chat_id: m.chatId,
      official_id: m.officialId,
      payload: m.payload as unknown as Record<string, unknown>,
      mergeable: m.mergeable ?? false,
      not_before: m.notBefore ?? null,
    })),
  );
  const rows = await tx.$queryRaw<{ id: bigint; n: bigint }[]>`
    WITH input AS (
      SELECT n, channel, chat_id, official_id, payload, mergeable, not_before
      FROM json_to_recordset(${input}::json) AS t(n int, channel "Channel", chat_id text, official_id int, payload jsonb, mergeable boolean, not_before timestamp)
    ), inserted AS (
      INSERT INTO outbox (channel, "chatId", "officialId", payload, mergeable, "notBefore")
      SELECT channel, chat_id, official_id, payload, mergeable, COALESCE(not_before, now()) FROM input ORDER BY n
      RETURNING id
    )
    SELECT id, row_number() OVER (ORDER BY id) AS n FROM inserted`;
  if (rows.length !== messages.length) throw new Error(`outbox insert returned ${rows.length} of ${messages.length} rows`);
  // Ids come from one sequence in insertion order (ORDER BY n above), so the k-th smallest id is the k-th message.
  return rows.sort((a, b) => Number(a.n - b.n)).map((r) => BigInt(r.id));
}

export type { PendingMessage };

/**
 * A message is SENDING while one process holds it (claimed, being sent); its `notBefore` is then the end of that
 * hold. A hold that ran out (the process died mid-send) makes it sendable again: at-least-once for that message.
 */
const OPEN: ('PENDING' | 'SENDING')[] = ['PENDING', 'SENDING'];

/**
 * The next thing to send to a chat, oldest first: one ordinary message, or every mergeable reminder that is ready
 * (they go out together as one message per wave). Nothing while the oldest waits (back-off) or is being sent.
 */
/**
 * A message a sender held (the OA's window) waits for its release, or for its hold to end (the outbox sweep wakes
 * the chat then), and does not keep the chat's later messages waiting: they are looked at on their own. (An OR,
 * since NOT over a null lastError would drop those rows too.)
 */
const NOT_HELD = { OR: [{ lastError: null }, { NOT: { lastError: { startsWith: HELD_MARK } } }] };
const NOT_HELD_OR_DUE = (now: Date) => ({ OR: [...NOT_HELD.OR, { notBefore: { lte: now } }] });

export async function nextBatchForChat(db: PrismaClient, channel: ChannelName, chatId: string, now: Date): Promise<PendingMessage[]> {
  const head = await db.outbox.findFirst({
    where: { channel, chatId, status: { in: OPEN }, ...NOT_HELD_OR_DUE(now) },
    orderBy: { id: 'asc' },
  });
  if (!head || head.notBefore.getTime() > now.getTime()) return [];
  if (!head.mergeable) return [head as unknown as PendingMessage];
  // Merge the run of ready reminders that follows, stopping at the first ordinary message to keep order.
  const rest = await db.outbox.findMany({
    where: { channel, chatId, status: { in: OPEN }, id: { gt: head.id }, ...NOT_HELD_OR_DUE(now) },
    orderBy: { id: 'asc' },
    take: 50,
  });
  const batch = [head];
  for (const r of rest) {
    if (!r.mergeable || r.notBefore.getTime() > now.getTime()) break;
    batch.push(r);
  }
  return batch as unknown as PendingMessage[];
}

/**
 * Takes the messages for sending until `holdUntil`, all or none: false when another process took any of them
 * first (or they are no longer open). Two delivery jobs for one chat (a lost deduplication key after Redis lost its
 * data, a stalled job taken again) can therefore never send the same message twice while both are alive.
 */
export async function claimForSending(db: PrismaClient, ids: bigint[], now: Date, holdUntil: Date): Promise<boolean> {
  if (ids.length === 0) return false;
  const claimed = await db.$executeRaw`
    WITH target AS (
      SELECT id FROM outbox
      WHERE id = ANY(${ids}::bigint[]) AND status IN ('PENDING', 'SENDING') AND "notBefore" <= ${now}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE outbox SET status = 'SENDING', "notBefore" = ${holdUntil}
    WHERE id IN (SELECT id FROM target) AND (SELECT count(*) FROM target) = ${ids.length}`;
  return claimed === ids.length;
}

/** When the oldest open message of the chat may go (or its hold ends), if any is open. */
export async function nextDueAt(db: PrismaClient, channel: ChannelName, chatId: string): Promise<Date | undefined> {
  const head = await db.outbox.findFirst({
    where: { channel, chatId, status: { in: OPEN }, ...NOT_HELD },
    orderBy: { id: 'asc' },
    select: { notBefore: true },
  });
  return head?.notBefore;
}

/**
 * One statement, so no transaction to start: on a busy database Prisma's batch transaction gave up after 2 s
 * ("Unable to start a transaction in the given time") with the message already accepted by the platform, which left
 * it held and then sent again (seen as hundreds of duplicates in the fault tests under load).
 */
export async function markSent(db: PrismaClient, ids: bigint[], at: Date, externalMessageId: string | undefined): Promise<void> {
  await db.$executeRaw`
    WITH sent AS (
      UPDATE outbox SET status = 'SENT', "sentAt" = ${at}, "externalMessageId" = ${externalMessageId ?? null}
      WHERE id = ANY(${ids}::bigint[]) RETURNING id
    )
    UPDATE reminder SET delivered = true WHERE "outboxId" IN (SELECT id FROM sent)`;
}

export async function markRetry(db: PrismaClient, ids: bigint[], error: string, notBefore: Date): Promise<void> {
  await db.outbox.updateMany({
    where: { id: { in: ids } },
    data: { status: 'PENDING', attempts: { increment: 1 }, lastError: error.slice(0, 500), notBefore },
  });
}

export async function markFailed(db: PrismaClient, ids: bigint[], error: string): Promise<void> {
  await db.$transaction([
    db.outbox.updateMany({ where: { id: { in: ids } }, data: { status: 'FAILED', attempts: { increment: 1 }, lastError: error.slice(0, 500) } }),
    db.reminder.updateMany({ where: { outboxId: { in: ids } }, data: { delivered: false } }),
  ]);
}

/** Everything still queued for a chat that refused us (403) stops here. */
export async function markChatUnreachable(db: PrismaClient, channel: ChannelName, chatId: string, error: string): Promise<PendingMessage[]> {
  const rows = await db.outbox.findMany({ where: { channel, chatId, status: { in: OPEN } }, orderBy: { id: 'asc' } });
  const ids = rows.map((r) => r.id);
  await db.$transaction([
    db.outbox.updateMany({ where: { id: { in: ids } }, data: { status: 'UNREACHABLE', lastError: error.slice(0, 500) } }),
    db.reminder.updateMany({ where: { outboxId: { in: ids } }, data: { delivered: false } }),
  ]);
  return rows as unknown as PendingMessage[];
}

/**
 * Chats with messages waiting whose time has come (including holds of a process that died): the sweep wakes their
 * delivery after a crash or a lost kick.
 */
export async function chatsWithDueMessages(db: PrismaClient, now: Date, limit: number): Promise<{ channel: ChannelName; chatId: string }[]> {
  const rows = await db.outbox.groupBy({
    by: ['channel', 'chatId'],
    where: { status: { in: OPEN }, notBefore: { lte: now } },
    orderBy: { channel: 'asc' },
    take: limit,
  });
  return rows.map((r) => ({ channel: r.channel, chatId: r.chatId }));
}

/** How many times the message now being sent to a chat failed before (the oldest open row is the one in flight). */
export async function attemptsOfChatHead(db: PrismaClient, channel: ChannelName, chatId: string): Promise<number> {
  const head = await db.outbox.findFirst({
    where: { channel, chatId, status: { notIn: ['SENT', 'FAILED', 'UNREACHABLE'] } },
    orderBy: { id: 'asc' },
    select: { attempts: true },
  });
  return head?.attempts ?? 0;
}

/** An ordinary message (not a reminder gathering for its wave, not one in back-off) due and not sent yet for the chat. */
export async function hasDueOrdinaryMessage(db: Tx | PrismaClient, channel: ChannelName, chatId: string, now: Date): Promise<boolean> {
  const row = await db.outbox.findFirst({ where: { channel, chatId, status: 'PENDING', mergeable: false, notBefore: { lte: now } }, select: { id: true } });
  return row !== null;
}

/** The application's OutboxStore over this client. */
export function outboxStore(db: PrismaClient): OutboxStore {
  return {
    enqueueMany: (messages, tx) => enqueueOutboxMany(readerOf(db, tx), messages),
    hasDueOrdinary: (channel, chatId, now) => hasDueOrdinaryMessage(db, channel, chatId, now),
    async unreachableUnmarked(channel, chatId, since, marker) {
      const rows = await db.outbox.findMany({
        where: { channel, chatId, status: 'UNREACHABLE', createdAt: { gte: since }, NOT: { lastError: { startsWith: marker } } },
        orderBy: { id: 'asc' },
      });
      // The payload column holds what enqueueOutbox wrote (an OutboxPayload).
      return rows as unknown as PendingMessage[];
    },
    async markUnreachableRows(tx, ids, marker, suffix) {
      const claimed = await prismaTx(tx).outbox.updateMany({
        where: { id: { in: [...ids] }, status: 'UNREACHABLE', NOT: { lastError: { startsWith: marker } } },
        data: { lastError: `${marker}${suffix}` },
      });
      return claimed.count;
    },
    async repointReminders(tx, fromOutboxId, toOutboxId) {
      await prismaTx(tx).reminder.updateMany({ where: { outboxId: fromOutboxId }, data: { outboxId: toOutboxId } });
    },
  };
}

/** The application's SendingStore: the delivery worker's and the sweep's outbox queries over this client. */
export function sendingStore(db: PrismaClient): SendingStore {
  return {
    chatsWithDue: (now, limit) => chatsWithDueMessages(db, now, limit),
    nextBatch: (channel, chatId, now) => nextBatchForChat(db, channel, chatId, now),
    nextDueAt: (channel, chatId) => nextDueAt(db, channel, chatId),
    claim: (ids, now, holdUntil) => claimForSending(db, ids, now, holdUntil),
    markSent: (ids, at, externalMessageId) => markSent(db, ids, at, externalMessageId),
    markRetry: (ids, error, notBefore) => markRetry(db, ids, error, notBefore),
    markFailed: (ids, error) => markFailed(db, ids, error),
    markChatUnreachable: (channel, chatId, error) => markChatUnreachable(db, channel, chatId, error),
    markIdentitiesUnreachable: (channel, chatId, reason, at) => markUnreachable(db, channel, chatId, reason, at),
  };
}
