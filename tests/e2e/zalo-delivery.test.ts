import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// Sending on Zalo: back-off on 429 and 5xx without loss or duplicates, and the monthly count with its warning.
describe('Zalo delivery: back-off and the monthly message count', () => {
  let h: Harness;
  let admin: TelegramUser;
  let member: ZaloUser;
  let memberId: number;

  const tell = async (text: string) => {
    await inTransaction(h.app, (tx, effects) => notify(h.app, tx, effects, memberId, () => ({ text })));
    await h.idle();
  };
  const delivered = (text: string) => member.texts().filter((t) => t === text).length;

  beforeAll(async () => {
    h = await createHarness({ zalo: { monthlyCap: 20 }, workerOptions: { deliveryBackoffMs: 100 } });
    await h.importSample();
    // VPUB-04 (Hà Minh Quân) is the admin of the sample district.
    admin = telegramUser(h, await h.link('VPUB-04', 2004));
    member = zaloUser(h, 'vinh');
    await h.linkZalo('TCKH-03', member.id);
    memberId = await h.officialId('TCKH-03');
  });
  afterAll(async () => {
    await h?.close();
  });

  it('waits and sends again after a 429 (Zalo gives no retry_after), once', async () => {
    h.zalo.failNext('sendMessage', { status: 429 });
    await tell('Thông báo thử 429');
    expect(delivered('Thông báo thử 429')).toBe(1);
    const calls = h.zalo.callsTo('sendMessage').filter((c) => c.params.text === 'Thông báo thử 429');
    expect(calls.map((c) => (c.outcome.ok ? 'ok' : c.outcome.errorCode))).toEqual([429, 'ok']);
    // The wait was at least the configured base (200 ms in the harness).
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(190);
    const row = await h.db.db.outbox.findFirstOrThrow({ where: { chatId: member.id, status: 'SENT' }, orderBy: { id: 'desc' } });
    expect(row.attempts).toBe(1);
  });

  it('backs off and sends again after 5xx answers, once, in order', async () => {
    h.zalo.failNext('sendMessage', { status: 500 }, 2);
    await inTransaction(h.app, async (tx, effects) => {
      await notify(h.app, tx, effects, memberId, () => ({ text: 'Thông báo thử 5xx – 1' }));
      await notify(h.app, tx, effects, memberId, () => ({ text: 'Thông báo thử 5xx – 2' }));
    });
    await h.idle();
    const texts = member.texts();
    expect(texts.slice(-2)).toEqual(['Thông báo thử 5xx – 1', 'Thông báo thử 5xx – 2']);
    const first = h.zalo.callsTo('sendMessage').filter((c) => c.params.text === 'Thông báo thử 5xx – 1');
    expect(first.map((c) => (c.outcome.ok ? 'ok' : c.outcome.errorCode))).toEqual([500, 500, 'ok']);
    // 100 ms then 200 ms of back-off.
    expect(first[2]!.at - first[0]!.at).toBeGreaterThanOrEqual(280);
  });

  it('retries a reply to a person who just wrote when Zalo answers 5xx', async () => {
    h.zalo.failNext('sendMessage', { status: 502 });
    await member.command('lang', 'xx');
    expect(member.last()).toBe('Dùng: /lang vi hoặc /lang en.');
    expect(member.texts().filter((t) => t === 'Dùng: /lang vi hoặc /lang en.').length).toBe(1);
  });

  it('counts every message sent on Zalo and warns the admin once at 80% of the cap', async () => {
    const count = async () => (await h.db.db.channelQuota.findFirst({ where: { channel: 'ZALO' } }))?.count ?? 0;
    // So far: the link reply, three notifications, one reply.
    expect(await count()).toBe(5);
    const adminBefore = admin.texts().length;
    for (let i = 1; i <= 13; i++) await tell(`Thông báo số ${i}`);
    expect(await count()).toBe(18);
    const warnings = admin.since(adminBefore).filter((t) => t.includes('⚠️ Bot Zalo'));
    expect(warnings).toEqual([
      '⚠️ Bot Zalo đã gửi 16/20 tin nhắn trong tháng 12/2026 (80% hạn mức đã cấu hình). Khi vượt hạn mức của gói dịch vụ, Zalo có thể ngừng chuyển tin nhắn đến hết tháng. Đề nghị kiểm tra gói dịch vụ của bot, hoặc đề nghị cán bộ đã liên kết Telegram chuyển sang nhận thông báo qua Telegram (/kenh telegram).',
    ]);
    const row = await h.db.db.channelQuota.findFirstOrThrow({ where: { channel: 'ZALO' } });
    expect(row.month).toBe('2026-12');
    expect(row.warnedAt).not.toBeNull();
  });
});
