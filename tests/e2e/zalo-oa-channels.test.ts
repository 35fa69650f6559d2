// Coexistence (issue 11 §6): one official linked on Telegram and on the unit's OA. /kenh offers every linked channel,
// the OA included, as buttons; without a choice the policy's fallback order decides (channels.fallbackOrder, [] = the
// channel linked first); the help text names /kenh oa.
// Phòng Tài chính – Kế hoạch: head TCKH-01 assigns; member TCKH-03 (Đào Quang Vinh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { oaUser, type OaUser } from '../support/oa-user.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

const HOUR = 3_600_000;

describe('an official on Telegram and the OA: /kenh offers both, the fallback order is the policy’s', () => {
  let h: Harness;
  let onOa: OaUser;
  let onTelegram: TelegramUser;
  let memberId: number;
  const give = (title: string) => h.give('TCKH-01', 'TCKH-03', { title, deadline: new Date(h.timeSource.now().getTime() + 5 * 24 * HOUR) });

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    memberId = await h.officialId('TCKH-03');
    onTelegram = telegramUser(h, await h.link('TCKH-03', 8103));
    onOa = oaUser(h, 'Đào Quang Vinh');
    await onOa.follow();
    await onOa.say((await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() })).code);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('/kenh on the OA names both linked channels and offers each as a button; the help names /kenh oa', async () => {
    await onOa.command('kenh');
    expect(onOa.last()).toContain('Thông báo đang được gửi cho đồng chí qua Telegram');
    expect(onOa.last()).toContain('Tài khoản đã liên kết: Telegram, Zalo OA');
    expect(onOa.last()).toContain('/kenh telegram, /kenh oa');
    expect(onOa.buttons()).toEqual(['Nhận qua Telegram', 'Nhận qua Zalo OA']);
    await onOa.command('trogiup');
    expect(onOa.last()).toContain('/kenh oa');
  });

  it('without a choice, the channel linked first gets notifications; the policy order puts the OA first', async () => {
    const oaBefore = onOa.texts().length;
    await give('Tổng hợp số liệu giải ngân');
    expect(onTelegram.last()).toContain('Tổng hợp số liệu giải ngân');
    expect(onOa.since(oaBefore).join('\n')).not.toContain('Tổng hợp số liệu giải ngân');

    h.app.policy.channels.fallbackOrder = ['ZALO_OA', 'TELEGRAM', 'ZALO'];
    const tgBefore = onTelegram.texts().length;
    await give('Rà soát hồ sơ đấu thầu');
    expect(onOa.last()).toContain('Rà soát hồ sơ đấu thầu');
    expect(onTelegram.since(tgBefore).join('\n')).not.toContain('Rà soát hồ sơ đấu thầu');
  });

  it('the person’s own choice (a /kenh button) wins over the order; the order decides again when that channel is unreachable', async () => {
    await onOa.command('kenh');
    await onOa.press('Nhận qua Telegram');
    expect(onOa.last()).toContain('Từ nay thông báo được gửi cho đồng chí qua Telegram');
    expect((await h.db.db.official.findUniqueOrThrow({ where: { id: memberId } })).preferredChannel).toBe('TELEGRAM');
    await give('Lập kế hoạch vốn năm 2027');
    expect(onTelegram.last()).toContain('Lập kế hoạch vốn năm 2027');

    await h.db.db.chatIdentity.updateMany({
      where: { officialId: memberId, channel: 'TELEGRAM' },
      data: { unreachableAt: h.timeSource.now(), unreachableReason: 'test: blocked' },
    });
    await give('Báo cáo tiến độ thu ngân sách');
    expect(onOa.last()).toContain('Báo cáo tiến độ thu ngân sách');
  });

  it('refuses a channel that is not linked', async () => {
    await onOa.command('kenh', 'zalo');
    expect(onOa.last()).toContain('chưa liên kết tài khoản Zalo');
    expect((await h.db.db.official.findUniqueOrThrow({ where: { id: memberId } })).preferredChannel).toBe('TELEGRAM');
  });
});
