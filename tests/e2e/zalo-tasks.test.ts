import { describe, expect, test as base } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import { encodeAction } from '../../src/app/actions.js';
import type { Harness } from '../support/app-harness.js';
import { sampleHarness, withSampleHarness } from '../support/harness-fixture.js';
import { zaloUser } from '../support/zalo-user.js';
import { type Pair, unitPool, zaloPair } from '../support/zalo-pair.js';

// Tasks on Zalo through the real webhook, workers and the Zalo stand-in. One harness (and sample district) per file;
// each test takes a head and a member of a unit no other test uses, links them on Zalo with fresh chats, and gives
// its own tasks, reading their codes back: no test continues another's state, so one failure hides nothing else and
// any test runs alone or in any order. They share the clock, which only the test on a harness of its own moves.

// Phòng Tài chính – Kế hoạch (TCKH) is linked by the first test through its invite codes; the pool's units are for the others.
const nextUnit = unitPool('zalo-tasks');

const test = base.extend<{ $test: { pair: Pair; alone: Pair }; $file: { harness: Harness } }>({
  harness: sampleHarness(),
  pair: async ({ harness: h }, use) => {
    await use(await zaloPair(h, nextUnit()));
  },
  // For the test that moves the clock: a harness of its own, so the file's clock stays where the others expect it
  // (a task's accept-by time is read from it) whatever order the tests run in.
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  alone: async ({}, use) => withSampleHarness({}, async (h) => use(await zaloPair(h, 'TNMT'))),
});

describe('a task on Zalo: numbered replies and commands with the item code', () => {
  test('asks an unknown Zalo user for an invite code, then links with the code alone or with /start CODE', async ({ harness: h }) => {
    // Phòng Tài chính – Kế hoạch: head TCKH-01 (Võ Thanh Sơn), member TCKH-03 (Đào Quang Vinh).
    const head = zaloUser(h, 'son', { displayName: 'Sơn' });
    const member = zaloUser(h, 'vinh', { displayName: 'Vinh' });
    const memberId = await h.officialId('TCKH-03');
    await head.say('Xin chào');
    expect(head.last()).toContain('chưa được liên kết');
    const forHead = await issueInvite(h.app, { officialCode: 'TCKH-01', now: h.timeSource.now() });
    await head.say(forHead.code.toLowerCase());
    expect(head.last()).toContain('Đã liên kết tài khoản này với đồng chí Võ Thanh Sơn');
    const forMember = await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() });
    await member.say(`/start ${forMember.code}`);
    expect(member.last()).toContain('Đào Quang Vinh');
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { channel: 'ZALO', officialId: memberId } });
    expect(identity.chatId).toBe(member.id);
  });

  test('assigns step by step by text and numbers; the assignee gets numbered choices with their commands', async ({
    pair: { h, head, member, memberId, memberTyped },
  }) => {
    const name = (await h.db.db.official.findUniqueOrThrow({ where: { id: memberId } })).fullName;
    await head.command('giaoviec');
    expect(head.last()).toContain('bước 1/5');
    expect(head.last()).toContain('Gõ /huy để dừng.');
    await head.say(memberTyped);
    expect(head.last()).toContain('bước 2/5');
    await head.say('Tổng hợp dự toán ngân sách năm 2027');
    await head.say('Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện');
    await head.say('11/12 16:00');
    expect(head.last()).toContain('bước 5/5');
    expect(head.options().map((o) => o.label)).toEqual(['Khẩn', 'Ưu tiên', 'Thường']);
    await head.choose('Ưu tiên');
    expect(head.last()).toContain('16:00 11/12/2026');
    expect(head.options()).toEqual([{ n: 1, label: 'Giao việc' }]);
    await head.say('1');
    const { code } = await h.db.db.task.findFirstOrThrow({ where: { assigneeId: memberId }, orderBy: { id: 'desc' } });
    expect(head.last()).toContain(`Đã giao nhiệm vụ ${code} cho đ/c ${name}`);

    const notice = member.last();
    expect(notice).toContain(`📌 Nhiệm vụ mới ${code}`);
    expect(notice).toContain('trước 11:00 07/12/2026');
    expect(notice).toContain('Đồng chí trả lời bằng số (hoặc gõ lệnh trong ngoặc):');
    expect(member.options()).toEqual([
      { n: 1, label: 'Nhận việc', command: `/nhan ${code}` },
      { n: 2, label: 'Xin gia hạn', command: `/giahan ${code}` },
      { n: 3, label: 'Từ chối / đề xuất chuyển', command: `/tuchoi ${code}` },
    ]);
  });

  test('accepts by typing the number', async ({ pair: { h, head, member, assign } }) => {
    const { code } = await assign('Tổng hợp dự toán ngân sách năm 2027');
    await member.say('1');
    expect(member.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${code}`);
    expect(head.last()).toContain(`✅ ${code} đã được nhận`);
    expect((await h.db.db.task.findFirstOrThrow({ where: { code } })).status).toBe('ACCEPTED');
    // The answer offers the next steps, numbered again.
    expect(member.options().map((o) => o.command)).toEqual([`/baocao ${code}`, `/xong ${code}`, `/giahan ${code}`]);
  });

  test('reports progress with a photo that reaches the assigner by its URL, completes by command, and is confirmed by command', async ({
    pair: { h, head, member, assign },
  }) => {
    const { code } = await assign('Tổng hợp dự toán ngân sách năm 2027');
    await member.command('nhan', code);
    await member.command('baocao');
    expect(member.last()).toContain(`Báo cáo tiến độ ${code}`);
    await member.say('40');
    await member.photo('https://photo-stal.zdn.vn/evidence-1.jpg', 'Đã tổng hợp xong 3/7 phòng');
    expect(member.last()).toContain('40%');
    const photo = h.zalo.callsForChat(head.id).find((c) => c.method === 'sendPhoto');
    expect(photo?.params.photo).toBe('https://photo-stal.zdn.vn/evidence-1.jpg');
    expect(head.texts().some((t) => t.includes(`📈 Báo cáo tiến độ ${code}: 40%`) && t.includes('Đã tổng hợp xong 3/7 phòng'))).toBe(true);

    // The text after the code answers the question the action asks: here the result of the work.
    await member.command('xong', `${code} Đã trình dự toán, kèm công văn số 125/TCKH`);
    expect(head.last()).toContain(`🏁 ${code} báo cáo hoàn thành`);
    // The code in any case and without its leading zeros.
    await head.command('xacnhan', code.toLowerCase().replace(/-0+(\d)/, '-$1'));
    expect(member.last()).toContain(`🟢 ${code} đã được xác nhận hoàn thành`);
    expect((await h.db.db.task.findFirstOrThrow({ where: { code } })).status).toBe('CLOSED');
  });

  test('accepts by command at any time, while the numbers belong to the newest prompt', async ({ pair: { h, member, assign } }) => {
    const older = await assign('Rà soát danh mục đầu tư công trung hạn');
    const newer = await assign('Tổng hợp báo cáo thu chi quý IV');
    // The newest notification owns the numbers; the older task is accepted by its code.
    expect(member.options()[0]).toEqual({ n: 1, label: 'Nhận việc', command: `/nhan ${newer.code}` });
    await member.command('nhan', older.code);
    expect(member.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${older.code}`);
    // That answer's own choices replaced the prompt: "1" now reports on the older task.
    await member.say('1');
    expect(member.last()).toContain(`Báo cáo tiến độ ${older.code}`);
    await member.command('huy');
    const statuses = await h.db.db.task.findMany({ where: { code: { in: [older.code, newer.code] } }, orderBy: { code: 'asc' } });
    expect(statuses.map((t) => t.status)).toEqual(['ACCEPTED', 'ASSIGNED']);
  });

  test('declines by command with the reason on the same line', async ({ pair: { h, member, assign } }) => {
    const { code } = await assign('Tổng hợp báo cáo thu chi quý IV');
    await member.command('tuchoi', `${code} Nội dung này thuộc chức năng của Chi cục Thuế`);
    expect(member.last()).toContain(code);
    const task = await h.db.db.task.findFirstOrThrow({ where: { code } });
    expect(task.status).toBe('DECLINED');
    const event = await h.db.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: 'DECLINED' } });
    expect(event.reason).toBe('Nội dung này thuộc chức năng của Chi cục Thuế');
  });

  test('reviews a signal by number and demands an explanation that is answered by command', async ({ pair: { h, head, member, memberId, assign } }) => {
    const { code } = await assign('Tổng hợp báo cáo thu chi quý IV');
    await member.command('tuchoi', `${code} Nội dung này thuộc chức năng của Chi cục Thuế`);
    // "Giữ nguyên": the decline was within the member's duty, a behaviour-4 signal for the head to review.
    await head.command('giunguyen', code);
    await head.command('canhbao');
    expect(head.texts().some((t) => t.includes('⚠️ Dấu hiệu hành vi số 4'))).toBe(true);
    await head.choose('Xác nhận');
    await head.say('Nội dung thuộc chức năng tham mưu của phòng theo Quy chế làm việc');
    expect(head.last()).toContain('Đã xác nhận dấu hiệu');
    const signal = await h.db.db.signal.findFirstOrThrow({ where: { officialId: memberId, behaviour: 4 } });
    expect(signal.status).toBe('CONFIRMED');
    expect(member.texts().some((t) => t.includes('⚠️ Lãnh đạo xác nhận dấu hiệu đối với đồng chí'))).toBe(true);

    await head.command('ycgiaitrinh', code);
    await head.choose('Dùng nội dung mặc định');
    const demand = await h.db.db.explanationDemand.findFirstOrThrow({ where: { officialId: memberId }, orderBy: { id: 'desc' } });
    expect(head.last()).toContain(`Đã gửi yêu cầu giải trình ${demand.code}`);
    expect(member.last()).toContain(`📄 Yêu cầu giải trình ${demand.code}`);
    expect(member.options().map((o) => o.command)).toContain(`/giaitrinh ${demand.code}`);
    await member.command('giaitrinh', `${demand.code} Tôi xin nhận trách nhiệm; sẽ phối hợp với Chi cục Thuế để hoàn thành trong tuần.`);
    expect(member.last()).toContain(`Đã gửi giải trình ${demand.code}`);
    expect(head.last()).toContain(`📄 ${demand.code}: giải trình của`);
    expect((await h.db.db.explanationDemand.findFirstOrThrow({ where: { code: demand.code } })).status).toBe('ANSWERED');
  });

  test('says what is wrong with a command without a code, with an unknown code or with the wrong kind of code', async ({ pair: { member, assign } }) => {
    const { code } = await assign('Kiểm tra hồ sơ quyết toán dự án trường học');
    await member.command('nhan');
    expect(member.last()).toBe('Dùng: /nhan kèm mã, ví dụ: /nhan NV-2026-0012');
    await member.command('nhan', 'NV-2026-0999');
    expect(member.last()).toContain('Không tìm thấy NV-2026-0999');
    await member.command('dongy', code);
    expect(member.last()).toContain('/dongy YK-2026-0003');
    await member.command('duyetgiahan', code);
    expect(member.last()).toContain(`${code} hiện không có nội dung nào để xử lý`);
  });

  test('splits a long message at line boundaries, with the numbered choices in the last part', async ({ pair: { h, member, memberId } }) => {
    const lines = Array.from({ length: 80 }, (_, i) => `${String(i + 1).padStart(3, '0')}. Đơn vị ${i + 1}: đã nộp báo cáo, chưa đủ phụ lục số liệu`);
    const body = ['📊 Tổng hợp dài để thử tách tin nhắn', ...lines].join('\n');
    expect(body.length).toBeGreaterThan(4000);
    const before = member.texts().length;
    await inTransaction(h.app, (tx, effects) =>
      notify(h.app, tx, effects, memberId, () => ({ text: body, buttons: [[{ label: 'Xem danh sách việc', action: encodeAction('list.tasks', 1) }]] })),
    );
    await h.idle();
    const parts = member.since(before);
    expect(parts.length).toBe(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    // Nothing lost and no line cut: the parts are the text's lines, in order, then the choices.
    expect(parts.join('\n')).toBe(`${body}\n\nĐồng chí trả lời bằng số:\n1 – Xem danh sách việc`);
    expect(parts.at(-1)).toMatch(/1 – Xem danh sách việc$/);
  });

  test('answers a number that matches no choice, outside any step, without taking it as anything else', async ({ pair: { member, assign } }) => {
    await assign('Kiểm tra hồ sơ quyết toán dự án trường học'); // its choices are numbered 1 to 3
    await member.say('9');
    expect(member.last()).toBe(
      'Tin nhắn gần nhất không có lựa chọn số 9. Đồng chí xem lại các lựa chọn đánh số, gõ lệnh kèm mã (vd: /nhan NV-2026-0012) hoặc gõ /trogiup.',
    );
  });

  test('has help that explains numbers and the commands with a code', async ({ pair: { member } }) => {
    await member.command('trogiup');
    expect(member.last()).toContain('trả lời bằng số');
    expect(member.last()).toContain('/nhan NV-2026-0012');
    expect(member.last()).toContain('/kenh telegram');
  });

  // It moves the clock: on a harness of its own.
  test('answers an expired numbered prompt clearly and does nothing', async ({ alone: { h, member, assign } }) => {
    const task = await assign('Kiểm tra hồ sơ quyết toán dự án trường học');
    expect(member.options()[0]?.command).toBe(`/nhan ${task.code}`);
    h.timeSource.advance(31 * 60_000); // the prompt lives 30 minutes (policy promptTtl)
    await member.say('1');
    expect(member.last()).toContain('Các lựa chọn đánh số trước đã hết hạn');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('ASSIGNED');
    // The command with the code still works.
    await member.command('nhan', task.code);
    expect(member.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${task.code}`);
  });
});
