// Every field a person fills in, in chat or in the organisation file, goes through the one sanitiser before any rule
// and before PostgreSQL (issues 9.7, 19.1): NUL and other control characters, bidi controls and zero-width characters
// typed into each of them are gone from what is stored and from every message sent, and no step answers with the
// internal error.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, SAMPLE_CSV, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { command, user } from '../support/updates.js';

const at = (local: string) => new Date(`${local}+07:00`);

/** `text` as a hostile keyboard or a copy-paste delivers it: NUL, a bell, bidi isolates, zero-width space, a BOM. */
const dirty = (text: string) => `\u0000\u200B${text.split(' ').join(' \u2066')}\u2069\u0007\uFEFF`;
/** What must never be stored nor sent. PostgreSQL cannot store NUL: a NUL that got through is an internal error. */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
const INTERNAL_ERROR = 'Hệ thống đang gặp sự cố';

function everythingSent(h: Harness): string[] {
  return h.tg.calls
    .filter((c) => c.outcome.ok && ['sendMessage', 'sendPhoto', 'sendDocument'].includes(c.method))
    .flatMap((c) => {
      const markup = c.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
      return [String(c.params.text ?? c.params.caption ?? ''), ...(markup?.inline_keyboard ?? []).flat().map((b) => b.text)];
    });
}

describe('the one sanitiser on every stored field', () => {
  let h: Harness;
  let head: TelegramUser; // BTC-01
  let an: TelegramUser; // BTC-03
  let anh: TelegramUser; // BTC-04

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    const csv = (await readFile(SAMPLE_CSV, 'utf8'))
      .replace('Nguyễn Văn An,Chuyên viên', `${dirty('Nguyễn Văn An')},${dirty('Chuyên viên')}`)
      .replace('Ban Tổ chức Huyện ủy,HU,BTC-03', `${dirty('Ban Tổ chức Huyện ủy')},HU,BTC-03`);
    const r = await importOrganisation(h.app, { file: csv, now: h.timeSource.now(), source: 'dirty.csv' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    h.app.invalidate();
    head = telegramUser(h, await h.link('BTC-01', 9101));
    // A display name as a client may send it.
    const invite = await issueInvite(h.app, { officialCode: 'BTC-03', now: h.timeSource.now() });
    expect(await h.post(command(user(9103, { firstName: dirty('An'), lastName: '\u202Enguyễn' }), '/start', invite.code))).toBe(200);
    an = telegramUser(h, 9103);
    anh = telegramUser(h, await h.link('BTC-04', 9104));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the organisation file and the display name', async () => {
    const o = await h.db.db.official.findUniqueOrThrow({ where: { code: 'BTC-03' }, include: { unit: true } });
    expect([o.fullName, o.title, o.unit.name]).toEqual(['Nguyễn Văn An', 'Chuyên viên', 'Ban Tổ chức Huyện ủy']);
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { externalUserId: '9103' } });
    expect(identity.displayName).toBe('An nguyễn');
  });

  it('a task: title, result, decline by item command, cancel reason', async () => {
    await head.command('giaoviec');
    await head.say(dirty('BTC-03'));
    await head.say(dirty('Tổng hợp báo cáo quý IV'));
    await head.say(dirty('Báo cáo gửi Ban Thường vụ'));
    await head.say('18/12 16:00');
    await head.press('Thường');
    await head.press('Giao việc');
    const task = await h.db.db.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([task.title, task.expectedResult]).toEqual(['Tổng hợp báo cáo quý IV', 'Báo cáo gửi Ban Thường vụ']);
    await an.command('tuchoi', `${task.code} ${dirty('Việc thuộc Văn phòng')}`);
    expect(an.last()).toContain('Đã gửi ý kiến từ chối');
    await head.press('Hủy nhiệm vụ');
    await head.say(dirty('Giao lại cho Văn phòng'));
    const events = await h.db.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.reason).filter(Boolean)).toEqual(['Việc thuộc Văn phòng', 'Giao lại cho Văn phòng']);
  });

  it('a task at work: progress note as a photo caption, extension reason, result, reopen reason', async () => {
    const task = await h.give('BTC-01', 'BTC-03', { title: 'Rà soát hồ sơ', deadline: at('2026-12-18T17:00:00') });
    await an.press('Nhận việc');
    await an.command('baocao');
    await an.press('50%');
    await an.photo('AgACAgIAAxkBAAIBdirty', dirty('Đã rà soát 3/7 chi bộ'));
    await an.press('Xin gia hạn');
    await an.say('22/12 16:00');
    await an.say(dirty('Chờ hồ sơ các xã'));
    await an.press('Báo cáo hoàn thành');
    await an.say(dirty('Đã rà soát xong'));
    await head.press('Trả lại');
    await head.say(dirty('Bổ sung danh sách'));
    const events = await h.db.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.note ?? e.reason).filter(Boolean)).toEqual([
      'Đã rà soát 3/7 chi bộ',
      'Chờ hồ sơ các xã',
      'Đã rà soát xong',
      'Bổ sung danh sách',
    ]);
    const ext = await h.db.db.extensionRequest.findFirstOrThrow({ where: { taskId: task.id } });
    expect(ext.reason).toBe('Chờ hồ sơ các xã');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).resultNote).toBe('Đã rà soát xong');
  });

  it('a consultation: subject, question, clarification and its reply, a reason to disagree, free text, the decision', async () => {
    await an.command('xinykien');
    await an.say('BTC-04');
    await an.press('Xong');
    await an.say(dirty('Phương án phòng họp'));
    await an.say(dirty('Dùng phòng họp tầng 2 được không?'));
    await an.press('Thường');
    await an.press('Mặc định');
    await an.press('Bỏ qua');
    await an.press('Gửi xin ý kiến');
    const c = await h.db.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([c.subject, c.question]).toEqual(['Phương án phòng họp', 'Dùng phòng họp tầng 2 được không?']);
    await anh.say(dirty('Đã nhận'));
    await anh.press('Xin làm rõ');
    await anh.say(dirty('Buổi sáng hay chiều?'));
    await an.press('Trả lời câu hỏi làm rõ');
    await an.say(dirty('Buổi sáng'));
    await anh.press('Không đồng ý');
    await anh.say(dirty('Phòng đang sửa'));
    await an.press('Kết luận');
    await an.say(dirty('Dùng phòng tầng 3'));
    const entries = await h.db.db.consultationEntry.findMany({ where: { consultationId: c.id }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => e.text).filter(Boolean)).toEqual(['Đã nhận', 'Buổi sáng hay chiều?', 'Buổi sáng', 'Phòng đang sửa']);
    const closed = await h.db.db.consultation.findUniqueOrThrow({ where: { id: c.id } });
    expect(closed.decision).toBe('Dùng phòng tầng 3');
  });

  it("a demand for explanation, a signal recorded by hand, a review reason and the person's explanation", async () => {
    await h.setTime('2026-12-08T02:00:00Z');
    const task = await h.give('BTC-01', 'BTC-04', { title: 'Báo cáo nhanh', deadline: at('2026-12-08T11:00:00'), priority: 'URGENT' });
    await acceptTask(h.app, OfficialId(await h.officialId('BTC-04')), task.id);
    await h.setTime('2026-12-08T05:00:00Z');
    await head.pressData(encodeAction('task.view', task.id));
    await head.press('Yêu cầu giải trình');
    await head.say(dirty('Vì sao chưa có báo cáo?'));
    await anh.press('Giải trình');
    await anh.say(dirty('Chờ số liệu'));
    const demand = await h.db.db.explanationDemand.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([demand.question, demand.answer]).toEqual(['Vì sao chưa có báo cáo?', 'Chờ số liệu']);

    await head.command('canhbao');
    await head.press('Ghi nhận dấu hiệu khác');
    await head.say('BTC-04');
    await head.press('(7)');
    await head.press('Bỏ qua');
    await head.say(dirty('Viện dẫn hướng dẫn cũ'));
    const manual = await h.db.db.signal.findFirstOrThrow({ where: { rule: 'manual-7' } });
    expect(manual.note).toBe('Viện dẫn hướng dẫn cũ');

    const pending = await h.db.db.signal.findFirstOrThrow({ where: { status: 'PENDING', officialId: await h.officialId('BTC-04') } });
    await head.pressData(encodeAction('signal.confirm', pending.id));
    await head.say(dirty('Quá hạn không báo cáo'));
    await anh.pressData(encodeAction('signal.explain', pending.id));
    await anh.say(dirty('Đã báo cáo miệng'));
    const reviewed = await h.db.db.signal.findUniqueOrThrow({ where: { id: pending.id } });
    expect([reviewed.reviewReason, reviewed.explanation]).toEqual(['Quá hạn không báo cáo', 'Đã báo cáo miệng']);
  });

  it('nothing forbidden is stored in any text column, and nothing forbidden was sent; no step failed', async () => {
    const columns = await h.db.db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying', 'jsonb') AND table_name <> '_prisma_migrations'`;
    expect(columns.length).toBeGreaterThan(20);
    const dirtyRows: string[] = [];
    for (const { table_name, column_name } of columns) {
      const rows = await h.db.db.$queryRawUnsafe<{ v: string }[]>(`SELECT "${column_name}"::text AS v FROM "${table_name}" WHERE "${column_name}" IS NOT NULL`);
      for (const r of rows)
        if (FORBIDDEN.test(r.v) || /\\u00(0|1)[0-9a-f]|\\u20(0b|0e|0f|2[a-e]|6[0-9])|\\ufeff/i.test(r.v))
          dirtyRows.push(`${table_name}.${column_name}: ${JSON.stringify(r.v).slice(0, 120)}`);
    }
    expect(dirtyRows).toEqual([]);
    const sent = everythingSent(h);
    expect(sent.filter((t) => FORBIDDEN.test(t))).toEqual([]);
    expect(sent.filter((t) => t.includes(INTERNAL_ERROR))).toEqual([]);
  });
});
