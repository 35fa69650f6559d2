// The engine benchmark's raw baseline: the same database and queue work as firing the due clocks, with no application
// code. `concurrency` loops each take up to `waveSize` due clocks (FOR UPDATE SKIP LOCKED, in nextAt order), and in one
// transaction per wave insert the outbox rows (one per clock, to the person's chat), the reminder rows and the audit
// rows (the same hash chain under the same advisory lock), and advance the clocks, all set-based; after the commit
// each chat of the wave is woken once (one pipelined addBulk of deduplicated delivery jobs). What it leaves out is
// exactly what our code adds: the ladder, the organisation, the catalogue, Prisma, and the clock jobs themselves.
import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import pg from 'pg';
import { percentile } from './common.js';

const AUDIT_LOCK = 7262002; // the chain's lock (src/db/repositories/audit.repository.ts)
const GENESIS = '0'.repeat(64);

interface DueRow {
  id: number;
  itemKind: string;
  itemId: number;
  kind: string;
  officialId: number;
  generation: number;
  level: number;
  cycle: number;
  chatId: string;
  code: string;
  title: string;
}

async function fireRawWave(client: pg.PoolClient, waveSize: number): Promise<DueRow[]> {
  await client.query('BEGIN');
  try {
    const due = (
      await client.query<DueRow>(
        `WITH c AS (SELECT id, "itemKind", "itemId", kind, "officialId", generation, level, cycle FROM clock
                    WHERE state = 'ACTIVE' AND "nextAt" <= now() ORDER BY "nextAt", id LIMIT $1 FOR UPDATE SKIP LOCKED)
         SELECT c.*, ci."chatId", t.code, t.title FROM c
           JOIN chat_identity ci ON ci."officialId" = c."officialId" AND ci.channel = 'TELEGRAM'
           JOIN task t ON t.id = c."itemId"`,
        [waveSize],
      )
    ).rows;
    if (due.length === 0) {
      await client.query('COMMIT');
      return due;
    }
    const now = new Date();
    const outbox = (
      await client.query<{ id: string }>(
        `INSERT INTO outbox (channel, "chatId", "officialId", mergeable, payload)
         SELECT 'TELEGRAM', chat, official, true, payload FROM unnest($1::text[], $2::int[], $3::jsonb[]) WITH ORDINALITY AS t(chat, official, payload, n)
         ORDER BY n RETURNING id`,
        [
          due.map((d) => d.chatId),
          due.map((d) => d.officialId),
          due.map((d) => JSON.stringify({ locale: 'vi', itemCode: d.code, message: { text: `⏰ ${d.code} ${d.title}: chưa nhận việc.` } })),
        ],
      )
    ).rows;
    await client.query(
      `INSERT INTO reminder ("clockId", generation, level, cycle, "itemKind", "itemId", "clockKind", "officialId", "recipientId", kind, at, "outboxId")
       SELECT id, g, l, c, ik::"ItemKind", item, ck::"ClockKind", o, o, 'REMINDER', $8, ob
       FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::text[], $6::int[], $7::text[], $9::int[], $10::bigint[]) AS t(id, g, l, c, ik, item, ck, o, ob)`,
      [
        due.map((d) => d.id),
        due.map((d) => d.generation),
        due.map((d) => d.level),
        due.map((d) => d.cycle),
        due.map((d) => d.itemKind),
        due.map((d) => d.itemId),
        due.map((d) => d.kind),
        now,
        due.map((d) => d.officialId),
        outbox.map((o) => o.id),
      ],
    );
    await client.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
    let prev = (await client.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1')).rows[0]?.hash ?? GENESIS;
    const audit = due.map((d) => {
      const data = { clockId: d.id, kind: d.kind, level: d.level, cycle: d.cycle, recipientId: d.officialId, queued: true };
      const hash = createHash('sha256')
        .update(prev)
        .update(JSON.stringify([now.toISOString(), 'reminder.sent', 'task', String(d.itemId), data]))
        .digest('hex');
      const row = { prev, hash, data: JSON.stringify(data) };
      prev = hash;
      return row;
    });
    await client.query(
      `INSERT INTO audit_log (at, "actorId", action, entity, "entityId", data, "prevHash", hash)
       SELECT $1, NULL, 'reminder.sent', 'task', e, d, p, h FROM unnest($2::text[], $3::jsonb[], $4::text[], $5::text[]) WITH ORDINALITY AS t(e, d, p, h, n) ORDER BY n`,
      [now, due.map((d) => String(d.itemId)), audit.map((a) => a.data), audit.map((a) => a.prev), audit.map((a) => a.hash)],
    );
    await client.query(`UPDATE clock SET level = level + 1, "nextAt" = now() + interval '2 hours', "updatedAt" = now() WHERE id = ANY($1::int[])`, [
      due.map((d) => d.id),
    ]);
    await client.query('COMMIT');
    return due;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
}

export interface RawFigures {
  reminders: number;
  waves: number;
  seconds: number;
  perSecond: number;
  p50DelayMs: number;
  p99DelayMs: number;
}

/**
 * Fires every due clock of the database with `concurrency` loops; `delivery` receives one wake-up per chat and wave.
 * `beforeClose` runs while the pool's connections still exist (their backends' CPU time can be read).
 */
export async function runRawBaseline<T>(
  url: string,
  delivery: Queue,
  concurrency: number,
  waveSize: number,
  beforeClose: () => Promise<T>,
): Promise<RawFigures & { measured: T }> {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const delays: number[] = [];
  let waves = 0;
  let measured: T | undefined;
  const t0 = Date.now();
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        const client = await pool.connect();
        try {
          for (;;) {
            const fired = await fireRawWave(client, waveSize);
            if (fired.length === 0) return;
            waves++;
            const chats = [...new Set(fired.map((f) => f.chatId))];
            await delivery.addBulk(
              chats.map((chatId) => ({
                name: 'chat',
                data: { channel: 'TELEGRAM', chatId },
                opts: { deduplication: { id: `TELEGRAM-${chatId}`, keepLastIfActive: true }, delay: 2000, removeOnComplete: true },
              })),
            );
            const at = Date.now() - t0;
            for (let i = 0; i < fired.length; i++) delays.push(at);
          }
        } finally {
          client.release();
        }
      }),
    );
    measured = await beforeClose();
  } finally {
    await pool.end();
  }
  const seconds = (Math.max(...delays, 1) || 1) / 1000;
  return {
    reminders: delays.length,
    waves,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round(delays.length / seconds),
    p50DelayMs: percentile(delays, 0.5),
    p99DelayMs: percentile(delays, 0.99),
    measured: measured as T,
  };
}
