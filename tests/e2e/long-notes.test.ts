import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';
import { ZALO_TEXT_LIMIT } from '../../src/channels/zalo/types.js';
import { QUOTE_PREFIX } from '../../src/domain/text/quote.js';

// A long progress note (issue 13, point 3): 1,910 characters of twenty lines, one per party cell, reach the assigner
// whole (on Zalo in messages cut at line breaks, on Telegram in one), and the task card shows the latest note.
function longNote(): string {
  const lines = Array.from(
    { length: 20 },
    (_, i) => `${String(i + 1).padStart(2, '0')}. Chi bộ số ${i + 1}: đã rà soát danh sách đảng viên, hồ sơ chuyển sinh hoạt`,
  );
  let text = lines.join('\n');
  // Pad the last line to exactly 1,910 characters, as the note that was cut.
  text += ' và biên bản họp chi bộ tháng mười một năm hai nghìn không trăm hai mươi sáu, kèm danh sách ký xác nhận đầy đủ'.repeat(8);
  return text.slice(0, 1910).trimEnd();
}

/** The note's lines as the assigner reads them (each behind the quote bar). */
const quoted = (note: string) => note.split('\n').map((l) => `${QUOTE_PREFIX}${l}`.trimEnd());

describe('a long progress note', () => {
  let h: Harness;
  const note = longNote();

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('is 1,910 characters long', () => {
    expect(note.length).toBeGreaterThan(1890);
    expect(note.split('\n')).toHaveLength(20);
  });

  it('reaches an assigner on Zalo whole, in messages split at line breaks, and the card shows it', async () => {
    const head: ZaloUser = zaloUser(h, 'head-notes');
    await h.linkZalo('TCKH-01', head.id);
    const member: ZaloUser = zaloUser(h, 'member-notes');
    await h.linkZalo('TCKH-03', member.id);
    const task = await h.give('TCKH-01', 'TCKH-03', { title: 'Rà soát hồ sơ đảng viên các chi bộ', deadline: new Date('2026-12-18T10:00:00Z') });
    await member.command('nhan', task.code);
    await member.command('baocao', task.code);
    await member.say('60');
    const before = head.texts().length;
    await member.say(note);
    const got = head.since(before);
    for (const part of got) expect(part.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
    const lines = got.join('\n').split('\n');
    for (const line of quoted(note)) expect(lines).toContain(line);
    expect(got.join('\n')).toContain(`📈 Báo cáo tiến độ ${task.code}: 60%`);

    const beforeCard = head.texts().length;
    await head.command('xem', task.code);
    const card = head.since(beforeCard).join('\n');
    expect(card).toContain('Tiến độ: 60%');
    for (const line of quoted(note)) expect(card.split('\n')).toContain(line);
  });

  it('reaches an assigner on Telegram whole, in one message', async () => {
    const head: TelegramUser = telegramUser(h, await h.link('TNMT-01', 5101));
    const member: TelegramUser = telegramUser(h, await h.link('TNMT-03', 5102));
    const task = await h.give('TNMT-01', 'TNMT-03', { title: 'Tổng hợp báo cáo văn hóa cơ sở', deadline: new Date('2026-12-18T10:00:00Z') });
    await member.command('nhan', task.code);
    await member.command('baocao', task.code);
    await member.say('30');
    const before = head.texts().length;
    await member.say(note);
    const got = head.since(before);
    const notice = got.find((t) => t.startsWith(`📈 Báo cáo tiến độ ${task.code}`))!;
    expect(notice.length).toBeLessThanOrEqual(4096);
    for (const line of quoted(note)) expect(notice.split('\n')).toContain(line);
  });
});
