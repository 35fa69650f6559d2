// Text from users and from the organisation file cannot forge or hide content, cannot carry what PostgreSQL refuses
// (NUL), and is counted and cut in user-perceived characters, never between the halves of an emoji (issues 9.7,
// 19.1, 19.2). Each case is a few chat messages on a fresh sample district, through the real webhook and workers.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { createHarness, SAMPLE_CSV, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { zaloUser } from '../support/zalo-user.js';

const at = (local: string) => new Date(`${local}+07:00`);

const INTERNAL_ERROR = 'Hệ thống đang gặp sự cố';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_OR_INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

/** Every text the Telegram stand-in received, in every chat. */
function everythingSent(h: Harness): string[] {
  return h.tg.calls
    .filter((c) => c.outcome.ok && ['sendMessage', 'sendPhoto', 'sendDocument'].includes(c.method))
    .flatMap((c) => {
      const markup = c.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
      return [String(c.params.text ?? c.params.caption ?? ''), ...(markup?.inline_keyboard ?? []).flat().map((b) => b.text)];
    });
}

describe('hostile text from chat and from the organisation file', () => {
  let h: Harness;
  let head: TelegramUser; // BTC-01 Phan Thị Thu, head of Ban Tổ chức
  let an: TelegramUser; // BTC-03 Nguyễn Văn An
  let anh: TelegramUser; // BTC-04 Lê Thị Ngọc Ánh

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    // The sample district, with a right-to-left override and invisible characters typed into BTC-04's name and title.
    const csv = (await readFile(SAMPLE_CSV, 'utf8')).replace('Lê Thị Ngọc Ánh,Chuyên viên', 'Lê Thị \u202EhnÁ cọgN\u202C,\u200BChuyên\u2066 viên\u2069');
    const r = await importOrganisation(h.app, { file: csv, now: h.timeSource.now(), source: 'hostile.csv' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    h.app.invalidate();
    head = telegramUser(h, await h.link('BTC-01', 9001));
    an = telegramUser(h, await h.link('BTC-03', 9003));
    anh = telegramUser(h, await h.link('BTC-04', 9004));
  });
  afterAll(async () => {
    await h?.close();
  });

  afterEach(() => {
    for (const text of everythingSent(h)) expect(text).not.toMatch(LONE_SURROGATE);
  });

  /** /giaoviec to BTC-03 up to the confirmation, with the given title and expected result. */
  async function assignUpToConfirm(title: string, result: string): Promise<void> {
    await head.command('giaoviec');
    await head.say('BTC-03');
    expect(head.last()).toContain('bước 2/5');
    await head.say(title);
    expect(head.last()).toContain('bước 3/5');
    await head.say(result);
    expect(head.last()).toContain('bước 4/5');
    await head.say('18/12 16:00');
    await head.press('Thường');
  }

  it("a decline reason with line breaks cannot put a forged task block into the head's message", async () => {
    const task = await h.give('BTC-01', 'BTC-03', { title: 'Rà soát hồ sơ đảng viên', deadline: at('2026-12-18T17:00:00') });
    await an.press('Từ chối');
    const forged = [
      'Không thuộc chức trách của tôi.',
      '',
      '📌 Nhiệm vụ mới NV-2026-9999',
      'Người giao: đ/c Lương Văn Khải, Chủ tịch UBND huyện',
      'Nội dung: Chuyển ngay hồ sơ cho người mang tin nhắn này',
      'Thời hạn: 17:00 07/12/2026 · Mức độ: Khẩn',
    ].join('\n');
    await an.say(forged);
    expect(an.last()).toContain('Đã gửi ý kiến từ chối');
    const notice = head.last();
    expect(notice).toContain(`↩️ ${task.code} bị từ chối`);
    const lines = notice.split('\n');
    // No line of the head's message starts the way the bot's own lines do: every line of the reason is set apart.
    expect(lines.filter((l) => /^(📌|Người giao:|Nội dung:|Thời hạn:)/u.test(l))).toEqual([]);
    for (const quoted of ['📌 Nhiệm vụ mới NV-2026-9999', 'Người giao: đ/c Lương Văn Khải, Chủ tịch UBND huyện']) {
      const line = lines.find((l) => l.includes(quoted));
      expect(line, quoted).toMatch(/^\s+┃ /u);
    }
    // The reason is kept as typed, line breaks and all.
    const row = await h.db.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: 'DECLINED' } });
    expect(JSON.stringify(row)).toContain('📌 Nhiệm vụ mới NV-2026-9999');
  });

  it('a title of only zero-width characters is refused as missing ("rõ việc")', async () => {
    await head.command('giaoviec');
    await head.say('BTC-03');
    await head.say('\u200B\u200C\u200D\u2060\uFEFF\u200B');
    expect(head.last()).toContain('rõ nội dung công việc (rõ việc)');
    // Two letters hidden among invisible ones are two letters, not enough either.
    await head.say('\u200Bv\u200Ci\u200D\u200D\u200D');
    expect(head.last()).toContain('rõ nội dung công việc (rõ việc)');
    await head.command('huy');
  });

  it('a bidi override or an invisible character in a name from the CSV is not stored nor sent', async () => {
    const o = await h.db.db.official.findUniqueOrThrow({ where: { code: 'BTC-04' } });
    expect(o.fullName).toBe('Lê Thị hnÁ cọgN');
    expect(o.title).toBe('Chuyên viên');
    await h.give('BTC-01', 'BTC-04', { title: 'Cập nhật danh sách cán bộ', deadline: at('2026-12-18T17:00:00') });
    await anh.press('Nhận việc');
    const notice = head.last();
    expect(notice).toContain('đ/c Lê Thị hnÁ cọgN, Chuyên viên đã nhận nhiệm vụ');
    expect(notice).not.toMatch(BIDI_OR_INVISIBLE);
  });

  it('a NUL character in a /giaoviec title is removed, and the task is assigned', async () => {
    await assignUpToConfirm('Tổng hợp\u0000 báo cáo quý IV', 'Báo cáo\u0000 gửi Ban Thường vụ');
    expect(head.last()).not.toContain(INTERNAL_ERROR);
    await head.press('Giao việc');
    expect(head.last()).toContain('✅ Đã giao nhiệm vụ');
    const task = await h.db.db.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(task.title).toBe('Tổng hợp báo cáo quý IV');
    expect(task.expectedResult).toBe('Báo cáo gửi Ban Thường vụ');
  });

  it('an expected result of 498 letters and 2 emoji (502 UTF-16 units) is assigned and shown whole', async () => {
    const result = `${'a'.repeat(498)}🔥🔥`;
    await assignUpToConfirm('Chuẩn bị hội nghị sơ kết', result);
    expect(head.last()).toContain(result);
    await head.press('Giao việc');
    expect(head.last()).toContain('✅ Đã giao nhiệm vụ');
    expect(an.last()).toContain(`Kết quả cần đạt: ${result}`);
  });

  it('an expected result of 251 × 🔥 is assigned; the quoted text is cut between emoji, never inside one', async () => {
    const result = '🔥'.repeat(251);
    await assignUpToConfirm('Chuẩn bị hội nghị tổng kết', result);
    await head.press('Giao việc');
    expect(head.last()).toContain('✅ Đã giao nhiệm vụ');
    const task = await h.db.db.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(task.expectedResult).toBe(result);
    expect(an.last()).toContain('🔥'.repeat(251));
  });

  it('a title is counted in characters as people see them: 300 emoji fit, 301 do not', async () => {
    await head.command('giaoviec');
    await head.say('BTC-03');
    await head.say('🔥'.repeat(301));
    expect(head.last()).toContain('tối đa 300 ký tự');
    await head.say('👩🏽‍💻'.repeat(300)); // 300 characters of 7 code points each
    expect(head.last()).toContain('bước 3/5');
    await head.command('huy');
  });

  it('a consultation whose subject is 198 letters and 2 emoji can be answered with /dongy', async () => {
    const subject = `${'b'.repeat(198)}🔥🔥`;
    await anh.command('xinykien');
    await anh.say('BTC-03');
    await anh.press('Xong');
    await anh.say(subject);
    expect(anh.last()).toContain('bước 3/6');
    await anh.say('Đề nghị cho ý kiến về phương án tổ chức hội nghị.');
    await anh.press('Thường');
    await anh.press('Mặc định');
    await anh.press('Bỏ qua');
    await anh.press('Gửi xin ý kiến');
    expect(anh.last()).toContain('✅ Đã gửi xin ý kiến');
    const c = await h.db.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(c.subject).toBe(subject);
    await an.command('dongy', c.code);
    expect(an.last()).not.toContain(INTERNAL_ERROR);
    expect(an.last()).toContain(`✅ Đã ghi nhận ý kiến "Đồng ý" của đồng chí về ${c.code}`);
    const r = await h.db.db.consultationRespondent.findFirstOrThrow({ where: { consultationId: c.id } });
    expect(r.stance).toBe('AGREE');
    expect(anh.last()).toContain(subject);
  });

  it('a NUL character in free text sent to an open consultation is removed and the text recorded', async () => {
    const c = await h.db.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    // A fresh consultation from BTC-03 to BTC-04, left open.
    await an.command('xinykien');
    await an.say('BTC-04');
    await an.press('Xong');
    await an.say('Phương án bố trí phòng họp');
    await an.say('Đề nghị cho ý kiến về việc dùng phòng họp tầng 2.');
    await an.press('Thường');
    await an.press('Mặc định');
    await an.press('Bỏ qua');
    await an.press('Gửi xin ý kiến');
    const open = await h.db.db.consultation.findFirstOrThrow({ where: { id: { gt: c.id } } });
    await anh.say('Đã nhận,\u0000 sẽ xem xét');
    expect(anh.last()).not.toContain(INTERNAL_ERROR);
    expect(anh.last()).toContain(`Đã ghi nhận nội dung đồng chí gửi về ${open.code}`);
    const entry = await h.db.db.consultationEntry.findFirstOrThrow({ where: { consultationId: open.id, kind: 'FREE_TEXT' } });
    expect(entry.text).toBe('Đã nhận, sẽ xem xét');
    expect(an.last()).toContain('Đã nhận, sẽ xem xét');
  });

  it('a long question full of emoji reaches a Zalo respondent in parts of at most 2000 units, no emoji cut in half', async () => {
    const deputy = zaloUser(h, 'thang');
    await h.linkZalo('BTC-02', deputy.id);
    const question = `Phương án ${'🔥'.repeat(1390)} ${'👩🏽‍💻'.repeat(150)} hết.`;
    await anh.command('xinykien');
    await anh.say('BTC-02');
    await anh.press('Xong');
    await anh.say('Phương án hội nghị');
    await anh.say(question);
    await anh.press('Thường');
    await anh.press('Mặc định');
    await anh.press('Bỏ qua');
    await anh.press('Gửi xin ý kiến');
    const parts = h.zalo
      .callsTo('sendMessage')
      .filter((c) => c.outcome.ok)
      .map((c) => String(c.params.text));
    const shown = parts.join('');
    expect(shown).toContain('🔥'.repeat(1390));
    expect(shown).toContain('👩🏽‍💻'.repeat(150));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p).not.toMatch(LONE_SURROGATE);
    }
    const c = await h.db.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await deputy.command('dongy', c.code);
    expect(deputy.last()).toContain(`Đã ghi nhận ý kiến "Đồng ý"`);
  });
});
