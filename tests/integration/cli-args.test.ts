// Issue 10.7 (the CLI part): arguments parsed by node:util parseArgs with each command's own options. A boolean
// flag never takes the next word as its value, and a misspelt option stops the command before it writes anything.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { taskCreateCommand } from '../../src/cli/commands/task-create.js';
import { runCli } from '../../src/cli/index.js';
import { listCalendarOverrides } from '../../src/db/repositories/calendar.repository.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('CLI arguments', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    try {
      const code = await runCli(argv, { DATABASE_URL: t.url, LOG_LEVEL: 'silent' });
      return { code, out, err: err.filter((l) => !l.startsWith('database: ')) };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  };
  const cli = cliRunner(() => t);

  it('reads a boolean flag before its date: calendar add --workday 2027-02-20', async () => {
    const r = await run(['calendar', 'add', '--workday', '2027-02-20', '--note', 'Làm bù cho ngày 12/02']);
    expect(r).toEqual({ code: 0, out: ['Đã đặt ngày 2027-02-20 (Thứ Bảy) là ngày làm việc.'], err: [] });
    expect(await listCalendarOverrides(t.db, { year: 2027 })).toMatchObject([{ date: '2027-02-20', kind: 'WORKDAY', note: 'Làm bù cho ngày 12/02' }]);
  });

  it('stops at a misspelt option with exit 2 and writes nothing', async () => {
    const r = await run(['calendar', 'add', '2027-02-27', '--wrokday']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      'Tùy chọn --wrokday không có trong lệnh này (các tùy chọn: --workday --holiday --note --lang).',
      'Option --wrokday is not known to this command (its options: --workday --holiday --note --lang).',
      'usage: npm run cli -- calendar add DATE [--workday|--holiday] [--note TEXT] [--lang vi|en]',
    ]);
    expect(await listCalendarOverrides(t.db, { year: 2027 })).toHaveLength(1);
  });

  it('says when an option lacks its value', async () => {
    const r = await run(['calendar', 'add', '2027-02-27', '--note']);
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe('Tùy chọn --note cần một giá trị đi kèm (giá trị bắt đầu bằng dấu gạch ngang thì viết --note=giá-trị).');
    expect(await listCalendarOverrides(t.db, { year: 2027 })).toHaveLength(1);
  });

  it('takes --dry-run before the file, and refuses an option another command has', async () => {
    const dry = await run(['org', 'import', '--dry-run', new URL(SAMPLE_CSV).pathname]);
    expect(dry.code).toBe(0);
    expect(dry.out[0]).toBe('Tệp hợp lệ: 15 đơn vị, 47 cán bộ. Đây là chạy thử, chưa ghi gì vào hệ thống.');
    expect(await t.db.official.count()).toBe(0);

    expect((await cli(orgImportCommand, new URL(SAMPLE_CSV).pathname)).code).toBe(0);
    const typo = await cli(taskCreateCommand, '--by', 'PNV-01', '--to', 'PNV-03', '--titel', 'Rà soát', '--result', 'Báo cáo', '--deadline', '18/12');
    expect(typo.code).toBe(2);
    expect(typo.err[0]).toMatch(/^Tùy chọn --titel không có trong lệnh này/);
    expect(await t.db.task.count()).toBe(0);
  });
});
