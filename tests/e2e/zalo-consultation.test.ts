import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// A consultation on Zalo from question to decision: head TCKH-01 asks member TCKH-03 and deputy TCKH-02.
describe('a consultation on Zalo: asked by text, answered with a stance by number and by command', () => {
  let h: Harness;
  let head: ZaloUser;
  let member: ZaloUser;
  let deputy: ZaloUser;

  beforeAll(async () => {
    h = await createHarness();
    await h.importSample();
    head = zaloUser(h, 'son');
    member = zaloUser(h, 'vinh');
    deputy = zaloUser(h, 'mai');
    await h.linkZalo('TCKH-01', head.id);
    await h.linkZalo('TCKH-03', member.id);
    await h.linkZalo('TCKH-02', deputy.id);
  });
  afterAll(async () => {
    if (process.env.ZALO_TRANSCRIPT && h) {
      const { appendFileSync } = await import('node:fs');
      const chat = (who: string, u: ZaloUser) => `===== ${who} =====\n${u.texts().join('\n-----\n')}\n`;
      appendFileSync(
        process.env.ZALO_TRANSCRIPT,
        chat('Trưởng phòng (TCKH-01), người xin ý kiến', head) + chat('Chuyên viên (TCKH-03)', member) + chat('Phó Trưởng phòng (TCKH-02)', deputy),
      );
    }
    await h?.close();
  });

  it('asks step by step by text and numbers', async () => {
    await head.command('xinykien');
    expect(head.last()).toContain('bước 1/6');
    await head.say('dao quang vinh');
    expect(head.options().map((o) => o.label)).toEqual(['Xong']);
    await head.say('huynh thi mai');
    await head.choose('Xong');
    expect(head.last()).toContain('bước 2/6');
    await head.say('Phương án bố trí lại bộ phận một cửa');
    await head.say('Đề nghị cho ý kiến về phương án chuyển bộ phận một cửa sang tầng 1, bố trí 2 cán bộ thường trực.');
    await head.choose('Thường');
    expect(head.last()).toContain('bước 5/6');
    await head.say('1'); // the default deadline
    expect(head.last()).toContain('bước 6/6');
    await head.choose('Bỏ qua');
    await head.say('1'); // send
    expect(head.last()).toContain('YK-2026-0001');
    // Every step read right on a chat without buttons: numbers to type, never a button to press (issue 13).
    expect(head.texts().filter((t) => /bấm/i.test(t))).toEqual([]);
    expect(head.texts().some((t) => t.includes('gõ số của lựa chọn "Xong"'))).toBe(true);
    expect(head.texts().some((t) => t.includes('Gõ số của lựa chọn "Mặc định"'))).toBe(true);

    const question = member.last();
    expect(question).toContain('❓ Xin ý kiến YK-2026-0001');
    expect(member.options()).toEqual([
      { n: 1, label: 'Đồng ý', command: '/dongy YK-2026-0001' },
      { n: 2, label: 'Không đồng ý', command: '/khongdongy YK-2026-0001' },
      { n: 3, label: 'Đồng ý có ý kiến bổ sung', command: '/bosung YK-2026-0001' },
      { n: 4, label: 'Xin làm rõ', command: '/hoilai YK-2026-0001' },
    ]);
  });

  it('a bare number that matches no choice is not taken as an answer without a stance', async () => {
    const before = await h.db.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } });
    await member.say('7');
    expect(member.last()).toBe(
      'Tin nhắn gần nhất không có lựa chọn số 7. Đồng chí xem lại các lựa chọn đánh số, gõ lệnh kèm mã (vd: /nhan NV-2026-0012) hoặc gõ /trogiup.',
    );
    expect(await h.db.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } })).toBe(before);
  });

  it('records a stance answered by number, with its reason typed after', async () => {
    await member.choose('Không đồng ý');
    expect(member.last()).toContain('YK-2026-0001');
    expect(member.last()).toContain('Gõ /huy để dừng.');
    await member.say('Tầng 1 đang là kho lưu trữ, chưa có kinh phí cải tạo trong năm nay.');
    const row = await h.db.db.consultationRespondent.findFirstOrThrow({
      where: { consultation: { code: 'YK-2026-0001' }, officialId: await h.officialId('TCKH-03') },
    });
    expect(row.stance).toBe('DISAGREE');
    expect(row.stanceText).toBe('Tầng 1 đang là kho lưu trữ, chưa có kinh phí cải tạo trong năm nay.');
  });

  it('records a stance given by command with the code, at any time', async () => {
    await deputy.command('bosung', 'YK-2026-0001 Đồng ý, đề nghị bổ sung biển chỉ dẫn cho người dân');
    const row = await h.db.db.consultationRespondent.findFirstOrThrow({
      where: { consultation: { code: 'YK-2026-0001' }, officialId: await h.officialId('TCKH-02') },
    });
    expect(row.stance).toBe('AGREE_WITH_AMENDMENTS');
    expect(row.stanceText).toBe('Đồng ý, đề nghị bổ sung biển chỉ dẫn cho người dân');
  });

  it('closes with a decision by command; everyone reads it on Zalo', async () => {
    await head.command('ketluan', 'YK-2026-0001 Giữ nguyên vị trí bộ phận một cửa đến hết năm 2026; Văn phòng lập dự toán cải tạo tầng 1 trong năm 2027.');
    expect(head.last()).toContain('Đã kết luận YK-2026-0001');
    expect(member.last()).toContain('🏁 Kết luận YK-2026-0001');
    expect(deputy.last()).toContain('Giữ nguyên vị trí bộ phận một cửa');
    expect((await h.db.db.consultation.findUniqueOrThrow({ where: { code: 'YK-2026-0001' } })).status).toBe('CLOSED');
  });
});
