import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../src/cli/commands/audit-verify.js';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { taskCreateCommand } from '../../src/cli/commands/task-create.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('CLI: task create and audit verify', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const cli = cliRunner(() => t);

  it('imports, then creates a task from a script with the chat rules', async () => {
    const path = new URL(SAMPLE_CSV).pathname;
    expect((await cli(orgImportCommand, path)).code).toBe(0);
    await readFile(path);
    const ok = await cli(
      taskCreateCommand,
      '--by',
      'PNV-01',
      '--to',
      'PNV-03',
      '--title',
      'Rà soát biên chế năm 2027',
      '--result',
      'Báo cáo rà soát',
      '--deadline',
      '18/12 16:00',
      '--priority',
      'high',
    );
    expect(ok.err).toEqual([]);
    expect(ok.code).toBe(0);
    expect(ok.out[0]).toMatch(/^NV-2026-0001\tLê Văn Toàn\t16:00 18\/12\/2026$/);
    const task = await t.db.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(task.priority).toBe('HIGH');
    expect(await t.db.clock.count({ where: { itemId: task.id, kind: 'TASK_ACCEPT', state: 'ACTIVE' } })).toBe(1);
  });

  it('refuses what the chat refuses: no result, out of reach, a past deadline, bad usage', async () => {
    const noResult = await cli(taskCreateCommand, '--by', 'PNV-01', '--to', 'PNV-03', '--title', 'Việc gì đó', '--result', '', '--deadline', '18/12');
    expect(noResult.code).toBe(1);
    expect(noResult.err[0]).toContain('rõ kết quả');
    const reach = await cli(taskCreateCommand, '--by', 'PNV-03', '--to', 'PNV-01', '--title', 'Việc ngược', '--result', 'Kết quả', '--deadline', '18/12');
    expect(reach.err[0]).toContain('không có thẩm quyền');
    const past = await cli(taskCreateCommand, '--by', 'PNV-01', '--to', 'PNV-03', '--title', 'Việc cũ', '--result', 'Kết quả', '--deadline', '01/01/2026');
    expect(past.code).toBe(1);
    expect((await cli(taskCreateCommand, '--by', 'PNV-01')).code).toBe(2);
    expect(await t.db.task.count()).toBe(1);
  });

  it('verifies the audit chain, and finds an edited row', async () => {
    const ok = await cli(auditVerifyCommand);
    expect(ok.code).toBe(0);
    expect(ok.out[0]).toMatch(/audit log intact: \d+ rows verified/);
    const row = await t.db.auditLog.findFirstOrThrow({ where: { action: 'task.created' } });
    await t.db.$executeRaw`UPDATE audit_log SET data = jsonb_set(data, '{priority}', '"NORMAL"') WHERE id = ${row.id}`;
    const broken = await cli(auditVerifyCommand);
    expect(broken.code).toBe(1);
    expect(broken.err[0]).toContain(`row ${row.id}`);
  });
});
