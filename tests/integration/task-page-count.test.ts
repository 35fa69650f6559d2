// The `/viec` page and its total come from one statement (`count(*) OVER ()`, issue 14). Checked against the
// definition written as Prisma filters (page by findMany, total by count) for every page of several people whose tasks
// fall in each of the three arms (to do, to decide, an extension asked) and in none, including pages past the end.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listTasksNeedingAction } from '../../src/db/repositories/task.repository.js';
import type { Prisma } from '../../src/db/generated/client.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const PEOPLE = 6;
const TASKS = 300;
const STATUSES = ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS', 'DONE', 'DECLINED', 'CLOSED', 'CANCELLED'];

describe('the page of tasks needing action with its total in one statement', () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    const sql = new pg.Client({ connectionString: t.url });
    await sql.connect();
    // Deadlines repeat (every 7th task shares one), so the order relies on the id as the tie-break.
    await sql.query(
      `INSERT INTO unit (id, code, name, "parentId", path, depth, "updatedAt") VALUES (1, 'U1', 'Huyện', NULL, '/1/', 0, now());
       INSERT INTO official (id, code, "fullName", "nameFolded", title, role, "unitId", locale, "updatedAt")
         SELECT g, 'CB' || g, 'Cán bộ ' || g, 'can bo ' || g, 'Chuyên viên', 'MEMBER', 1, 'vi', now() FROM generate_series(1, $1::int) g;
       INSERT INTO task (code, year, seq, title, "expectedResult", priority, status, deadline, "originalDeadline", "assignerId", "assigneeId", "unitId", "createdAt", "updatedAt")
         SELECT 'NV-2026-' || lpad(g::text, 6, '0'), 2026, g, 'Việc ' || g, 'Báo cáo', 'NORMAL',
                ($3::text[])[1 + (g * 7919) % 7]::"TaskStatus",
                timestamp '2026-12-01' + ((g % 43) || ' days')::interval, timestamp '2026-12-01',
                1 + (g * 31) % $1::int, 1 + (g * 17) % $1::int, 1, now(), now()
         FROM generate_series(1, $2::int) g;
       INSERT INTO extension_request ("taskId", "requesterId", "newDeadline", reason, status, "createdAt")
         SELECT id, "assigneeId", deadline + interval '3 days', 'Thêm thời gian', (CASE WHEN id % 3 = 0 THEN 'REFUSED' ELSE 'PENDING' END)::"RequestStatus", now()
         FROM task WHERE id % 5 = 0;`
        .replace(/\$1::int/g, String(PEOPLE))
        .replace(/\$2::int/g, String(TASKS))
        .replace('$3::text[]', `ARRAY[${STATUSES.map((s) => `'${s}'`).join(',')}]`),
    );
    await sql.end();
  });

  afterAll(async () => {
    await t?.drop();
  });

  it('gives the same tasks in the same order and the same total as the filters written for Prisma, on every page', async () => {
    let nonEmptyPages = 0;
    for (let who = 1; who <= PEOPLE + 1; who++) {
      const where: Prisma.TaskWhereInput = {
        OR: [
          { assigneeId: who, status: { in: ['ASSIGNED', 'ACCEPTED', 'IN_PROGRESS'] } },
          { assignerId: who, status: { in: ['DONE', 'DECLINED'] } },
          { assignerId: who, extensions: { some: { status: 'PENDING' } } },
        ],
      };
      const expectedTotal = await t.db.task.count({ where });
      // Person PEOPLE + 1 has no task at all: the empty first page must say 0.
      if (who <= PEOPLE) expect(expectedTotal).toBeGreaterThan(5);
      for (const limit of [5, 8]) {
        for (let offset = 0; offset <= expectedTotal + limit; offset += limit) {
          const expected = await t.db.task.findMany({ where, orderBy: [{ deadline: 'asc' }, { id: 'asc' }], skip: offset, take: limit, select: { id: true } });
          const got = await listTasksNeedingAction(t.db, who, { offset, limit });
          expect(got.total, `official ${who}, offset ${offset}`).toBe(expectedTotal);
          expect(
            got.tasks.map((x) => x.id),
            `official ${who}, offset ${offset}`,
          ).toEqual(expected.map((x) => x.id));
          if (got.tasks.length > 0) nonEmptyPages++;
        }
      }
    }
    expect(nonEmptyPages).toBeGreaterThan(20);
  });

  it('returns whole tasks, as the other reads do', async () => {
    const { tasks } = await listTasksNeedingAction(t.db, 1, { offset: 0, limit: 3 });
    const same = await t.db.task.findUnique({ where: { id: tasks[0]!.id } });
    expect(tasks[0]).toEqual({ ...same });
    expect(tasks[0]!.deadline).toBeInstanceOf(Date);
    expect('pageTotal' in tasks[0]!).toBe(false);
  });
});
