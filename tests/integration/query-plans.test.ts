// The plans of the queries that must stay fast as the data grows: the firing wave's "also due" query and the
// digest's heaviest queries for one head. Each is captured as the code sends it (Prisma's query events) and
// EXPLAINed over enough rows that a missing index shows: a Seq Scan of the big table, or a Sort of every due clock.
// Each check is also run with its index dropped (in a transaction rolled back), where it must fail: the test can fail.
// The plans are those of the application role (dondoc_app) under row-level security, as the bot runs them: a policy
// changes which conditions may use an index (only leakproof ones ahead of it).
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDigestFacts } from '../../src/db/repositories/digest-facts.repository.js';
import { lockClocks } from '../../src/db/repositories/clock.repository.js';
import { listTasksNeedingAction } from '../../src/db/repositories/task.repository.js';
import { PrismaClient } from '../../src/db/generated/client.js';
import { APP_ROLE } from '../../src/db/client.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const CLOCKS = 30_000;
const UNITS = 200;
const TASKS = 40_000;
const REMINDERS = 60_000;
const OUTBOX = 60_000;
const NOW = new Date('2026-12-08T00:30:00Z');

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

interface Captured {
  query: string;
  params: unknown[];
}

/** What must not be in the plan: a Seq Scan of these tables, or (for ordered reads) a Sort at all. */
function problems(plan: PlanNode, bigTables: readonly string[], noSort: boolean): string[] {
  const out: string[] = [];
  for (const n of nodes(plan)) {
    if (n['Node Type'] === 'Seq Scan' && n['Relation Name'] && bigTables.includes(n['Relation Name'])) out.push(`Seq Scan on ${n['Relation Name']}`);
    if (noSort && (n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort')) out.push(n['Node Type']);
  }
  return out;
}

describe('query plans over many rows', () => {
  let t: TestDatabase;
  let sql: pg.Client;
  let traced: PrismaClient;
  const captured: Captured[] = [];

  async function explain(q: Captured): Promise<PlanNode> {
    await sql.query(`SET ROLE ${APP_ROLE}`);
    const r = await sql.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(`EXPLAIN (FORMAT JSON) ${q.query}`, q.params);
    return r.rows[0]!['QUERY PLAN'][0]!.Plan;
  }

  /** The plan with `drop` applied first, in a transaction rolled back afterwards. */
  async function explainWithout(q: Captured, drop: string): Promise<PlanNode> {
    await sql.query('BEGIN');
    try {
      await sql.query('RESET ROLE'); // the owner drops the index; explain() switches back
      await sql.query(drop);
      await sql.query('ANALYZE clock, task, reminder, outbox');
      return await explain(q);
    } finally {
      await sql.query('ROLLBACK');
    }
  }

  function capture(match: RegExp): Captured[] {
    return captured.filter((c) => match.test(c.query));
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    sql = new pg.Client({ connectionString: t.url, options: '-c dondoc.org=default' });
    await sql.connect();
    await sql.query(`
      INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (1, 'U1', 'Huyện', NULL, '/1/', 0, now());
      INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt")
        SELECT g, 'U' || g, 'Phòng ' || g, 1, '/1/' || g || '/', 1, now() FROM generate_series(2, ${UNITS}) g;
      INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
        SELECT g, 'CB' || g, 'Cán bộ ' || g, 'can bo ' || g, 'Chuyên viên', (CASE g % 5 WHEN 1 THEN 'HEAD' ELSE 'MEMBER' END)::"Role", 1 + (g - 1) / 5, 'vi', now()
        FROM generate_series(1, ${UNITS * 5}) g;
      INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
        SELECT 'NV-' || g, 2026, g, 'Việc ' || g, 'Báo cáo', 'NORMAL', (CASE g % 4 WHEN 0 THEN 'DONE' ELSE 'IN_PROGRESS' END)::"TaskStatus",
               timestamp '2026-12-08 00:30' + ((g % 600) - 300) * interval '1 hour', timestamp '2026-12-01', 1 + ((g % ${UNITS}) * 5), 3 + ((g % ${UNITS}) * 5), 1 + g % ${UNITS}, now(), now()
        FROM generate_series(1, ${TASKS}) g;
      -- Every clock due at the same instant, as at 07:30 after Tết: ties on nextAt are what made the old index sort.
      INSERT INTO clock ("itemKind", "itemId", kind, "officialId", priority, state, generation, "dueAt", "stepMs", level, cycle, "nextAt", "updatedAt")
        SELECT 'TASK', g, 'TASK_ACCEPT', 1 + g % ${UNITS * 5}, 'NORMAL', (CASE WHEN g % 10 = 0 THEN 'STOPPED' ELSE 'ACTIVE' END)::"ClockState", 0,
               timestamp '2026-12-08 00:29', 7200000, 0, 0, timestamp '2026-12-08 00:29', now()
        FROM generate_series(1, ${CLOCKS}) g;
      INSERT INTO reminder ("clockId", generation, level, cycle, "itemKind", "itemId", "clockKind", "officialId", "recipientId", kind, at)
        SELECT g, 0, 0, 0, 'TASK', g, 'TASK_ACCEPT', 1 + g % ${UNITS * 5}, 1 + g % ${UNITS * 5}, 'REMINDER', timestamp '2026-12-08 00:30' - (g % 2000) * interval '1 hour'
        FROM generate_series(1, ${REMINDERS}) g;
      INSERT INTO outbox (channel, "chatId", payload, status, "createdAt")
        SELECT 'TELEGRAM', (g % 5000)::text, '{}', (CASE WHEN g % 20 = 0 THEN 'PENDING' ELSE 'SENT' END)::"OutboxStatus", now()
        FROM generate_series(1, ${OUTBOX}) g;
      ANALYZE;`);
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: t.url, max: 2, options: `-c dondoc.org=default -c role=${APP_ROLE}` }),
      log: [{ emit: 'event', level: 'query' }],
    });
    client.$on('query', (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    traced = client as unknown as PrismaClient;
  }, 120_000);

  afterAll(async () => {
    await traced?.$disconnect();
    await sql?.end();
    await t?.drop();
  });

  it('the wave reads the first due clocks from the index: no Seq Scan, no Sort of every due clock', async () => {
    captured.length = 0;
    const locked = await traced.$transaction((tx) => lockClocks(tx, [{ id: 7, generation: 0, level: 0, cycle: 0 }], { now: NOW, limit: 199 }));
    expect(locked).toHaveLength(200);
    const [alsoDue] = capture(/"nextAt" <=/);
    expect(alsoDue, 'the also-due query was captured').toBeDefined();

    const plan = await explain(alsoDue!);
    expect(problems(plan, ['clock'], true)).toEqual([]);
    expect(nodes(plan).some((n) => n['Index Name'] === 'clock_active_orgId_nextAt_id_idx')).toBe(true);

    // With the index the migration replaced, PostgreSQL reads every tied clock and sorts them: the check must see it.
    const before = await explainWithout(
      alsoDue!,
      'DROP INDEX "clock_active_orgId_nextAt_id_idx"; DROP INDEX "clock_state_nextAt_id_idx"; CREATE INDEX "clock_state_nextAt_idx" ON clock (state, "nextAt")',
    );
    expect(problems(before, ['clock'], true)).not.toEqual([]);
    // Where enum equality is not leakproof (a migration run by a user who could not mark it so), state = 'ACTIVE' cannot
    // be an index condition under row-level security: the partial index still answers, and without it the plan
    // scans or sorts.
    const notLeakproof = 'ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) NOT LEAKPROOF';
    const partialOnly = await explainWithout(alsoDue!, notLeakproof);
    expect(problems(partialOnly, ['clock'], true)).toEqual([]);
    const withoutPartial = await explainWithout(alsoDue!, `${notLeakproof}; DROP INDEX "clock_active_orgId_nextAt_id_idx"`);
    expect(problems(withoutPartial, ['clock'], true)).not.toEqual([]);
  });

  it("one head's digest reads its own tasks and the window's reminders through indexes", async () => {
    captured.length = 0;
    const instants = {
      now: NOW,
      dueSoonUntil: new Date(NOW.getTime() + 2 * 86_400_000),
      shortSince: new Date(NOW.getTime() - 3 * 86_400_000),
      mediumSince: new Date(NOW.getTime() - 7 * 86_400_000),
      remindersFrom: new Date(NOW.getTime() - 86_400_000),
      remindersTo: NOW,
    };
    await loadDigestFacts(traced, { kind: 'subtree', path: '/1/7/' }, { instants, oldest: 5 });
    const taskQueries = capture(/FROM task t/);
    const [reminders] = capture(/FROM reminder r/);
    expect(taskQueries).toHaveLength(2);
    expect(reminders).toBeDefined();

    for (const q of [...taskQueries, reminders!]) expect(problems(await explain(q), ['task', 'reminder'], false), q.query).toEqual([]);

    // Without the indexes they rely on, the same queries scan the whole table: the check must see it.
    // The counts by unit (the two task queries run together, so their capture order varies).
    const counts = taskQueries.find((q) => /GROUP BY t\."unitId"/.test(q.query))!;
    const noTaskIndex = await explainWithout(counts, 'DROP INDEX "task_unitId_status_idx"');
    expect(problems(noTaskIndex, ['task'], false)).toEqual(['Seq Scan on task']);
    // (With only those two gone, the planner reads the whole (recipientId, at) index for the window instead.)
    const noReminderIndex = await explainWithout(
      reminders!,
      'DROP INDEX "reminder_at_idx"; DROP INDEX "reminder_officialId_at_idx"; DROP INDEX "reminder_recipientId_at_idx"',
    );
    expect(problems(noReminderIndex, ['reminder'], false)).toEqual(['Seq Scan on reminder']);
  });

  it("one chat's next message is found through the outbox's (channel, chatId, …) index, enum conditions and all", async () => {
    // Every send asks this; the index leads with an enum column (channel), which the migration made usable under
    // row-level security by marking enum equality leakproof. Without that, the whole outbox is read.
    const next = {
      query: `SELECT id FROM outbox WHERE channel = 'TELEGRAM' AND "chatId" = $1 AND status IN ('PENDING', 'SENDING') ORDER BY id LIMIT 1`,
      params: ['77'],
    };
    const byChat = (plan: PlanNode) => nodes(plan).some((n) => /"chatId" = /.test(n['Index Cond'] ?? ''));
    const plan = await explain(next);
    expect(problems(plan, ['outbox'], false)).toEqual([]);
    expect(byChat(plan)).toBe(true);
    // Without it, the chat's id is no index condition: the outbox is read in id order (or whole) and filtered.
    const notLeakproof = await explainWithout(next, 'ALTER FUNCTION pg_catalog.enum_eq(anyenum, anyenum) NOT LEAKPROOF');
    expect(byChat(notLeakproof)).toBe(false);
  });

  it("/viec's page with its total reads one person's tasks through the assignee and assigner indexes", async () => {
    captured.length = 0;
    const page = await listTasksNeedingAction(traced, 8, { offset: 0, limit: 5 });
    expect(page.tasks).toHaveLength(5);
    expect(page.total).toBeGreaterThan(5);
    const [pageQuery] = capture(/count\(\*\) OVER \(\)/);
    expect(pageQuery, 'the page query was captured').toBeDefined();
    expect(problems(await explain(pageQuery!), ['task'], false)).toEqual([]);

    const noIndex = await explainWithout(pageQuery!, 'DROP INDEX "task_assigneeId_status_idx"; DROP INDEX "task_assignerId_status_idx"');
    expect(problems(noIndex, ['task'], false)).toEqual(['Seq Scan on task']);
  });
});
