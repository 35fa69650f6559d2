// Backlog review (rà soát, issue 16.1): a head reviews the long-open and overdue tasks of their subtree; each owner
// decides each item (done, keep with a new date, propose transfer, propose drop); proposals go to the head, or on to
// the assigner when the head did not assign the task; decisions apply through the task use cases (state and audit);
// an owner who never answers climbs the ladder; the head sees progress, the detail and an XLSX. In process.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { acceptTask } from '../../src/app/tasks/respond-to-task.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const iso = (local: string) => new Date(`${local}+07:00`).toISOString();
/** REVIEW_TRANSCRIPT=FILE keeps what the officials saw (for a closing note); unset, nothing is written. */
const TRANSCRIPT = process.env.REVIEW_TRANSCRIPT;

/**
 * Ban Tổ chức (BTC-01 Phan Thị Thu heads it): tasks given on 05/10/2026 (long-open by 07/12, 20 working days
 * being the default threshold), one overdue, one the Bí thư (HU-01) gave, one fresh, one in another unit.
 */
async function seeded(fx: AppFixture) {
  const id = async (code: string) => OfficialId(await fx.officialId(code));
  fx.time.set(iso('2026-10-05T09:00:00'));
  const give = async (by: string, to: string, title: string, deadline: string, accept: boolean) => {
    const r = await assignTask(fx.app, await id(by), {
      assigneeId: await id(to),
      title,
      expectedResult: 'Báo cáo gửi Ban',
      deadline: new Date(iso(deadline)),
      priority: 'NORMAL',
    });
    if (accept) await acceptTask(fx.app, await id(to), r.task.id);
    return r.task;
  };
  const t = {
    done: await give('BTC-01', 'BTC-03', 'Tổng hợp hồ sơ đảng viên dự bị', '2026-12-31T17:00:00', true),
    keep: await give('BTC-01', 'BTC-04', 'Thống kê đảng viên miễn sinh hoạt', '2026-11-20T17:00:00', true),
    transfer: await give('BTC-01', 'BTC-03', 'Rà soát quy hoạch cán bộ xã', '2026-12-30T17:00:00', false),
    refused: await give('BTC-01', 'BTC-02', 'Xây dựng đề án luân chuyển cán bộ', '2027-01-15T17:00:00', true),
    forwarded: await give('HU-01', 'BTC-04', 'Tổng kết 10 năm Chỉ thị 36', '2026-12-30T17:00:00', true),
    silent: await give('BTC-01', 'BTC-02', 'Báo cáo công tác bảo vệ chính trị nội bộ', '2026-12-31T17:00:00', true),
    otherUnit: await give('TNMT-01', 'TNMT-02', 'Kiểm kê đất công', '2026-11-20T17:00:00', true),
  };
  fx.time.set(iso('2026-12-07T09:00:00'));
  const fresh = await give('BTC-01', 'BTC-03', 'Chuẩn bị hội nghị cán bộ', '2026-12-30T17:00:00', true);
  await fx.deliver();
  const people = {
    head: await fx.person('BTC-01'),
    thang: await fx.person('BTC-02'),
    an: await fx.person('BTC-03'),
    anh: await fx.person('BTC-04'),
    secretary: await fx.person('HU-01'),
  };
  return { t, fresh, people, id };
}

/** …and the head started the review from /rasoat. */
async function started(fx: AppFixture) {
  const s = await seeded(fx);
  await s.people.head.say('/rasoat');
  await s.people.head.press('Bắt đầu rà soát');
  const review = await fx.db.review.findFirstOrThrow();
  const items = await fx.db.reviewItem.findMany({ where: { reviewId: review.id } });
  const item = (taskId: number) => items.find((i) => i.taskId === taskId)!.id;
  return { ...s, review, items, item };
}

async function audits(fx: AppFixture, entity: string, entityId: number) {
  return (await fx.db.auditLog.findMany({ where: { entity, entityId: String(entityId) }, orderBy: { id: 'asc' } })).map((a) => a.action);
}

describe('backlog review', () => {
  test('the head starts a review: overdue and long-open tasks of the subtree go to their owners with the four decisions', async ({ fx }) => {
    const { t, fresh, people, review, items } = await started(fx);
    expect(people.head.since(0).join('\n')).toContain('chưa mở đợt rà soát nào');
    expect(people.head.last()).toContain(`🔎 Đã mở đợt rà soát ${review.code}: 6 nhiệm vụ, gửi đến 3 người phụ trách.`);
    expect(review.code).toBe('RS-2026-0001');
    const taskIds = items.map((i) => i.taskId).sort((a, b) => a - b);
    expect(taskIds).toEqual([t.done.id, t.keep.id, t.transfer.id, t.refused.id, t.forwarded.id, t.silent.id].sort((a, b) => a - b));
    expect(taskIds).not.toContain(fresh.id);
    expect(taskIds).not.toContain(t.otherUnit.id);
    expect(items.find((i) => i.taskId === t.keep.id)!.why).toBe('OVERDUE');
    expect(items.find((i) => i.taskId === t.done.id)!.why).toBe('STALE');
    const card = people.anh.lines().find((l) => l.text.includes(t.keep.code) && l.text.includes('🔎 Rà soát'))!;
    expect(card.text).toContain('(đã quá hạn)');
    expect(card.text).toContain('Đề nghị đồng chí quyết định trước');
    expect(card.buttons.map((b) => b.label)).toEqual(['Đã xong', 'Giữ, hẹn lại', 'Đề xuất chuyển', 'Đề xuất dừng']);
    const clocks = await fx.db.clock.findMany({ where: { kind: 'REVIEW_DECISION', state: 'ACTIVE' } });
    expect(clocks).toHaveLength(6);
    expect(await audits(fx, 'review', review.id)).toEqual(['review.started']);
    // One review at a time.
    await people.head.pressData(encodeAction('review.start', 0));
    expect(people.head.last()).toContain(`Đợt rà soát ${review.code} đang mở`);
  });

  test('each decision applies through the task use cases, with the task state and the audit log', async ({ fx }) => {
    const { t, people, item, id } = await started(fx);
    // Done: completion through completeTask; the assigner is asked to confirm.
    await people.an.pressData(encodeAction('review.done', item(t.done.id)));
    await people.an.say('Đã tổng hợp 42 hồ sơ, gửi Ban ngày 04/12.');
    expect(people.an.last()).toContain(`Đã ghi quyết định về nhiệm vụ ${t.done.code}: đã xong`);
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: t.done.id } })).status).toBe('DONE');
    expect(await audits(fx, 'task', t.done.id)).toContain('task.completed');
    expect(await audits(fx, 'review_item', item(t.done.id))).toEqual(['review.decided']);

    // Keep: a new date, then the reason → an extension request the assigner approves or refuses.
    await people.anh.pressData(encodeAction('review.keep', item(t.keep.id)));
    await people.anh.say('18/12');
    await people.anh.say('Chờ số liệu của 3 chi bộ xã.');
    const ext = await fx.db.extensionRequest.findFirstOrThrow({ where: { taskId: t.keep.id } });
    expect(ext.status).toBe('PENDING');
    expect(await audits(fx, 'task', t.keep.id)).toContain('task.extension-requested');
    expect(people.head.texts().join('\n')).toContain(`🕒 Đề nghị gia hạn ${t.keep.code}`);
    const keepItem = await fx.db.reviewItem.findUniqueOrThrow({ where: { id: item(t.keep.id) } });
    expect([keepItem.decision, keepItem.outcome, keepItem.applied]).toEqual(['KEEP', 'APPLIED', 'extension-requested']);

    // Transfer of a task not yet accepted: a proposal to the head, who assigned it; agreed → the owner's decline.
    await people.an.pressData(encodeAction('review.transfer', item(t.transfer.id)));
    await people.an.say('Việc thuộc mảng của đ/c Ánh, đề nghị chuyển.');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: t.transfer.id } })).status).toBe('ASSIGNED');
    const proposal = people.head.lines().at(-1)!;
    expect(proposal.text).toContain(`${t.transfer.code}: đề xuất chuyển`);
    expect(proposal.buttons.map((b) => b.label)).toEqual(['Đồng ý', 'Không đồng ý']);
    await people.head.pressData(encodeAction('review.agree', item(t.transfer.id)));
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: t.transfer.id } })).status).toBe('DECLINED');
    expect(await audits(fx, 'task', t.transfer.id)).toContain('task.declined');
    expect(await audits(fx, 'review_item', item(t.transfer.id))).toEqual(['review.decided', 'review.agreed']);

    // Drop, refused by the head with a reason: the task goes on as it was.
    await people.thang.pressData(encodeAction('review.drop', item(t.refused.id)));
    await people.thang.say('Đề án đã lồng ghép vào kế hoạch năm 2027.');
    await people.head.pressData(encodeAction('review.refuse', item(t.refused.id)));
    await people.head.say('Đề án vẫn cần trình Ban Thường vụ trong tháng 1.');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: t.refused.id } })).status).toBe('ACCEPTED');
    expect(people.thang.last()).toContain('không được đ/c Phan Thị Thu');
    expect((await fx.db.reviewItem.findUniqueOrThrow({ where: { id: item(t.refused.id) } })).outcome).toBe('REFUSED');

    // Drop of a task the Bí thư gave: the head agrees, it goes on to the assigner, who agrees → cancelled.
    await people.anh.pressData(encodeAction('review.drop', item(t.forwarded.id)));
    await people.anh.say('Huyện ủy đã tổng kết trong hội nghị tháng 11.');
    await people.head.pressData(encodeAction('review.agree', item(t.forwarded.id)));
    expect(people.head.last()).toContain('chuyển đến người giao nhiệm vụ quyết định');
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: t.forwarded.id } })).status).toBe('ACCEPTED');
    expect(people.secretary.last()).toContain('đã đồng ý và chuyển đến đồng chí');
    await people.secretary.pressData(encodeAction('review.agree', item(t.forwarded.id)));
    expect((await fx.db.task.findUniqueOrThrow({ where: { id: t.forwarded.id } })).status).toBe('CANCELLED');
    const cancelled = await fx.db.auditLog.findFirstOrThrow({ where: { entity: 'task', entityId: String(t.forwarded.id), action: 'task.cancelled' } });
    expect(cancelled.actorId).toBe(await id('HU-01'));
    expect(await audits(fx, 'review_item', item(t.forwarded.id))).toEqual(['review.decided', 'review.forwarded', 'review.agreed']);

    // Nobody decides twice, and a member cannot decide another's item.
    await people.an.pressData(encodeAction('review.done', item(t.done.id)));
    expect(people.an.last()).toContain('đã được quyết định');
    await people.an.pressData(encodeAction('review.drop', item(t.silent.id)));
    expect(people.an.last()).toContain('không chờ đồng chí quyết định');
    // No review clock is left running but the silent owner's.
    const running = await fx.db.clock.findMany({ where: { kind: 'REVIEW_DECISION', state: 'ACTIVE' } });
    expect(running.map((c) => c.itemId)).toEqual([item(t.silent.id)]);
  });

  test('an owner who never answers is reminded, then their superiors are told; a decision stops it', async ({ fx }) => {
    const { t, people, item } = await started(fx);
    const before = { thang: people.thang.texts().length, head: people.head.texts().length, secretary: people.secretary.texts().length };
    await fx.setTime(iso('2026-12-18T17:00:00'));
    const clockRow = await fx.db.clock.findFirstOrThrow({ where: { kind: 'REVIEW_DECISION', itemId: item(t.silent.id) } });
    const reminders = await fx.db.reminder.findMany({ where: { clockId: clockRow.id }, orderBy: { id: 'asc' } });
    const levels = reminders.map((r) => `${r.level}:${r.recipientId}`);
    const thang = await fx.officialId('BTC-02');
    const head = await fx.officialId('BTC-01');
    const secretary = await fx.officialId('HU-01');
    expect(levels.slice(0, 4)).toEqual([`0:${thang}`, `1:${thang}`, `2:${head}`, `3:${secretary}`]);
    const toThang = people.thang.since(before.thang).join('\n');
    expect(toThang).toContain(`⏰ Nhắc việc — rà soát RS-2026-0001: ${t.silent.code} chưa được đồng chí quyết định`);
    expect(toThang).toContain('hệ thống sẽ báo cáo đ/c Phan Thị Thu');
    expect(people.head.since(before.head).join('\n')).toContain(`⚠️ Báo cáo cấp trên: ${t.silent.code} chưa được quyết định trong đợt rà soát`);
    expect(people.secretary.since(before.secretary).join('\n')).toContain('đ/c Đỗ Văn Thắng');
    // Deciding stops the ladder.
    await people.thang.pressData(encodeAction('review.done', item(t.silent.id)));
    await people.thang.say('Đã gửi báo cáo ngày 18/12.');
    const clock = await fx.db.clock.findFirstOrThrow({ where: { kind: 'REVIEW_DECISION', itemId: item(t.silent.id) } });
    expect(clock.state).toBe('STOPPED');
  });

  test('the head sees progress, the detail and an XLSX of every item with its decision; a member has no review', async ({ fx }) => {
    const { t, people, item, review } = await started(fx);
    await people.an.pressData(encodeAction('review.done', item(t.done.id)));
    await people.an.say('Đã tổng hợp 42 hồ sơ, gửi Ban ngày 04/12.');
    await people.anh.pressData(encodeAction('review.keep', item(t.keep.id)));
    await people.anh.say('18/12');
    await people.anh.say('Chờ số liệu của 3 chi bộ xã.');
    await people.thang.pressData(encodeAction('review.drop', item(t.refused.id)));
    await people.thang.say('Đề án đã lồng ghép vào kế hoạch năm 2027.');
    await people.an.pressData(encodeAction('review.transfer', item(t.transfer.id)));
    await people.an.say('Việc thuộc mảng của đ/c Ánh, đề nghị chuyển.');
    await people.head.pressData(encodeAction('review.agree', item(t.transfer.id)));

    const mark = people.head.texts().length;
    await people.head.say('/rasoat');
    const summary = people.head.since(mark);
    expect(summary[0]).toContain(`🔎 Rà soát ${review.code} — Ban Tổ chức Huyện ủy`);
    expect(summary[0]).toContain('Tổng số: 6 nhiệm vụ (1 quá hạn, 5 tồn đọng)');
    expect(summary[0]).toContain('Đã quyết định: 4 · Chờ người phụ trách: 2 · Chờ lãnh đạo cho ý kiến: 1');
    expect(summary[0]).toContain('Đã xong: 1 · Giữ, hẹn lại: 1 · Đề xuất chuyển: 1 · Đề xuất dừng: 1');
    expect(summary.some((x) => x.includes(`${t.refused.code}: đề xuất dừng`))).toBe(true);
    await people.head.press('Chi tiết');
    const detail = people.head.last();
    expect(detail).toContain(`• ${t.done.code} "Tổng hợp hồ sơ đảng viên dự bị" — đ/c Nguyễn Văn An, Chuyên viên — tồn đọng: đã xong — Đã tổng hợp 42 hồ sơ`);
    expect(detail).toContain(
      `${t.transfer.code} "Rà soát quy hoạch cán bộ xã" — đ/c Nguyễn Văn An, Chuyên viên — tồn đọng: đề xuất chuyển, đã đồng ý — Việc thuộc mảng`,
    );
    expect(detail).toContain('quá hạn: giữ, hẹn lại (hẹn 17:00 18/12/2026) — Chờ số liệu của 3 chi bộ xã.');
    expect(detail).toContain(`${t.silent.code} "Báo cáo công tác bảo vệ chính trị nội bộ" — đ/c Đỗ Văn Thắng`);
    await people.head.press('Tệp Excel');
    const file = people.head.lines().at(-1)!.attachment!;
    expect(file.type).toBe('document');
    const source = file.source as { kind: 'local-file'; path: string; filename: string };
    expect(source.filename).toMatch(/^ra-soat_RS-2026-0001_2026-12-07\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source.path);
    const ws = wb.getWorksheet('Nhiệm vụ rà soát')!;
    const rows = ws
      .getSheetValues()
      .slice(2)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toHaveLength(6);
    const doneRow = rows.find((r) => r[0] === t.done.code)!;
    expect([doneRow[7], doneRow[8], doneRow[13]]).toEqual(['đã xong', 'Đã tổng hợp 42 hồ sơ, gửi Ban ngày 04/12.', 'Đã thực hiện']);
    const transferRow = rows.find((r) => r[0] === t.transfer.code)!;
    expect([transferRow[7], transferRow[11], transferRow[14]]).toEqual(['đề xuất chuyển', 'Phan Thị Thu', 'Bị từ chối']);
    expect(rows.find((r) => r[0] === t.silent.code)![13]).toBe('Chưa quyết định');

    // A member is not a head: /rasoat shows only what waits for them.
    const m = people.thang.texts().length;
    await people.thang.say('/rasoat');
    expect(people.thang.since(m)[0]).toContain('Chờ đồng chí quyết định trong đợt rà soát: 1 việc, 0 đề xuất.');
    await people.thang.pressData(encodeAction('review.start', 0));
    expect(people.thang.last()).toContain('dành cho đồng chí trưởng đơn vị');
    await people.thang.pressData(encodeAction('review.detail', review.id));
    expect(people.thang.last()).toContain('Không tìm thấy đợt rà soát này');

    const transcript = [
      '=== Rà soát: kết quả đợt rà soát như đ/c Phan Thị Thu (BTC-01, Trưởng Ban Tổ chức) thấy trong chat',
      '=== (tests/app/backlog-review.test.ts, "the head sees progress…"; /rasoat rồi bấm "Chi tiết")',
      ...summary.map((x) => `--- tin nhắn ---\n${x}`),
      `--- tin nhắn ---\n${detail}`,
      `--- tệp gửi kèm: ${source.filename} (${rows.length} dòng)`,
      '',
    ].join('\n');
    if (TRANSCRIPT) await writeFile(TRANSCRIPT.replace(/(\.txt)?$/, '.review.part'), transcript);
  });
});
