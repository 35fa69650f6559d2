// `npm run cli -- notice create …`: a quán triệt notice with its document from disk, with the chat's rules.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noticeCreateCommand } from '../../src/cli/commands/notice-create.js';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

describe('CLI: notice create', () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), 'dd-notice-'));
  });
  afterAll(async () => {
    await t.drop();
  });

  const cli = cliRunner(() => t);

  it("sends to the sender's subtree with the document kept in the database and a clock per recipient", async () => {
    expect((await cli(orgImportCommand, new URL(SAMPLE_CSV).pathname)).code).toBe(0);
    const pdf = path.join(dir, 'ke-hoach-56.pdf');
    await writeFile(pdf, '%PDF-1.4 Kế hoạch 56');
    const r = await cli(
      noticeCreateCommand,
      '--by',
      'PNV-01',
      '--subtree',
      '--title',
      'Kế hoạch thực hiện Chỉ thị 56',
      '--summary',
      'Quán triệt đến từng cán bộ, công chức.',
      '--file',
      pdf,
    );
    expect(r.err).toEqual([]);
    // Three working days from Monday 09:00; two recipients, none linked to a chat.
    expect(r.out).toEqual(['QT-2026-0001\t09:00 10/12/2026\t2\t2']);
    const n = await t.db.notice.findFirstOrThrow({ where: { code: 'QT-2026-0001' }, include: { recipients: true } });
    expect([n.documentName, n.documentMime, n.documentSize]).toEqual(['ke-hoach-56.pdf', 'application/pdf', Buffer.byteLength('%PDF-1.4 Kế hoạch 56')]);
    expect(await t.db.clock.count({ where: { itemKind: 'NOTICE', itemId: n.id, kind: 'NOTICE_CONFIRM', state: 'ACTIVE' } })).toBe(2);
  });

  it('refuses what the chat refuses, and writes nothing', async () => {
    const txt = path.join(dir, 'ghi-chu.txt');
    await writeFile(txt, 'không phải PDF');
    const wrongType = await cli(noticeCreateCommand, '--by', 'PNV-01', '--subtree', '--title', 'Kế hoạch', '--summary', 'Tóm tắt nội dung.', '--file', txt);
    expect(wrongType.code).toBe(1);
    expect(wrongType.err[0]).toContain('không phải PDF hay DOCX');
    const outside = await cli(noticeCreateCommand, '--by', 'PNV-01', '--units', 'TCKH', '--title', 'Kế hoạch', '--summary', 'Tóm tắt nội dung.');
    expect(outside.err[0]).toContain('ngoài phạm vi đồng chí phụ trách');
    const member = await cli(noticeCreateCommand, '--by', 'PNV-03', '--subtree', '--title', 'Kế hoạch', '--summary', 'Tóm tắt nội dung.');
    expect(member.err[0]).toContain('Chỉ cấp trưởng, cấp phó');
    expect((await cli(noticeCreateCommand, '--by', 'PNV-01')).code).toBe(2);
    expect(await t.db.notice.count()).toBe(1);
  });
});
