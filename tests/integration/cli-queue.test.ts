// Issue 9.3: with Redis down, `task create` and `consult create` commit to PostgreSQL, give Redis a short time, say
// (in both languages) that the running bot's reconciler will schedule the reminders, and exit 0. `--ref` makes a
// retried call return the first item instead of a duplicate.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultCreateCommand } from '../../src/cli/commands/consult-create.js';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { taskCreateCommand } from '../../src/cli/commands/task-create.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner, type CliRun } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** A port nothing listens on: bound by us a moment ago, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

/** The run, or a failure saying it hung, after `ms` (so the test reports a hang instead of timing out blind). */
async function within(ms: number, run: Promise<CliRun>): Promise<CliRun> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the command was still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([run, hung]);
  } finally {
    clearTimeout(timer);
  }
}

const TIMEOUT_MS = 1_000;
const downUrl = `redis://127.0.0.1:${await closedPort()}`;
const task = (title: string, ...extra: string[]) => [
  '--by',
  'PNV-01',
  '--to',
  'PNV-03',
  '--title',
  title,
  '--result',
  'Báo cáo bằng văn bản',
  '--deadline',
  '18/12 16:00',
  ...extra,
];
const consult = (subject: string, ...extra: string[]) => [
  '--by',
  'VPUB-01',
  '--to',
  'PNV-01,TCKH-01',
  '--subject',
  subject,
  '--question',
  'Đề nghị cho ý kiến dự thảo.',
  ...extra,
];

describe('CLI with Redis down, and --ref', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const up = cliRunner(() => t);
  const down = cliRunner(() => t, { redisUrl: downUrl, queueTimeoutMs: TIMEOUT_MS });

  it('commits the task, says who will schedule it, and ends within a bound set by its Redis timeout', async () => {
    expect((await up(orgImportCommand, new URL(SAMPLE_CSV).pathname)).code).toBe(0);
    // The same command with Redis up, to measure how long the database part takes on this machine right now.
    let started = performance.now();
    expect((await up(taskCreateCommand, ...task('Rà soát biên chế'))).code).toBe(0);
    const baseline = performance.now() - started;

    // The queue is tried once (at most TIMEOUT_MS), then left alone; the rest is the database part again.
    const bound = 2 * TIMEOUT_MS + 3 * baseline;
    started = performance.now();
    const r = await within(4 * bound, down(taskCreateCommand, ...task('Tổng hợp số liệu quý IV')));
    const elapsed = performance.now() - started;
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^NV-2026-0002\tLê Văn Toàn\t16:00 18\/12\/2026$/);
    expect(r.err).toEqual([
      `Đã ghi vào cơ sở dữ liệu, nhưng không kết nối được Redis (127.0.0.1:${new URL(downUrl).port}) trong 1 giây: nhắc việc và tin nhắn sẽ được bộ đối soát của bot đang chạy lên lịch (trong vòng vài phút).`,
      `Saved in the database, but Redis (127.0.0.1:${new URL(downUrl).port}) did not answer within 1 s: the running bot's reconciler will schedule the reminders and messages (within a few minutes).`,
    ]);
    expect(elapsed, `baseline ${baseline.toFixed(0)} ms, bound ${bound.toFixed(0)} ms`).toBeLessThan(bound);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS * 0.9);

    // Committed: the task and its accept clock are in the database, where the reconciler finds them.
    const row = await t.db.task.findFirstOrThrow({ where: { code: 'NV-2026-0002' } });
    expect(await t.db.clock.count({ where: { itemId: row.id, kind: 'TASK_ACCEPT', state: 'ACTIVE' } })).toBe(1);
  });

  it('does the same for a request for opinion', async () => {
    // URGENT: its answer clock (4 h wall) is due within the 6 h that live in Redis, so the queue is tried.
    const r = await within(20 * TIMEOUT_MS, down(consultCreateCommand, ...consult('Lịch tiếp công dân', '--priority', 'urgent')));
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^YK-2026-0001\t/);
    expect(r.err).toHaveLength(2);
    const c = await t.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0001' } });
    expect(await t.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: c.id, state: 'ACTIVE' } })).toBe(2);
  });

  it('returns the first task for a second call with the same --ref, also while Redis is down', async () => {
    const first = await up(taskCreateCommand, ...task('Báo cáo kết quả thu ngân sách', '--ref', 'ERP-2026-17'));
    expect(first.code).toBe(0);
    const code = first.out[0]!.split('\t')[0];
    const again = await within(20 * TIMEOUT_MS, down(taskCreateCommand, ...task('Báo cáo kết quả thu ngân sách', '--ref', 'ERP-2026-17')));
    expect(again.code).toBe(0);
    expect(again.out).toEqual(first.out);
    expect(again.err).toEqual([
      `Mã tham chiếu ERP-2026-17 đã được dùng cho ${code}: trả lại ${code}, không tạo thêm.`,
      `Reference ERP-2026-17 was already used for ${code}: returning ${code}, nothing new was created.`,
    ]);
    expect(await t.db.task.count({ where: { title: 'Báo cáo kết quả thu ngân sách' } })).toBe(1);
  });

  it('creates one task when two calls with the same --ref race', async () => {
    const [a, b] = await Promise.all([
      up(taskCreateCommand, ...task('Kiểm kê tài sản công', '--ref', 'ERP-2026-18')),
      up(taskCreateCommand, ...task('Kiểm kê tài sản công', '--ref', 'ERP-2026-18')),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.out).toEqual(b.out);
    expect(await t.db.task.count({ where: { externalRef: 'ERP-2026-18' } })).toBe(1);
  });

  it('returns the first request for opinion for a second call with the same --ref', async () => {
    const first = await up(consultCreateCommand, ...consult('Phương án sắp xếp trụ sở', '--ref', 'VB-123/UBND'));
    const again = await up(consultCreateCommand, ...consult('Phương án sắp xếp trụ sở', '--ref', 'VB-123/UBND'));
    expect([first.code, again.code]).toEqual([0, 0]);
    expect(again.out).toEqual(first.out);
    expect(await t.db.consultation.count({ where: { subject: 'Phương án sắp xếp trụ sở' } })).toBe(1);
    // An empty reference is a usage error, not a task without one.
    expect((await up(taskCreateCommand, ...task('Việc khác', '--ref', ' '))).code).toBe(2);
  });
});
