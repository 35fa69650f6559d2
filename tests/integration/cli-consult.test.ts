// `npm run cli -- consult create …`: a request for opinion from a script, with the chat's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consultCreateCommand } from '../../src/cli/commands/consult-create.js';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('CLI: consult create', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  const cli = cliRunner(() => t);

  it('asks two officials with the default deadline of the priority, then opens the next round', async () => {
    expect((await cli(orgImportCommand, new URL(SAMPLE_CSV).pathname)).code).toBe(0);
    const first = await cli(
      consultCreateCommand,
      '--by',
      'VPUB-01',
      '--to',
      'PNV-01,TCKH-01',
      '--subject',
      'Lịch tiếp công dân quý I/2027',
      '--question',
      'Đề nghị cho ý kiến dự thảo lịch tiếp công dân.',
      '--priority',
      'high',
    );
    expect(first.err).toEqual([]);
    // HIGH: 1 working day from Monday 09:00.
    expect(first.out).toEqual(['YK-2026-0001\t09:00 08/12/2026\t2\t1']);
    const c = await t.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0001' }, include: { respondents: true } });
    expect([c.priority, c.respondents.length]).toEqual(['HIGH', 2]);
    expect(await t.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: c.id, state: 'ACTIVE' } })).toBe(2);

    const next = await cli(
      consultCreateCommand,
      '--by',
      'VPUB-01',
      '--to',
      'PNV-01',
      '--subject',
      'Lịch tiếp công dân quý I/2027',
      '--question',
      'Dự thảo đã sửa theo ý kiến Phòng Nội vụ.',
      '--deadline',
      '10/12 16:00',
      '--previous',
      'YK-2026-0001',
    );
    expect(next.out).toEqual(['YK-2026-0002\t16:00 10/12/2026\t1\t2']);
    expect((await t.db.consultation.findUniqueOrThrow({ where: { id: c.id } })).status).toBe('SUPERSEDED');
  });

  it('refuses what the chat refuses', async () => {
    const self = await cli(consultCreateCommand, '--by', 'VPUB-01', '--to', 'VPUB-01', '--subject', 'Việc gì đó', '--question', 'Nội dung gì đó');
    expect(self.code).toBe(1);
    expect(self.err[0]).toContain('Không thể tự xin ý kiến');
    const noQuestion = await cli(consultCreateCommand, '--by', 'VPUB-01', '--to', 'PNV-01', '--subject', 'Việc gì đó', '--question', '');
    expect(noQuestion.err[0]).toContain('rõ nội dung');
    const notMine = await cli(
      consultCreateCommand,
      '--by',
      'PNV-01',
      '--to',
      'TCKH-01',
      '--subject',
      'Lịch tiếp công dân',
      '--question',
      'Vòng tiếp theo',
      '--previous',
      'YK-2026-0002',
    );
    expect(notMine.err[0]).toContain('Chỉ người xin ý kiến YK-2026-0002');
    const unknown = await cli(consultCreateCommand, '--by', 'VPUB-01', '--to', 'XX-99', '--subject', 'Việc gì đó', '--question', 'Nội dung gì đó');
    expect(unknown.code).toBe(1);
    expect((await cli(consultCreateCommand, '--by', 'VPUB-01')).code).toBe(2);
    expect(await t.db.consultation.count()).toBe(2);
  });
});
