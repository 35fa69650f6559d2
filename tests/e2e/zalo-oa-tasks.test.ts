// The Bot Platform's task flows that zalo-oa.test.ts does not already run (tests/e2e/zalo-tasks.test.ts), again on the
// Zalo OA (issue 11), with buttons where the Bot Platform has numbers: a decline by command, the head's review of the
// signal it raises and an explanation demanded and answered, the answers to commands without a usable code, a button
// of an older notification (where the Bot Platform's numbers belong to the newest prompt), linking with /start CODE
// (after following: Zalo refuses to answer someone who does not follow), the help, and the numbers of a message whose
// choices do not fit the OA's 5 buttons (a merged reminder): a number that matches no choice, and one typed after the
// prompt expired.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';
import { parseOptions } from '../support/zalo-user.js';

describe('tasks on the Zalo OA: decline, signal, explanation, wrong codes', () => {
  let h: Harness;
  let head: OaUser;
  let member: OaUser;
  let code: string;

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    member = oaUser(h, 'Đào Quang Vinh');
    for (const [u, official] of [
      [head, 'TCKH-01'],
      [member, 'TCKH-03'],
    ] as const)
      await linkOaUser(h, u, official);
    code = (await h.give('TCKH-01', 'TCKH-03', { title: 'Đôn đốc thu nợ thuế tồn đọng', deadline: new Date('2026-12-11T09:00:00Z') })).code;
    await h.idle();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('declines by command with the reason on the same line', async () => {
    await member.command('tuchoi', `${code} Nội dung này thuộc chức năng của Chi cục Thuế`);
    expect(member.last()).toContain(code);
    const task = await h.db.db.task.findFirstOrThrow({ where: { code } });
    expect(task.status).toBe('DECLINED');
    const event = await h.db.db.taskEvent.findFirstOrThrow({ where: { taskId: task.id, kind: 'DECLINED' } });
    expect(event.reason).toBe('Nội dung này thuộc chức năng của Chi cục Thuế');
  });

  it('the head confirms the signal by button and demands an explanation, answered by command', async () => {
    // "Giữ nguyên": the decline was within the member's duty, a behaviour-4 signal for the head to review.
    await head.command('giunguyen', code);
    await head.command('canhbao');
    expect(head.texts().some((t) => t.includes('⚠️ Dấu hiệu hành vi số 4'))).toBe(true);
    await head.press('Xác nhận');
    await head.say('Nội dung thuộc chức năng tham mưu của phòng theo Quy chế làm việc');
    expect(head.last()).toContain('Đã xác nhận dấu hiệu');
    const signal = await h.db.db.signal.findFirstOrThrow({ where: { officialId: await h.officialId('TCKH-03'), behaviour: 4 } });
    expect(signal.status).toBe('CONFIRMED');
    await h.idle();
    expect(member.texts().some((t) => t.includes('⚠️ Lãnh đạo xác nhận dấu hiệu đối với đồng chí'))).toBe(true);

    await head.command('ycgiaitrinh', code);
    await head.press('Dùng nội dung mặc định');
    expect(head.last()).toContain('Đã gửi yêu cầu giải trình GT-2026-0001');
    await h.idle();
    expect(member.last()).toContain('📄 Yêu cầu giải trình GT-2026-0001');
    await member.command('giaitrinh', 'GT-2026-0001 Tôi xin nhận trách nhiệm; sẽ phối hợp với Chi cục Thuế để hoàn thành trong tuần.');
    expect(member.last()).toContain('Đã gửi giải trình GT-2026-0001');
    await h.idle();
    expect(head.last()).toContain('📄 GT-2026-0001: giải trình của');
    expect((await h.db.db.explanationDemand.findFirstOrThrow({ where: { code: 'GT-2026-0001' } })).status).toBe('ANSWERED');
  });

  it('says what is wrong with a command without a code, with an unknown code or with the wrong kind of code', async () => {
    await member.command('nhan');
    expect(member.last()).toBe('Dùng: /nhan kèm mã, ví dụ: /nhan NV-2026-0012');
    await member.command('nhan', 'NV-2026-0999');
    expect(member.last()).toContain('Không tìm thấy NV-2026-0999');
    await member.command('dongy', code);
    expect(member.last()).toContain('/dongy YK-');
    await member.command('duyetgiahan', code);
    expect(member.last()).toContain(`${code} hiện không có nội dung nào để xử lý`);
  });

  it('a button of an older notification acts on its own task, whatever came after it', async () => {
    const deadline = new Date(h.timeSource.now().getTime() + 5 * 24 * 3_600_000);
    const older = await h.give('TCKH-01', 'TCKH-03', { title: 'Rà soát hồ sơ hộ nghèo năm 2026', deadline });
    const olderMessage = h.oa!.messagesTo(member.id).at(-1)!;
    expect(olderMessage.text).toContain(older.code);
    const newer = await h.give('TCKH-01', 'TCKH-03', { title: 'Tổng hợp kiến nghị cử tri cuối năm', deadline });
    expect(member.last()).toContain(newer.code);
    await h.oa!.pressButton(member.id, 'Nhận việc', { messageId: olderMessage.messageId });
    await h.idle();
    expect(member.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${older.code}`);
    const statuses = await h.db.db.task.findMany({ where: { code: { in: [older.code, newer.code] } }, orderBy: { code: 'asc' } });
    expect(statuses.map((t) => t.status)).toEqual(['ACCEPTED', 'ASSIGNED']);
    // The newest one's own button, then, acts on it.
    await h.oa!.pressButton(member.id, 'Nhận việc', {
      messageId: h.oa!.messagesTo(member.id).find((m) => m.text?.includes(`📌 Nhiệm vụ mới ${newer.code}`))!.messageId,
    });
    await h.idle();
    expect(member.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${newer.code}`);
  });

  it('someone who writes without following cannot be answered (Zalo: -213); once they follow they are asked for the code and link with /start CODE', async () => {
    const stranger = oaUser(h, 'Huỳnh Thị Mai');
    await stranger.say('Xin chào');
    expect(stranger.texts()).toEqual([]);
    const tried = h.oa!.callsTo('message/cs').filter((c) => (c.params.recipient as { user_id?: string } | undefined)?.user_id === stranger.id);
    expect(tried.map((c) => c.outcome.error)).toEqual([-213]);
    await stranger.follow();
    expect(stranger.last()).toContain('chưa được liên kết');
    const invite = await issueInvite(h.app, { officialCode: 'TCKH-02', now: h.timeSource.now() });
    await stranger.say(`/start ${invite.code.toLowerCase()}`);
    expect(stranger.last()).toContain('Đã liên kết tài khoản này với đồng chí Huỳnh Thị Mai');
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { channel: 'ZALO_OA', officialId: await h.officialId('TCKH-02') } });
    expect(identity.chatId).toBe(stranger.id);
  });

  it('has help that explains the commands with a code, the numbers the OA falls back to, and /kenh; in English too', async () => {
    await member.command('trogiup');
    expect(member.last()).toContain('/nhan NV-2026-0012');
    expect(member.last()).toContain('/kenh oa');
    // The OA has buttons, but a message with more choices than its 5 buttons comes numbered (the next test).
    expect(member.last()).toContain('trả lời bằng số');
    await member.command('lang', 'en');
    await member.command('help');
    expect(member.last()).toContain('Commands you can use:');
    expect(member.last()).toContain('/accept NV-2026-0012');
    expect(member.last()).toContain('reply with the number');
    await member.command('lang', 'vi');
  });

  it('answers a number that matches no choice, outside any step, without taking it as anything else', async () => {
    // The last message with choices had buttons: there are no numbers to answer.
    await member.say('9');
    expect(member.last()).toBe(
      'Tin nhắn gần nhất không có lựa chọn số 9. Đồng chí xem lại các lựa chọn đánh số, gõ lệnh kèm mã (vd: /nhan NV-2026-0012) hoặc gõ /trogiup.',
    );
  });

  it('a merged reminder with more choices than buttons comes numbered; a number typed after the prompt expired is answered clearly and does nothing', async () => {
    const deadline = new Date(h.timeSource.now().getTime() + 5 * 24 * 3_600_000);
    const first = await h.give('TCKH-01', 'TCKH-03', { title: 'Kiểm tra hồ sơ quyết toán dự án trường học', deadline });
    const second = await h.give('TCKH-01', 'TCKH-03', { title: 'Rà soát danh mục đầu tư công trung hạn', deadline });
    expect(member.buttons()).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
    // Neither is accepted in time: their reminders fall due together and go as one message of 6 choices.
    const merged = () =>
      h.oa!.messagesTo(member.id).find((m) => m.text?.includes(first.code) && m.text.includes(second.code) && parseOptions(m.text).length >= 6);
    for (let i = 0; i < 24 && !merged(); i++) await h.advance(30 * 60_000);
    const reminder = merged()!;
    expect(reminder.buttons ?? []).toEqual([]);
    const accept = parseOptions(reminder.text!).find((o) => o.command === `/nhan ${first.code}`)!;
    expect(accept.label).toBe(`${first.code} · Nhận việc`);

    const shown = member.texts().length;
    h.timeSource.advance(31 * 60_000); // the prompt lives 30 minutes (policy promptTtl)
    await member.say(String(accept.n));
    expect(member.since(shown)).toEqual(['Các lựa chọn đánh số trước đã hết hạn. Đồng chí gõ /viec hoặc /ykien để xem danh sách mới.']);
    expect((await h.db.db.task.findUniqueOrThrow({ where: { id: first.id } })).status).toBe('ASSIGNED');
    // The command with the code still works.
    await member.command('nhan', first.code);
    expect(member.last()).toContain(`Đồng chí đã nhận nhiệm vụ ${first.code}`);
  });
});
