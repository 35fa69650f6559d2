// Every field a person fills in, in chat or in the organisation file, goes through the one sanitiser before any rule
// and before PostgreSQL (issues 9.7, 19.1): NUL and other control characters, bidi controls and zero-width characters
// typed into each of them are gone from what is stored and from every message sent, and no step answers with the
// internal error. In process (tests/support/app-fixture.ts): each flow on its own copy of the sample district,
// imported again with dirty names, and each ends with the scan of every text column and every message; the display
// name a Telegram client sends, and the same scan after it, stay in tests/e2e/hostile-fields.test.ts.
import { readFile } from 'node:fs/promises';
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { test, type AppFixture, type FixturePerson } from '../support/app-fixture.js';
import { FORBIDDEN, forbiddenStored } from '../support/forbidden-text.js';

const at = (local: string) => new Date(`${local}+07:00`);
const SAMPLE_CSV = new URL('../../samples/huyen-mau.csv', import.meta.url);

/** `text` as a hostile keyboard or a copy-paste delivers it: NUL, a bell, bidi isolates, zero-width space, a BOM. */
const dirty = (text: string) => `\u0000\u200B${text.split(' ').join(' \u2066')}\u2069\u0007\uFEFF`;
const INTERNAL_ERROR = 'Hệ thống đang gặp sự cố';

/** The sample district imported again with dirty characters in BTC-03's name and title and in a unit's name. */
async function dirtyDistrict(fx: AppFixture) {
  const csv = (await readFile(SAMPLE_CSV, 'utf8'))
    .replace('Nguyễn Văn An,Chuyên viên', `${dirty('Nguyễn Văn An')},${dirty('Chuyên viên')}`)
    .replace('Ban Tổ chức Huyện ủy,HU,BTC-03', `${dirty('Ban Tổ chức Huyện ủy')},HU,BTC-03`);
  const r = await importOrganisation(fx.app, { file: csv, now: fx.time.now(), source: 'dirty.csv' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  fx.app.invalidate();
  const o = await fx.db.official.findFirstOrThrow({ where: { code: 'BTC-03' }, include: { unit: true } });
  expect([o.fullName, o.title, o.unit.name]).toEqual(['Nguyễn Văn An', 'Chuyên viên', 'Ban Tổ chức Huyện ủy']);
  return { head: await fx.person('BTC-01'), an: await fx.person('BTC-03'), anh: await fx.person('BTC-04') };
}

/** Nothing forbidden is stored in any text column, and nothing forbidden was sent to these chats; no step failed. */
async function expectNothingForbidden(fx: AppFixture, ...people: FixturePerson[]): Promise<void> {
  expect(await forbiddenStored(fx.db)).toEqual([]);
  const sent = people.flatMap((p) => p.lines().flatMap((l) => [l.text, ...l.buttons.map((b) => b.label)]));
  expect(sent.filter((t) => FORBIDDEN.test(t))).toEqual([]);
  expect(sent.filter((t) => t.includes(INTERNAL_ERROR))).toEqual([]);
}

describe('the one sanitiser on every stored field', () => {
  test('a task: title, result, decline by item command, cancel reason', async ({ fx }) => {
    const { head, an, anh } = await dirtyDistrict(fx);
    await head.say('/giaoviec');
    await head.say(dirty('BTC-03'));
    await head.say(dirty('Tổng hợp báo cáo quý IV'));
    await head.say(dirty('Báo cáo gửi Ban Thường vụ'));
    await head.say('18/12 16:00');
    await head.press('Thường');
    await head.press('Giao việc');
    const task = await fx.db.task.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([task.title, task.expectedResult]).toEqual(['Tổng hợp báo cáo quý IV', 'Báo cáo gửi Ban Thường vụ']);
    await an.say(`/tuchoi ${task.code} ${dirty('Việc thuộc Văn phòng')}`);
    expect(an.last()).toContain('Đã gửi ý kiến từ chối');
    await head.press('Hủy nhiệm vụ');
    await head.say(dirty('Giao lại cho Văn phòng'));
    const events = await fx.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.reason).filter(Boolean)).toEqual(['Việc thuộc Văn phòng', 'Giao lại cho Văn phòng']);
    await expectNothingForbidden(fx, head, an, anh);
  });

  test('a task at work: progress note as a photo caption, extension reason, result, reopen reason', async ({ fx }) => {
    const { head, an, anh } = await dirtyDistrict(fx);
    const task = await fx.give('BTC-01', 'BTC-03', { title: 'Rà soát hồ sơ', deadline: at('2026-12-18T17:00:00') });
    await an.press('Nhận việc');
    await an.say('/baocao');
    await an.press('50%');
    await an.file('photo', 'AgACAgIAAxkBAAIBdirty', dirty('Đã rà soát 3/7 chi bộ'));
    await an.press('Xin gia hạn');
    await an.say('22/12 16:00');
    await an.say(dirty('Chờ hồ sơ các xã'));
    await an.press('Báo cáo hoàn thành');
    await an.say(dirty('Đã rà soát xong'));
    await head.press('Trả lại');
    await head.say(dirty('Bổ sung danh sách'));
    const events = await fx.db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: 'asc' } });
    expect(events.map((e) => e.note ?? e.reason).filter(Boolean)).toEqual([
      'Đã rà soát 3/7 chi bộ',
      'Chờ hồ sơ các xã',
      'Đã rà soát xong',
      'Bổ sung danh sách',
    ]);
    const ext = await fx.db.extensionRequest.findFirstOrThrow({ where: { taskId: task.id } });
    expect(ext.reason).toBe('Chờ hồ sơ các xã');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: task.id } })).resultNote).toBe('Đã rà soát xong');
    await expectNothingForbidden(fx, head, an, anh);
  });

  test('a consultation: subject, question, clarification and its reply, a reason to disagree, free text, the decision', async ({ fx }) => {
    const { head, an, anh } = await dirtyDistrict(fx);
    await an.say('/xinykien');
    await an.say('BTC-04');
    await an.press('Xong');
    await an.say(dirty('Phương án phòng họp'));
    await an.say(dirty('Dùng phòng họp tầng 2 được không?'));
    await an.press('Thường');
    await an.press('Mặc định');
    await an.press('Bỏ qua');
    await an.press('Gửi xin ý kiến');
    const c = await fx.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
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
    const entries = await fx.db.consultationEntry.findMany({ where: { consultationId: c.id }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => e.text).filter(Boolean)).toEqual(['Đã nhận', 'Buổi sáng hay chiều?', 'Buổi sáng', 'Phòng đang sửa']);
    const closed = await fx.db.consultation.findUniqueOrThrow({ where: { id: c.id } });
    expect(closed.decision).toBe('Dùng phòng tầng 3');
    await expectNothingForbidden(fx, head, an, anh);
  });

  test("a demand for explanation, a signal recorded by hand, a review reason and the person's explanation", async ({ fx }) => {
    const { head, an, anh } = await dirtyDistrict(fx);
    await fx.setTime('2026-12-08T02:00:00Z');
    const task = await fx.give('BTC-01', 'BTC-04', { title: 'Báo cáo nhanh', deadline: at('2026-12-08T11:00:00'), priority: 'URGENT' });
    await acceptTask(fx.app, OfficialId(await fx.officialId('BTC-04')), task.id);
    await fx.setTime('2026-12-08T05:00:00Z');
    await head.pressData(encodeAction('task.view', task.id));
    await head.press('Yêu cầu giải trình');
    await head.say(dirty('Vì sao chưa có báo cáo?'));
    await anh.press('Giải trình');
    await anh.say(dirty('Chờ số liệu'));
    const demand = await fx.db.explanationDemand.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect([demand.question, demand.answer]).toEqual(['Vì sao chưa có báo cáo?', 'Chờ số liệu']);

    await head.say('/canhbao');
    await head.press('Ghi nhận dấu hiệu khác');
    await head.say('BTC-04');
    await head.press('(7)');
    await head.press('Bỏ qua');
    await head.say(dirty('Viện dẫn hướng dẫn cũ'));
    const manual = await fx.db.signal.findFirstOrThrow({ where: { rule: 'manual-7' } });
    expect(manual.note).toBe('Viện dẫn hướng dẫn cũ');

    const pending = await fx.db.signal.findFirstOrThrow({ where: { status: 'PENDING', officialId: await fx.officialId('BTC-04') } });
    await head.pressData(encodeAction('signal.confirm', pending.id));
    await head.say(dirty('Quá hạn không báo cáo'));
    await anh.pressData(encodeAction('signal.explain', pending.id));
    await anh.say(dirty('Đã báo cáo miệng'));
    const reviewed = await fx.db.signal.findUniqueOrThrow({ where: { id: pending.id } });
    expect([reviewed.reviewReason, reviewed.explanation]).toEqual(['Quá hạn không báo cáo', 'Đã báo cáo miệng']);
    await expectNothingForbidden(fx, head, an, anh);
  });
});
