import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import { encodeAction } from '../../src/app/actions.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// Phòng Tài chính – Kế hoạch on Zalo: head TCKH-01 (Võ Thanh Sơn) assigns to member TCKH-03 (Đào Quang Vinh).
describe('a task on Zalo: numbered replies and commands with the item code', () => {
  let h: Harness;
  let head: ZaloUser;
  let member: ZaloUser;
  let headId: number;
  let memberId: number;

  const assign = (title: string) =>
    h.give(headId, memberId, { title, expectedResult: 'Báo cáo bằng văn bản gửi Trưởng phòng', deadline: new Date('2026-12-11T09:00:00Z') });

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = zaloUser(h, 'son', { displayName: 'Sơn' });
    member = zaloUser(h, 'vinh', { displayName: 'Vinh' });
    headId = await h.officialId('TCKH-01');
    memberId = await h.officialId('TCKH-03');
  });
  afterAll(async () => {
    // ZALO_TRANSCRIPT=file: write both chats as the officials saw them (for the README and reviews).
    if (process.env.ZALO_TRANSCRIPT && h) {
      const { writeFileSync } = await import('node:fs');
      const chat = (who: string, u: ZaloUser) => `===== ${who} =====\n${u.texts().join('\n-----\n')}\n`;
      writeFileSync(process.env.ZALO_TRANSCRIPT, chat('Trưởng phòng (TCKH-01)', head) + chat('Chuyên viên (TCKH-03)', member));
    }
    await h?.close();
  });

  it('asks an unknown Zalo user for an invite code, then links with the code alone or with /start CODE', async () => {
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

  it('assigns step by step by text and numbers; the assignee gets numbered choices with their commands', async () => {
    await head.command('giaoviec');
    expect(head.last()).toContain('bước 1/5');
    expect(head.last()).toContain('Gõ /huy để dừng.');
    await head.say('dao quang vinh');
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
    expect(head.last()).toMatch(/Đã giao nhiệm vụ NV-2026-0001 cho đ\/c Đào Quang Vinh/);

    const notice = member.last();
    expect(notice).toContain('📌 Nhiệm vụ mới NV-2026-0001');
    expect(notice).toContain('trước 11:00 07/12/2026');
    expect(notice).toContain('Đồng chí trả lời bằng số (hoặc gõ lệnh trong ngoặc):');
    expect(member.options()).toEqual([
      { n: 1, label: 'Nhận việc', command: '/nhan NV-2026-0001' },
      { n: 2, label: 'Xin gia hạn', command: '/giahan NV-2026-0001' },
      { n: 3, label: 'Từ chối / đề xuất chuyển', command: '/tuchoi NV-2026-0001' },
    ]);
  });

  it('accepts by typing the number', async () => {
    await member.say('1');
    expect(member.last()).toContain('Đồng chí đã nhận nhiệm vụ NV-2026-0001');
    expect(head.last()).toContain('✅ NV-2026-0001 đã được nhận');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { code: 'NV-2026-0001' } })).status).toBe('ACCEPTED');
    // The answer offers the next steps, numbered again.
    expect(member.options().map((o) => o.command)).toEqual(['/baocao NV-2026-0001', '/xong NV-2026-0001', '/giahan NV-2026-0001']);
  });

  it('reports progress with a photo that reaches the assigner by its URL, completes by command, and is confirmed by command', async () => {
    await member.command('baocao');
    expect(member.last()).toContain('Báo cáo tiến độ NV-2026-0001');
    await member.say('40');
    await member.photo('https://photo-stal.zdn.vn/evidence-1.jpg', 'Đã tổng hợp xong 3/7 phòng');
    expect(member.last()).toContain('40%');
    const photo = h.zalo.callsForChat(head.id).find((c) => c.method === 'sendPhoto');
    expect(photo?.params.photo).toBe('https://photo-stal.zdn.vn/evidence-1.jpg');
    expect(head.texts().some((t) => t.includes('📈 Báo cáo tiến độ NV-2026-0001: 40%') && t.includes('Đã tổng hợp xong 3/7 phòng'))).toBe(true);

    // The text after the code answers the question the action asks: here the result of the work.
    await member.command('xong', 'NV-2026-0001 Đã trình dự toán, kèm công văn số 125/TCKH');
    expect(head.last()).toContain('🏁 NV-2026-0001 báo cáo hoàn thành');
    await head.command('xacnhan', 'nv-2026-1');
    expect(member.last()).toContain('🟢 NV-2026-0001 đã được xác nhận hoàn thành');
    expect((await h.db.db.task.findUniqueOrThrow({ where: { code: 'NV-2026-0001' } })).status).toBe('CLOSED');
  });

  it('accepts by command at any time, while the numbers belong to the newest prompt', async () => {
    await assign('Rà soát danh mục đầu tư công trung hạn');
    await assign('Tổng hợp báo cáo thu chi quý IV');
    // The newest notification owns the numbers; the older task is accepted by its code.
    expect(member.options()[0]).toEqual({ n: 1, label: 'Nhận việc', command: '/nhan NV-2026-0003' });
    await member.command('nhan', 'NV-2026-0002');
    expect(member.last()).toContain('Đồng chí đã nhận nhiệm vụ NV-2026-0002');
    // That answer's own choices replaced the prompt: "1" now reports on NV-2026-0002.
    await member.say('1');
    expect(member.last()).toContain('Báo cáo tiến độ NV-2026-0002');
    await member.command('huy');
    const statuses = await h.db.db.task.findMany({ where: { code: { in: ['NV-2026-0002', 'NV-2026-0003'] } }, orderBy: { code: 'asc' } });
    expect(statuses.map((t) => t.status)).toEqual(['ACCEPTED', 'ASSIGNED']);
  });

  it('declines by command with the reason on the same line', async () => {
    await member.command('tuchoi', 'NV-2026-0003 Nội dung này thuộc chức năng của Chi cục Thuế');
    expect(member.last()).toContain('NV-2026-0003');
    const task = await h.db.db.task.findUniqueOrThrow({ where: { code: 'NV-2026-0003' } });
    expect(task.status).toBe('DECLINED');
    const event = await h.db.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: 'DECLINED' } });
    expect(event.reason).toBe('Nội dung này thuộc chức năng của Chi cục Thuế');
  });

  it('reviews a signal by number and demands an explanation that is answered by command', async () => {
    // "Giữ nguyên": the decline was within the member's duty, a behaviour-4 signal for the head to review.
    await head.command('giunguyen', 'NV-2026-0003');
    await head.command('canhbao');
    expect(head.texts().some((t) => t.includes('⚠️ Dấu hiệu hành vi số 4'))).toBe(true);
    await head.choose('Xác nhận');
    await head.say('Nội dung thuộc chức năng tham mưu của phòng theo Quy chế làm việc');
    expect(head.last()).toContain('Đã xác nhận dấu hiệu');
    const signal = await h.db.db.signal.findFirstOrThrow({ where: { officialId: memberId, behaviour: 4 } });
    expect(signal.status).toBe('CONFIRMED');
    expect(member.texts().some((t) => t.includes('⚠️ Lãnh đạo xác nhận dấu hiệu đối với đồng chí'))).toBe(true);

    await head.command('ycgiaitrinh', 'NV-2026-0003');
    await head.choose('Dùng nội dung mặc định');
    expect(head.last()).toContain('Đã gửi yêu cầu giải trình GT-2026-0001');
    expect(member.last()).toContain('📄 Yêu cầu giải trình GT-2026-0001');
    expect(member.options().map((o) => o.command)).toContain('/giaitrinh GT-2026-0001');
    await member.command('giaitrinh', 'GT-2026-0001 Tôi xin nhận trách nhiệm; sẽ phối hợp với Chi cục Thuế để hoàn thành trong tuần.');
    expect(member.last()).toContain('Đã gửi giải trình GT-2026-0001');
    expect(head.last()).toContain('📄 GT-2026-0001: giải trình của');
    expect((await h.db.db.explanationDemand.findUniqueOrThrow({ where: { code: 'GT-2026-0001' } })).status).toBe('ANSWERED');
  });

  it('answers an expired numbered prompt clearly and does nothing', async () => {
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

  it('says what is wrong with a command without a code, with an unknown code or with the wrong kind of code', async () => {
    await member.command('nhan');
    expect(member.last()).toBe('Dùng: /nhan kèm mã, ví dụ: /nhan NV-2026-0012');
    await member.command('nhan', 'NV-2026-0999');
    expect(member.last()).toContain('Không tìm thấy NV-2026-0999');
    await member.command('dongy', 'NV-2026-0001');
    expect(member.last()).toContain('/dongy YK-2026-0003');
    await member.command('duyetgiahan', 'NV-2026-0001');
    expect(member.last()).toContain('NV-2026-0001 hiện không có nội dung nào để xử lý');
  });

  it('splits a long message at line boundaries, with the numbered choices in the last part', async () => {
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

  it('answers a number that matches no choice, outside any step, without taking it as anything else', async () => {
    await member.say('9');
    expect(member.last()).toBe(
      'Tin nhắn gần nhất không có lựa chọn số 9. Đồng chí xem lại các lựa chọn đánh số, gõ lệnh kèm mã (vd: /nhan NV-2026-0012) hoặc gõ /trogiup.',
    );
  });

  it('has help that explains numbers and the commands with a code', async () => {
    await member.command('trogiup');
    expect(member.last()).toContain('trả lời bằng số');
    expect(member.last()).toContain('/nhan NV-2026-0012');
    expect(member.last()).toContain('/kenh telegram');
  });
});
