// The Bot Platform's consultation from question to decision (tests/e2e/zalo-consultation.test.ts) again on the Zalo OA
// (issue 11), with buttons where the Bot Platform has numbers: head TCKH-01 asks member TCKH-03 and deputy TCKH-02.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { linkOaUser, oaUser, type OaUser } from '../support/oa-user.js';

describe('a consultation on the Zalo OA: asked step by step, answered with a stance by button and by command', () => {
  let h: Harness;
  let head: OaUser;
  let member: OaUser;
  let deputy: OaUser;

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    member = oaUser(h, 'Đào Quang Vinh');
    deputy = oaUser(h, 'Huỳnh Thị Mai');
    for (const [u, code] of [
      [head, 'TCKH-01'],
      [member, 'TCKH-03'],
      [deputy, 'TCKH-02'],
    ] as const)
      await linkOaUser(h, u, code);
  });
  afterAll(async () => {
    await h?.close();
  });

  const stanceOf = async (code: string) =>
    h.db.db.consultationRespondent.findFirstOrThrow({ where: { consultation: { code: 'YK-2026-0001' }, officialId: await h.officialId(code) } });

  it('asks step by step by text and buttons; each respondent gets the four stances as buttons', async () => {
    await head.command('xinykien');
    expect(head.last()).toContain('bước 1/6');
    await head.say('dao quang vinh');
    expect(head.buttons()).toContain('Xong');
    await head.say('huynh thi mai');
    await head.press('Xong');
    expect(head.last()).toContain('bước 2/6');
    await head.say('Phương án bố trí lại bộ phận một cửa');
    await head.say('Đề nghị cho ý kiến về phương án chuyển bộ phận một cửa sang tầng 1, bố trí 2 cán bộ thường trực.');
    await head.press('Thường');
    expect(head.last()).toContain('bước 5/6');
    await head.press(head.buttons().find((b) => b.startsWith('Mặc định'))!);
    expect(head.last()).toContain('bước 6/6');
    await head.press('Bỏ qua');
    await head.press(head.buttons().find((b) => b.startsWith('Gửi'))!);
    expect(head.last()).toContain('YK-2026-0001');
    await h.idle();
    for (const u of [member, deputy]) {
      expect(u.last()).toContain('❓ Xin ý kiến YK-2026-0001');
      expect(u.buttons()).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung', 'Xin làm rõ']);
    }
  });

  it('a bare number is not taken as an answer without a stance', async () => {
    const before = await h.db.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } });
    await member.say('7');
    expect(await h.db.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } })).toBe(before);
    expect((await stanceOf('TCKH-03')).stance).toBeNull();
  });

  it('records a stance pressed as a button, with its reason typed after', async () => {
    await member.press('Không đồng ý');
    expect(member.last()).toContain('YK-2026-0001');
    await member.say('Tầng 1 đang là kho lưu trữ, chưa có kinh phí cải tạo trong năm nay.');
    const row = await stanceOf('TCKH-03');
    expect(row.stance).toBe('DISAGREE');
    expect(row.stanceText).toBe('Tầng 1 đang là kho lưu trữ, chưa có kinh phí cải tạo trong năm nay.');
  });

  it('records a stance given by command with the code, at any time', async () => {
    await deputy.command('bosung', 'YK-2026-0001 Đồng ý, đề nghị bổ sung biển chỉ dẫn cho người dân');
    const row = await stanceOf('TCKH-02');
    expect(row.stance).toBe('AGREE_WITH_AMENDMENTS');
    expect(row.stanceText).toBe('Đồng ý, đề nghị bổ sung biển chỉ dẫn cho người dân');
  });

  it('closes with a decision by command; everyone reads it on the OA', async () => {
    await head.command('ketluan', 'YK-2026-0001 Giữ nguyên vị trí bộ phận một cửa đến hết năm 2026; Văn phòng lập dự toán cải tạo tầng 1 trong năm 2027.');
    expect(head.last()).toContain('Đã kết luận YK-2026-0001');
    await h.idle();
    expect(member.last()).toContain('🏁 Kết luận YK-2026-0001');
    expect(deputy.last()).toContain('Giữ nguyên vị trí bộ phận một cửa');
    expect((await h.db.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0001' } })).status).toBe('CLOSED');
  });
});
