// An official linked on Telegram and on Zalo at the same instant (the sandbox links everyone at one moment of its
// clock) is sent to the chat linked first, every time: the order of equal `linkedAt` was left to PostgreSQL, and the
// morning digest went to one chat while other notices went to the other.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { deliveryTarget, deliveryTargets } from '../../src/db/repositories/identity.repository.js';
import { createTestDatabase, type TestDatabase, storesOn } from '../support/database.js';

const sample = readFileSync(new URL('../../samples/huyen-mau.csv', import.meta.url), 'utf8');
const now = new Date('2026-12-07T02:00:00Z');

describe('the chat a message goes to, when two were linked at the same instant', () => {
  let t: TestDatabase;
  const ids: number[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    const r = await importOrganisation(storesOn(t.db), { file: sample, now });
    if (!r.ok) throw new Error('sample import failed');
    const officials = await t.db.official.findMany({ orderBy: { id: 'asc' } });
    // Zalo rows written after a run of updates, so the heap order differs from the insertion order.
    for (const o of officials) {
      await t.db.chatIdentity.create({ data: { officialId: o.id, channel: 'TELEGRAM', externalUserId: `t${o.id}`, chatId: `t${o.id}`, linkedAt: now } });
      ids.push(o.id);
    }
    for (const o of officials)
      await t.db.chatIdentity.create({ data: { officialId: o.id, channel: 'ZALO', externalUserId: `z${o.id}`, chatId: `z${o.id}`, linkedAt: now } });
    await t.db.chatIdentity.updateMany({ where: { channel: 'TELEGRAM' }, data: { displayName: 'moved' } });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('is the one linked first (the lower id) for one official and for many at once', async () => {
    for (const id of ids.slice(0, 5)) expect((await deliveryTarget(t.db, id))?.channel).toBe('TELEGRAM');
    const all = await deliveryTargets(t.db, ids);
    expect([...all.values()].filter((x) => x.channel !== 'TELEGRAM')).toEqual([]);
  });
});
