// A batch of tasks nobody has accepted, whose time to accept has already run out: one reminder each is due now.
// Bulk SQL, so hundreds (or, in benches, hundreds of thousands) are there in a moment.
import { readFile } from 'node:fs/promises';
import type { PrismaClient } from '../../src/db/client.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { storesOn } from './database.js';

export const SAMPLE_ORG = new URL('../../samples/huyen-mau.csv', import.meta.url);

/** The sample district, every official linked to a Telegram chat whose id is 800000 + their id. */
export async function seedLinkedOrganisation(db: PrismaClient): Promise<void> {
  const r = await importOrganisation(storesOn(db), { file: await readFile(SAMPLE_ORG), now: new Date(), source: 'huyen-mau.csv' });
  if (!r.ok) throw new Error(`sample import failed: ${JSON.stringify(r.errors)}`);
  await db.$executeRaw`
    INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId", "linkedAt")
    SELECT id, 'TELEGRAM', (800000 + id)::text, (800000 + id)::text, now() FROM official
    ON CONFLICT DO NOTHING`;
}

/**
 * `count` NORMAL tasks from HU-01 to everyone else in turn, each with a time-to-accept clock due at `dueAt`
 * (level 0). Returns the task codes.
 */
export async function seedDueTasks(db: PrismaClient, count: number, dueAt: Date, options: { firstSeq?: number } = {}): Promise<string[]> {
  const first = options.firstSeq ?? 1;
  await db.$executeRaw`
    INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline",
                      "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
    SELECT 'NV-2026-' || lpad(g::text, 6, '0'), 2026, g, 'Nhiệm vụ kiểm thử số ' || g, 'Báo cáo bằng văn bản', 'NORMAL', 'ASSIGNED',
           now() + interval '30 days', now() + interval '30 days',
           (SELECT id FROM official WHERE code = 'HU-01'),
           o.ids[1 + (g % cardinality(o.ids))], o.units[1 + (g % cardinality(o.ids))], now(), now()
    FROM generate_series(${first}::int, ${first + count - 1}::int) g,
         (SELECT array_agg(id ORDER BY id) AS ids, array_agg("unitId" ORDER BY id) AS units FROM official WHERE code <> 'HU-01') o`;
  await db.$executeRaw`
    INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "createdAt", "updatedAt")
    SELECT 'TASK', id, 'TASK_ACCEPT', "assigneeId", 'NORMAL', 'ACTIVE', 0, ${dueAt}, 7200000, 0, 0, ${dueAt}, now(), now()
    FROM task WHERE seq BETWEEN ${first}::int AND ${first + count - 1}::int`;
  return Array.from({ length: count }, (_, i) => `NV-2026-${String(first + i).padStart(6, '0')}`);
}
