import { describe, expect, test as base } from 'vitest';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import type { Harness, HarnessOptions } from '../support/app-harness.js';
import { sampleHarness, withSampleHarness } from '../support/harness-fixture.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { unitPool } from '../support/zalo-pair.js';
import { zaloUser, type ZaloUser } from '../support/zalo-user.js';

// Sending on Zalo: back-off on 429 and 5xx without loss or duplicates, and the monthly count with its warning. The
// back-off tests share the file's harness, each with a member of a unit no other test uses in a fresh Zalo chat; the
// monthly count is one per channel and month and warns once, so its test counts on a harness of its own from zero.
const OPTIONS: HarnessOptions = { zalo: { monthlyCap: 20 }, workerOptions: { deliveryBackoffMs: 100 } };
const nextUnit = unitPool('zalo-delivery');

/** A member on Zalo, and notifications sent to them through notify and the real workers. */
interface Given {
  h: Harness;
  member: ZaloUser;
  memberId: number;
  tell(text: string): Promise<void>;
  /** How many times the text reached the member. */
  delivered(text: string): number;
  /** The month's count of messages sent on Zalo. */
  count(): Promise<number>;
}

async function memberOnZalo(h: Harness, code: string): Promise<Given> {
  const member = zaloUser(h, `member-${code}`);
  await h.linkZalo(code, member.id);
  await h.idle();
  const memberId = await h.officialId(code);
  return {
    h,
    member,
    memberId,
    async tell(text) {
      await inTransaction(h.app, (tx, effects) => notify(h.app, tx, effects, memberId, () => ({ text })));
      await h.idle();
    },
    delivered: (text) => member.texts().filter((t) => t === text).length,
    count: async () => (await h.db.db.channelQuota.findFirst({ where: { channel: 'ZALO' } }))?.count ?? 0,
  };
}

const test = base.extend<{ $test: { given: Given; alone: Given & { admin: TelegramUser } }; $file: { harness: Harness } }>({
  harness: sampleHarness(OPTIONS),
  given: async ({ harness: h }, use) => {
    await use(await memberOnZalo(h, `${nextUnit()}-03`));
  },
  // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
  alone: async ({}, use) =>
    withSampleHarness(OPTIONS, async (h) => {
      // VPUB-04 (Hà Minh Quân) is the admin of the sample district.
      const admin = telegramUser(h, await h.link('VPUB-04', 2004));
      await use({ ...(await memberOnZalo(h, 'TCKH-03')), admin });
    }),
});

describe('Zalo delivery: back-off and the monthly message count', () => {
  test('waits and sends again after a 429 (Zalo gives no retry_after), once', async ({ given: { h, member, tell, delivered, count } }) => {
    const counted = await count();
    h.zalo.failNext('sendMessage', { status: 429 });
    await tell('Thông báo thử 429');
    expect(delivered('Thông báo thử 429')).toBe(1);
    const calls = h.zalo.callsTo('sendMessage').filter((c) => c.params.text === 'Thông báo thử 429');
    expect(calls.map((c) => (c.outcome.ok ? 'ok' : c.outcome.errorCode))).toEqual([429, 'ok']);
    // The wait was at least the configured base (200 ms in the harness).
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(190);
    const row = await h.db.db.outbox.findFirstOrThrow({ where: { chatId: member.id, status: 'SENT' }, orderBy: { id: 'desc' } });
    expect(row.attempts).toBe(1);
    // Counted once: the refused try is not a message sent.
    expect(await count()).toBe(counted + 1);
  });

  test('backs off and sends again after 5xx answers, once, in order', async ({ given: { h, member, memberId, count } }) => {
    const counted = await count();
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
    expect(await count()).toBe(counted + 2);
  });

  test('retries a reply to a person who just wrote when Zalo answers 5xx', async ({ given: { h, member, count } }) => {
    const counted = await count();
    h.zalo.failNext('sendMessage', { status: 502 });
    await member.command('lang', 'xx');
    expect(member.last()).toBe('Dùng: /lang vi hoặc /lang en.');
    expect(member.texts().filter((t) => t === 'Dùng: /lang vi hoặc /lang en.').length).toBe(1);
    // A reply is counted like a notification, once.
    expect(await count()).toBe(counted + 1);
  });

  test('counts every message sent on Zalo and warns the admin once at 80% of the cap', async ({ alone: { h, admin, tell, count } }) => {
    // So far on this harness: the link reply (the back-off tests count notifications and replies, once each).
    expect(await count()).toBe(1);
    const adminBefore = admin.texts().length;
    for (let i = 1; i <= 17; i++) await tell(`Thông báo số ${i}`);
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
