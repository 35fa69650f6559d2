// How many SQL statements one `/viec` costs on the hot path, counted as Prisma sends them (its query events): each is
// a round trip and about 0.3–0.5 ms of Node CPU (issue 14): 7 before issue 14 (claim, identity, official, unit,
// dialog, page, count), then 3 (claim with identity, dialog, the page with its count), and 4 on a person's first update
// in a minute (the last-seen write); 2 now (the claim with the identity, the last-seen write and the dialog; the page
// with its count), whether or not the last-seen time is due. The target is 1–2 on the hot path: a change that
// adds a statement to every update fails here and must say why.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRouter } from '../../src/app/interaction/index.js';
import type { Router } from '../../src/app/interaction/router.js';
import { PrismaClient } from '../../src/db/generated/client.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { defaultPolicy } from '../../src/domain/policy/resolve-policy.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { createAppContext } from '../../src/runtime/app-context.js';
import { encodeAction } from '../../src/app/actions.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** Statements of a /viec, the person's first in a minute (last-seen recorded) or not: the target is 1–2. */
const HOT_PATH_STATEMENTS = 2;

describe('statements per /viec update', () => {
  let t: TestDatabase;
  let traced: PrismaClient;
  let router: Router;
  const time = new ManualTime(new Date('2026-12-08T02:00:00Z'));
  const statements: string[] = [];
  let key = 0;

  const viec = (user: number) =>
    router.handle({
      channel: 'TELEGRAM',
      updateKey: `u-${key++}`,
      externalUserId: String(user),
      chatId: String(user),
      displayName: 'x',
      event: { type: 'text', text: '/viec' },
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    const sql = new pg.Client({ connectionString: t.url });
    await sql.connect();
    await sql.query(`
      INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (1, 'U1', 'Huyện', NULL, '/1/', 0, now()), (2, 'U2', 'Phòng 2', 1, '/1/2/', 1, now());
      INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
        SELECT g, 'CB' || g, 'Cán bộ ' || g, 'can bo ' || g, 'Chuyên viên', (CASE g WHEN 1 THEN 'HEAD' ELSE 'MEMBER' END)::"Role", 2, 'vi', now() FROM generate_series(1, 5) g;
      INSERT INTO chat_identity ("officialId", channel, "externalUserId", "chatId") SELECT g, 'TELEGRAM', (100 + g)::text, (100 + g)::text FROM generate_series(1, 5) g;
      INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
        SELECT 'NV-2026-' || lpad(g::text, 6, '0'), 2026, g, 'Việc ' || g, 'Báo cáo', 'NORMAL', 'ACCEPTED', timestamp '2026-12-20', timestamp '2026-12-20', 1, 2 + g % 4, 2, now(), now()
        FROM generate_series(1, 40) g;
      INSERT INTO task (id, code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
        VALUES (1000, 'NV-2026-001000', 2026, 1000, 'Việc mới giao', 'Báo cáo', 'NORMAL', 'ASSIGNED', timestamp '2026-12-20', timestamp '2026-12-20', 1, 5, 2, now(), now());`);
    await sql.end();
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: t.url, max: 2 }), log: [{ emit: 'event', level: 'query' }] });
    client.$on('query', (e) => statements.push(e.query));
    traced = client as unknown as PrismaClient;
    const noQueues = { schedule: async () => {}, kick: async () => {} };
    const app = createAppContext({
      db: traced,
      time,
      catalogue: Catalogue.load(),
      policy: defaultPolicy(),
      logger: pino({ level: 'silent' }),
      scheduler: noQueues,
      delivery: noQueues,
    });
    router = createAppRouter(app);
  });

  afterAll(async () => {
    await traced?.$disconnect();
    await t?.drop();
  });

  it(`answers /viec in at most ${HOT_PATH_STATEMENTS} statements, the last-seen write included`, async () => {
    statements.length = 0;
    const first = await viec(103); // never wrote before: the last-seen time is recorded
    expect(first.replies[0]?.text).toContain('NV-2026-');
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(HOT_PATH_STATEMENTS);
    statements.length = 0;
    const again = await viec(103); // within the minute: not recorded again
    expect(again.replies[0]?.text).toContain('NV-2026-');
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(HOT_PATH_STATEMENTS);
    expect(HOT_PATH_STATEMENTS).toBeLessThanOrEqual(2);
  });

  // Issue 10, "a button press reads its item once": the handler passes the id, the use case locks and reads the row in
  // one SELECT … FOR UPDATE, and the update returns what it wrote (before: the handler, the lock and a reload each
  // read the task). Nor is the dialog row deleted when no dialog is open.
  it('pressing "Nhận việc" reads the task once and deletes no dialog row', async () => {
    await viec(105); // the person is known and touched: the press below is the steady state
    statements.length = 0;
    const pressed = await router.handle({
      channel: 'TELEGRAM',
      updateKey: `u-${key++}`,
      externalUserId: '105',
      chatId: '105',
      displayName: 'x',
      event: { type: 'action', data: encodeAction('task.accept', 1000) },
    });
    expect(pressed.replies[0]?.text).toContain('NV-2026-001000');
    const all = statements.join('\n');
    const taskReads = statements.filter((q) => /^\s*SELECT\b[\s\S]*\bFROM\s+("public"\.)?"?task"?(\s|$)/i.test(q));
    expect(taskReads, all).toHaveLength(1);
    expect(taskReads[0], all).toMatch(/FOR UPDATE/i);
    expect(
      statements.filter((q) => /^\s*DELETE\s+FROM\s+("public"\.)?"?dialog_state"?/i.test(q)),
      all,
    ).toEqual([]);
  });

  it('the claim in the same statement still answers an update once, and a stranger still gets the linking answer', async () => {
    const env = {
      channel: 'TELEGRAM' as const,
      updateKey: 'dup-1',
      externalUserId: '104',
      chatId: '104',
      displayName: 'x',
      event: { type: 'text' as const, text: '/viec' },
    };
    expect((await router.handle(env)).replies.length).toBeGreaterThan(0);
    expect((await router.handle(env)).replies).toEqual([]);
    const stranger = await router.handle({ ...env, updateKey: 'dup-2', externalUserId: '999', chatId: '999' });
    expect(stranger.replies.length).toBeGreaterThan(0);
    expect(stranger.replies[0]!.text).not.toContain('NV-2026-');
  });
});
