// The Bot Platform's task flows that zalo-oa.test.ts does not already run (tests/e2e/zalo-tasks.test.ts), again on the
// Zalo OA (issue 11), with buttons where the Bot Platform has numbers: a decline by command, the head's review of the
// signal it raises and an explanation demanded and answered, and the answers to commands without a usable code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';

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
    const task = await h.db.db.task.findUniqueOrThrow({ where: { code } });
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
    expect((await h.db.db.explanationDemand.findUniqueOrThrow({ where: { code: 'GT-2026-0001' } })).status).toBe('ANSWERED');
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
});
