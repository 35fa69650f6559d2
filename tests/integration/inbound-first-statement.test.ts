// An update's first statement (IdentityStore.claimUpdateAndFind) does what four did before issue 14: the claim, the
// identity, the last-seen record and the dialog read. What each of those did must still happen, and only then: the
// last-seen time at most once a minute (every time where a reply window counts from it, or when the chat was marked
// unreachable), never for an update claimed already nor for an inactive official; an expired dialog removed and not
// continued, an open one continued.
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createAppRouter } from '../../src/app/interaction/index.js';
import type { Router } from '../../src/app/interaction/router.js';
import type { ChannelName } from '../../src/app/ports/channel.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe("an update's first statement", () => {
  let t: TestDatabase;
  let sql: pg.Client;
  let router: Router;
  const catalogue = Catalogue.load();
  const vi = catalogue.translator('vi');
  const time = new ManualTime(new Date('2026-12-08T02:00:00Z'));
  let key = 0;

  const send = (channel: ChannelName, user: string, text: string, updateKey = `u-${key++}`) =>
    router.handle({ channel, updateKey, externalUserId: user, chatId: user, displayName: 'x', event: { type: 'text', text } });
  const identity = (user: string) =>
    t.db.chatIdentity.findFirstOrThrow({ where: { externalUserId: user }, select: { lastInboundAt: true, unreachableAt: true, unreachableReason: true } });
  const dialogRows = async (user: string) =>
    Number(
      (
        await sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM dialog_state d JOIN chat_identity ci ON ci.id = d."identityId" WHERE ci."externalUserId" = $1`,
          [user],
        )
      ).rows[0]!.n,
    );
  const openDialog = (user: string, flow: string, expiresAt: Date) =>
    sql.query(
      `INSERT INTO dialog_state ("identityId", flow, step, data, "expiresAt", "updatedAt")
       SELECT id, $2, 'ask', '{"n": 1}'::jsonb, $3::timestamp, now() FROM chat_identity WHERE "externalUserId" = $1`,
      [user, flow, expiresAt.toISOString().replace('Z', '')],
    );

  beforeAll(async () => {
    t = await createTestDatabase();
    sql = new pg.Client({ connectionString: t.url });
    await sql.connect();
    await sql.query(`
      INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (1, 'U1', 'Huyện', NULL, '/1/', 0, now());
      INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, active, "updatedAt")
        SELECT g, 'CB' || g, 'Cán bộ ' || g, 'can bo ' || g, 'Chuyên viên', 'MEMBER'::"Role", 1, 'vi', g <> 6, now() FROM generate_series(1, 6) g;
      INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId") SELECT g, 'TELEGRAM', (100 + g)::text, (100 + g)::text FROM generate_series(1, 6) g;
      INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId") VALUES (1, 'ZALO_OA', 'oa:1', 'oa:1');`);
    const noQueues = { schedule: async () => {}, kick: async () => {} };
    const app = createAppContext({
      db: t.db,
      time,
      catalogue,
      policy: defaultPolicy(),
      logger: pino({ level: 'silent' }),
      scheduler: noQueues,
      delivery: noQueues,
    });
    router = createAppRouter(app);
  });

  beforeEach(() => time.set('2026-12-08T02:00:00Z'));

  afterAll(async () => {
    await sql?.end();
    await t?.drop();
  });

  it('records the last-seen time on the first update, then at most once a minute', async () => {
    await send('TELEGRAM', '101', '/viec');
    expect((await identity('101')).lastInboundAt).toEqual(new Date('2026-12-08T02:00:00Z'));
    time.advance(60_000); // exactly a minute: not yet
    await send('TELEGRAM', '101', '/viec');
    expect((await identity('101')).lastInboundAt).toEqual(new Date('2026-12-08T02:00:00Z'));
    time.advance(1);
    await send('TELEGRAM', '101', '/viec');
    expect((await identity('101')).lastInboundAt).toEqual(new Date('2026-12-08T02:01:00.001Z'));
  });

  it('makes an unreachable chat reachable at once, within the minute too', async () => {
    await send('TELEGRAM', '102', '/viec');
    await sql.query(`UPDATE chat_identity SET "unreachableAt" = now(), "unreachableReason" = 'blocked' WHERE "externalUserId" = '102'`);
    time.advance(5_000);
    await send('TELEGRAM', '102', '/viec');
    expect(await identity('102')).toEqual({ lastInboundAt: new Date('2026-12-08T02:00:05Z'), unreachableAt: null, unreachableReason: null });
  });

  it('records every message where the reply window counts from it (Zalo OA)', async () => {
    await send('ZALO_OA', 'oa:1', '/viec');
    time.advance(2_000);
    await send('ZALO_OA', 'oa:1', '/viec');
    expect((await identity('oa:1')).lastInboundAt).toEqual(new Date('2026-12-08T02:00:02Z'));
  });

  it('changes nothing for an update claimed already, and answers it once', async () => {
    expect((await send('TELEGRAM', '103', '/viec', 'retried')).replies.length).toBe(1);
    time.advance(120_000);
    await openDialog('103', 'no-such-flow', new Date('2026-12-08T01:00:00Z'));
    expect((await send('TELEGRAM', '103', '/viec', 'retried')).replies).toEqual([]);
    expect((await identity('103')).lastInboundAt).toEqual(new Date('2026-12-08T02:00:00Z'));
    expect(await dialogRows('103')).toBe(1); // expired, but the retry removes nothing
  });

  it('records nothing for an inactive official', async () => {
    expect((await send('TELEGRAM', '106', '/viec')).replies[0]?.text).toBe(vi('account-inactive'));
    expect((await identity('106')).lastInboundAt).toBeNull();
  });

  it('continues an open dialog and removes an expired one without continuing it', async () => {
    // A dialog whose flow no longer exists is ended with "expired, start again": so the reply shows it was read.
    await openDialog('104', 'no-such-flow', new Date('2026-12-08T02:10:00Z'));
    expect((await send('TELEGRAM', '104', 'xin chào')).replies[0]?.text).toBe(vi('dialog-expired'));
    expect(await dialogRows('104')).toBe(0);
    await openDialog('105', 'no-such-flow', new Date('2026-12-08T02:00:00Z')); // expires at the update's instant
    expect((await send('TELEGRAM', '105', 'xin chào')).replies[0]?.text).toBe(vi('unknown-input'));
    expect(await dialogRows('105')).toBe(0);
  });
});
