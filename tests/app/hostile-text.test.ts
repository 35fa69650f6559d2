// Text from users and from the organisation file cannot forge or hide content, cannot carry what PostgreSQL refuses
// (NUL), and is counted and cut in user-perceived characters, never between the halves of an emoji (issues 9.7,
// 19.1, 19.2). In process (tests/support/app-fixture.ts): each case on its own copy of the sample district, so one
// failure hides nothing else. The Zalo split of a long text stays in tests/e2e/hostile-text.test.ts.
import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`);
const SAMPLE_CSV = new URL('../../samples/huyen-mau.csv', import.meta.url);

const INTERNAL_ERROR = 'Hệ thống đang gặp sự cố';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_OR_INVISIBLE = /[\u0000-\u0008\u000B-\u001F\u007F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

async function cast(fx: AppFixture) {
  return {
    head: await fx.person('BTC-01'), // Phan Thị Thu, head of Ban Tổ chức
    an: await fx.person('BTC-03'), // Nguyễn Văn An
    anh: await fx.person('BTC-04'), // Lê Thị Ngọc Ánh
  };
}

/** Every text and button label these chats received: none may hold half an emoji. */
function expectNoHalfEmoji(...people: FixturePerson[]): void {
  for (const p of people)
    for (const line of p.lines()) for (const text of [line.text, ...line.buttons.map((b) => b.label)]) expect(text).not.toMatch(LONE_SURROGATE);
}

/** /giaoviec to BTC-03 up to the confirmation, with the given title and expected result. */
async function assignUpToConfirm(head: FixturePerson, title: string, result: string): Promise<void> {
  await head.say('/giaoviec');
  await head.say('BTC-03');
  expect(head.last()).toContain('bước 2/5');
  await head.say(title);
  expect(head.last()).toContain('bước 3/5');
  await head.say(result);
  expect(head.last()).toContain('bước 4/5');
  await head.say('18/12 16:00');
  await head.press('Thường');
}

/** `asker` asks `respondent` (by code) through /xinykien with the given subject and question, default choices. */
async function ask(asker: FixturePerson, respondent: string, subject: string, question: string): Promise<void> {
  await asker.say('/xinykien');
  await asker.say(respondent);
  await asker.press('Xong');
  await asker.say(subject);
  expect(asker.last()).toContain('bước 3/6');
  await asker.say(question);
  await asker.press('Thường');
  await asker.press('Mặc định');
  await asker.press('Bỏ qua');
  await asker.press('Gửi xin ý kiến');
  expect(asker.last()).toContain('✅ Đã gửi xin ý kiến');
}

describe('hostile text from chat and from the organisation file', () => {
  test("a decline reason with line breaks cannot put a forged task block into the head's message", async ({ fx }) => {
    const { head, an } = await cast(fx);
    const task = await fx.give('BTC-01', 'BTC-03', { title: 'Rà soát hồ sơ đảng viên', deadline: at('2026-12-18T17:00:00') });
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
    const row = await fx.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: 'DECLINED' } });
    expect(JSON.stringify(row)).toContain('📌 Nhiệm vụ mới NV-2026-9999');
    expectNoHalfEmoji(head, an);
  });

  test('a title of only zero-width characters is refused as missing ("rõ việc")', async ({ fx }) => {
    const { head } = await cast(fx);
    await head.say('/giaoviec');
    await head.say('BTC-03');
    await head.say('\u200B\u200C\u200D\u2060\uFEFF\u200B');
    expect(head.last()).toContain('rõ nội dung công việc (rõ việc)');
    // Two letters hidden among invisible ones are two letters, not enough either.
    await head.say('\u200Bv\u200Ci\u200D\u200D\u200D');
    expect(head.last()).toContain('rõ nội dung công việc (rõ việc)');
    await head.say('/huy');
    expectNoHalfEmoji(head);
  });

  test('a bidi override or an invisible character in a name from the CSV is not stored nor sent', async ({ fx }) => {
    // The sample district imported again, with a right-to-left override and invisible characters typed into BTC-04's
    // name and title.
    const csv = (await readFile(SAMPLE_CSV, 'utf8')).replace('Lê Thị Ngọc Ánh,Chuyên viên', 'Lê Thị \u202EhnÁ cọgN\u202C,\u200BChuyên\u2066 viên\u2069');
    const r = await importOrganisation(fx.app, { file: csv, now: fx.time.now(), source: 'hostile.csv' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    fx.app.invalidate();
    const { head, anh } = await cast(fx);
    const o = await fx.db.official.findFirstOrThrow({ where: { code: 'BTC-04' } });
    expect(o.fullName).toBe('Lê Thị hnÁ cọgN');
    expect(o.title).toBe('Chuyên viên');
    await fx.give('BTC-01', 'BTC-04', { title: 'Cập nhật danh sách cán bộ', deadline: at('2026-12-18T17:00:00') });
    await anh.press('Nhận việc');
    const notice = head.last();
    expect(notice).toContain('đ/c Lê Thị hnÁ cọgN, Chuyên viên đã nhận nhiệm vụ');
    expect(notice).not.toMatch(BIDI_OR_INVISIBLE);
    expectNoHalfEmoji(head, anh);
  });

  test('a NUL character in a /giaoviec title is removed, and the task is assigned', async ({ fx }) => {
    const { head } = await cast(fx);
    await assignUpToConfirm(head, 'Tổng hợp\u0000 báo cáo quý IV', 'Báo cáo\u0000 gửi Ban Thường vụ');
    expect(head.last()).not.toContain(INTERNAL_ERROR);
    await head.press('Giao việc');
    expect(head.last()).toContain('✅ Đã giao nhiệm vụ');
    const task = await fx.db.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(task.title).toBe('Tổng hợp báo cáo quý IV');
    expect(task.expectedResult).toBe('Báo cáo gửi Ban Thường vụ');
    expectNoHalfEmoji(head);
  });

  test('an expected result of 498 letters and 2 emoji (502 UTF-16 units) is assigned and shown whole', async ({ fx }) => {
    const { head, an } = await cast(fx);
    const result = `${'a'.repeat(498)}🔥🔥`;
    await assignUpToConfirm(head, 'Chuẩn bị hội nghị sơ kết', result);
    expect(head.last()).toContain(result);
    await head.press('Giao việc');
    expect(head.last()).toContain('✅ Đã giao nhiệm vụ');
    expect(an.last()).toContain(`Kết quả cần đạt: ${result}`);
    expectNoHalfEmoji(head, an);
  });

  test('an expected result of 251 × 🔥 is assigned; the quoted text is cut between emoji, never inside one', async ({ fx }) => {
    const { head, an } = await cast(fx);
    const result = '🔥'.repeat(251);
    await assignUpToConfirm(head, 'Chuẩn bị hội nghị tổng kết', result);
    await head.press('Giao việc');
    expect(head.last()).toContain('✅ Đã giao nhiệm vụ');
    const task = await fx.db.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(task.expectedResult).toBe(result);
    expect(an.last()).toContain('🔥'.repeat(251));
    expectNoHalfEmoji(head, an);
  });

  test('a title is counted in characters as people see them: 300 emoji fit, 301 do not', async ({ fx }) => {
    const { head } = await cast(fx);
    await head.say('/giaoviec');
    await head.say('BTC-03');
    await head.say('🔥'.repeat(301));
    expect(head.last()).toContain('tối đa 300 ký tự');
    await head.say('👩🏽‍💻'.repeat(300)); // 300 characters of 7 code points each
    expect(head.last()).toContain('bước 3/5');
    await head.say('/huy');
    expectNoHalfEmoji(head);
  });

  test('a consultation whose subject is 198 letters and 2 emoji can be answered with /dongy', async ({ fx }) => {
    const { an, anh } = await cast(fx);
    const subject = `${'b'.repeat(198)}🔥🔥`;
    await ask(anh, 'BTC-03', subject, 'Đề nghị cho ý kiến về phương án tổ chức hội nghị.');
    const c = await fx.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(c.subject).toBe(subject);
    await an.say(`/dongy ${c.code}`);
    expect(an.last()).not.toContain(INTERNAL_ERROR);
    expect(an.last()).toContain(`✅ Đã ghi nhận ý kiến "Đồng ý" của đồng chí về ${c.code}`);
    const r = await fx.db.consultationRespondent.findFirstOrThrow({ where: { consultationId: c.id } });
    expect(r.stance).toBe('AGREE');
    expect(anh.last()).toContain(subject);
    expectNoHalfEmoji(an, anh);
  });

  test('a NUL character in free text sent to an open consultation is removed and the text recorded', async ({ fx }) => {
    const { an, anh } = await cast(fx);
    // A consultation from BTC-03 to BTC-04, left open.
    await ask(an, 'BTC-04', 'Phương án bố trí phòng họp', 'Đề nghị cho ý kiến về việc dùng phòng họp tầng 2.');
    const open = await fx.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await anh.say('Đã nhận,\u0000 sẽ xem xét');
    expect(anh.last()).not.toContain(INTERNAL_ERROR);
    expect(anh.last()).toContain(`Đã ghi nhận nội dung đồng chí gửi về ${open.code}`);
    const entry = await fx.db.consultationEntry.findFirstOrThrow({ where: { consultationId: open.id, kind: 'FREE_TEXT' } });
    expect(entry.text).toBe('Đã nhận, sẽ xem xét');
    expect(an.last()).toContain('Đã nhận, sẽ xem xét');
    expectNoHalfEmoji(an, anh);
  });
});
