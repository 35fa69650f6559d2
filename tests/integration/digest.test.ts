import { describe, expect, test as base } from 'vitest';
import { composeDigest, composeDigests } from '../../src/app/digest/compose-digest.js';
import type { QueryCounter } from '../../src/app/digest/digest-facts.js';
import { digestMessages } from '../../src/app/digest/digest-view.js';
import { viewTools } from '../../src/app/views/tools.js';
import { CAPABILITIES } from '../../src/app/ports/channel.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { DIGEST_MORNING, seedDigestDistrict, TELEGRAM_IDS } from '../support/digest-district.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

// The district is seeded once per file (a file-scoped fixture) at Tuesday's digest time, and no test moves the clock
// or changes an item, so each test reads the same state whatever ran before it. A test that opens something from the
// digest asks for the digest itself first; the settings a test changes (a deputy's subscription, a chairman's
// language) are set back by that test, and no other test reads them.
const test = base.extend<{ $test: { head: TelegramUser }; $file: { h: Harness } }>({
  h: [
    // biome-ignore lint/correctness/noEmptyPattern: Vitest reads the fixture's dependencies from this pattern.
    async ({}, use) => {
      const h = await createHarness({ start: DIGEST_MORNING.toISOString() });
      try {
        await seedDigestDistrict(h);
        await use(h);
      } finally {
        await h.close();
      }
    },
    { scope: 'file' },
  ],
  /** The head of Phòng Tài chính – Kế hoạch on Telegram. */
  head: async ({ h }, use) => use(telegramUser(h, TELEGRAM_IDS['TCKH-01'])),
});

async function digestText(h: Harness, code: string, channel: 'TELEGRAM' | 'ZALO' = 'TELEGRAM'): Promise<string[]> {
  const o = await h.db.db.official.findFirstOrThrow({ where: { code } });
  const d = await composeDigest(h.app, { id: o.id, unitId: o.unitId });
  const t = h.app.catalogue.translator('vi');
  const messages = digestMessages(d, {
    t,
    v: viewTools(h.app, 'vi'),
    org: await h.app.org(),
    capabilities: CAPABILITIES[channel],
    dueSoonWorkingDays: 2,
    workingDayMs: 7.5 * 3_600_000,
  });
  return messages.map((m) => m.text);
}

describe('the daily digest of a unit subtree', () => {
  test('/tonghop gives the head of Phòng TCKH the digest of their unit, line by line', async ({ head }) => {
    const before = head.texts().length;
    await head.command('tonghop');
    const [text, ...more] = head.since(before);
    expect(more).toEqual([]);
    expect(text!.split('\n')).toEqual([
      '📋 Tổng hợp ngày 08/12/2026 – Phòng Tài chính – Kế hoạch',
      '',
      'Nhiệm vụ đang theo dõi: 7',
      '⚪ Chưa nhận việc: 2',
      '🔵 Đang thực hiện, trong hạn: 2',
      '⏳ Đến hạn trong 2 ngày làm việc tới: 1',
      '🔴 Quá hạn: 3 (đến 2 ngày: 1 · trên 2 đến 5 ngày: 1 · trên 5 ngày: 1)',
      '',
      '💬 Xin ý kiến đã quá hạn, chưa có ý kiến: 1 lượt',
      '⏰ Ngày làm việc trước (07/12/2026): 2 lượt nhắc việc, 1 lượt báo cáo cấp trên',
      '🚩 Dấu hiệu chờ xem xét: 2, trong đó 1 chờ đồng chí xem xét (/canhbao)',
      '',
      '📵 Không gửi được tin nhắn tới 1 đồng chí (tài khoản chat từ chối nhận tin):',
      '• đ/c Đào Quang Vinh, từ 05/12/2026',
      '📵 Chưa liên kết tài khoản chat: 1 đồng chí (không nhận được thông báo).',
      '',
      'Quá hạn lâu nhất (3):',
      '1. NV-2026-0006 · Quyết toán kinh phí chương trình nông thôn mới – đ/c Nguyễn Thị Thu Hà · quá hạn 11 ngày làm việc (hạn 17:00 20/11/2026)',
      '2. NV-2026-0005 · Thẩm định dự toán sửa chữa trụ sở xã Tân Lập – đ/c Đào Quang Vinh · quá hạn 3 ngày làm việc (hạn 17:00 02/12/2026), chưa nhận việc',
      '3. NV-2026-0004 · Báo cáo giải ngân vốn đầu tư công – đ/c Đào Quang Vinh · quá hạn 3 giờ làm việc (hạn 11:30 07/12/2026)',
    ]);
    expect(head.buttons().map((b) => b.text)).toEqual([
      'Xem NV-2026-0006',
      'Yêu cầu giải trình NV-2026-0006',
      'Xem NV-2026-0005',
      'Yêu cầu giải trình NV-2026-0005',
      'Xem NV-2026-0004',
      'Yêu cầu giải trình NV-2026-0004',
    ]);
  });

  test('each listed task opens from its button, and the other button demands an explanation', async ({ head }) => {
    await head.command('tonghop');
    expect(head.buttons().map((b) => b.text)).toContain('Xem NV-2026-0006');
    await head.press('Xem NV-2026-0006');
    expect(head.last()).toContain('🔴 NV-2026-0006');
    expect(head.last()).toContain('Người thực hiện: đ/c Nguyễn Thị Thu Hà, Chuyên viên');
    await head.command('tonghop');
    await head.press('Yêu cầu giải trình NV-2026-0005');
    expect(head.last()).toMatch(/^Yêu cầu giải trình về NV-2026-0005 · Đào Quang Vinh\. Người giải trình: đ\/c Đào Quang Vinh/);
    await head.command('huy');
  });

  test('reaches only the subtree: the chairman of UBND sees the units below, the head of Ban Tổ chức only hers', async ({ h }) => {
    const ub = (await digestText(h, 'UB-01')).join('\n').split('\n');
    expect(ub[0]).toBe('📋 Tổng hợp ngày 08/12/2026 – Ủy ban nhân dân huyện');
    expect(ub).toContain('Phạm vi: đơn vị và 9 đơn vị trực thuộc.');
    expect(ub).toContain('Nhiệm vụ đang theo dõi: 8');
    expect(ub).toContain('🔴 Quá hạn: 4 (đến 2 ngày: 1 · trên 2 đến 5 ngày: 2 · trên 5 ngày: 1)');
    expect(ub).toContain('⏰ Ngày làm việc trước (07/12/2026): 3 lượt nhắc việc, 1 lượt báo cáo cấp trên');
    // Neither pending signal is for the chairman to review (TCKH-01's goes to UB-02, his explicit superior).
    expect(ub).toContain('🚩 Dấu hiệu chờ xem xét: 2');
    expect(ub).toContain('• đ/c Đào Quang Vinh (Phòng Tài chính – Kế hoạch), từ 05/12/2026');
    expect(ub).toContain('📵 Chưa liên kết tài khoản chat: 24 đồng chí (không nhận được thông báo).');
    expect(ub.filter((l) => /^\d+\. /.test(l)).map((l) => l.slice(0, 15))).toEqual([
      '1. NV-2026-0006',
      '2. NV-2026-0011',
      '3. NV-2026-0005',
      '4. NV-2026-0004',
    ]);
    expect(ub.join('\n')).toContain('đ/c Lê Văn Toàn (Phòng Nội vụ) · quá hạn 4 ngày làm việc');
    expect(ub.join('\n')).not.toContain('NV-2026-0012');

    const btc = (await digestText(h, 'BTC-01')).join('\n').split('\n');
    expect(btc).toEqual([
      '📋 Tổng hợp ngày 08/12/2026 – Ban Tổ chức Huyện ủy',
      '',
      'Nhiệm vụ đang theo dõi: 1',
      '🔴 Quá hạn: 1 (đến 2 ngày: 1)',
      '',
      '📵 Chưa liên kết tài khoản chat: 3 đồng chí (không nhận được thông báo).',
      '',
      'Quá hạn lâu nhất (1):',
      '1. NV-2026-0012 · Tổng hợp hồ sơ đảng viên dự bị – đ/c Nguyễn Văn An · quá hạn 1 ngày làm việc (hạn 17:00 04/12/2026), chưa nhận việc',
    ]);

    const hu = (await digestText(h, 'HU-01')).join('\n');
    expect(hu).toContain('Nhiệm vụ đang theo dõi: 9');
    expect(hu).toContain('NV-2026-0012');
    expect(hu).toContain('NV-2026-0011');
  });

  test('an empty digest is one line', async ({ h }) => {
    expect(await digestText(h, 'XPM-01')).toEqual([
      '📋 Tổng hợp ngày 08/12/2026 – UBND xã Phú Mỹ: không có nhiệm vụ đang theo dõi, ý kiến quá hạn hay nội dung cần xem xét.',
    ]);
  });

  test('asks the database the same fixed number of queries for a unit of 4 people and for the whole district', async ({ h }) => {
    const counts: number[] = [];
    for (const code of ['TCKH-01', 'UB-01', 'HU-01', 'XPM-01']) {
      const o = await h.db.db.official.findFirstOrThrow({ where: { code } });
      const counter: QueryCounter = { queries: 0 };
      await composeDigest(h.app, { id: o.id, unitId: o.unitId }, counter);
      counts.push(counter.queries);
    }
    expect(counts).toEqual([7, 7, 7, 7]);
    const all = await h.db.db.official.findMany({ where: { role: { in: ['HEAD', 'DEPUTY'] } } });
    const counter: QueryCounter = { queries: 0 };
    await composeDigests(
      h.app,
      all.map((o) => ({ id: o.id, unitId: o.unitId })),
      counter,
    );
    expect(counter.queries).toBe(6);
  });

  test('composes the same digest for every head whether loaded for one subtree or for the whole organisation', async ({ h }) => {
    const leaders = await h.db.db.official.findMany({ where: { role: { in: ['HEAD', 'DEPUTY'] } }, orderBy: { id: 'asc' } });
    const all = await composeDigests(
      h.app,
      leaders.map((o) => ({ id: o.id, unitId: o.unitId })),
    );
    for (const o of leaders) expect(all.get(o.id)).toEqual(await composeDigest(h.app, { id: o.id, unitId: o.unitId }));
  });

  test('is for heads and deputies only; a deputy can ask for it every morning and stop', async ({ h, head }) => {
    const member = telegramUser(h, TELEGRAM_IDS['XPM-03']);
    await member.command('tonghop');
    expect(member.last()).toBe('Bản tổng hợp dành cho trưởng, phó đơn vị. Việc của đồng chí: /viec.');

    const deputy = telegramUser(h, TELEGRAM_IDS['TCKH-02']);
    await deputy.command('tonghop');
    expect(deputy.last()).toMatch(/^📋 Tổng hợp ngày 08\/12\/2026 – Phòng Tài chính – Kế hoạch\n/);
    await deputy.command('tonghop', 'batdau');
    expect(deputy.last()).toBe('Đã đăng ký: đồng chí sẽ nhận bản tổng hợp của đơn vị lúc 07:30 mỗi ngày làm việc.');
    expect((await h.db.db.official.findFirstOrThrow({ where: { code: 'TCKH-02' } })).digestOptIn).toBe(true);
    await deputy.command('digest', 'off');
    expect(deputy.last()).toBe('Đã thôi nhận bản tổng hợp hằng ngày. Đồng chí vẫn xem được bất cứ lúc nào bằng /tonghop.');
    expect((await h.db.db.official.findFirstOrThrow({ where: { code: 'TCKH-02' } })).digestOptIn).toBe(false);
    await head.command('tonghop', 'tatdat');
    expect(head.last()).toBe('Trưởng đơn vị luôn nhận bản tổng hợp lúc 07:30 mỗi ngày làm việc.');
    await head.command('tonghop', 'xyz');
    expect(head.last()).toContain('/tonghop batdau');
  });

  test('speaks English to a head who chose it', async ({ h }) => {
    const chair = telegramUser(h, TELEGRAM_IDS['UB-01']);
    await chair.command('lang', 'en');
    await chair.command('digest');
    const text = chair.last();
    expect(text).toMatch(/^📋 Digest for 08\/12\/2026 – Ủy ban nhân dân huyện\nScope: the unit and 9 units below it\./);
    expect(text).toContain('🔴 Overdue: 4 (up to 2 days: 1 · over 2 to 5 days: 2 · over 5 days: 1)');
    expect(text).toContain('overdue by 11 working days (deadline 17:00 20/11/2026)');
    await chair.command('lang', 'vi');
  });
});
