import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/app/digest/compose-digest.js';
import { digestMessages } from '../../src/app/digest/digest-view.js';
import { viewTools } from '../../src/app/views/tools.js';
import { CAPABILITIES } from '../../src/app/ports/channel.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { hn, ItemSeeder } from '../support/seed-items.js';
import { parseOptions, zaloUser } from '../support/zalo-user.js';
import { zaloId } from '../support/updates.js';

// The chairman of UBND on a bad morning: 14 overdue tasks with long titles and 24 officials whose chats refuse
// messages. The lists are capped (10 tasks, 20 names) so it still fits Telegram's 4096; Zalo's 2000 and a tighter
// limit split it between items.
describe('a long digest is split between items', () => {
  let h: Harness;
  const units = ['PNV', 'TCKH', 'TNMT', 'GDDT', 'TTDS', 'XTL', 'XHB'];

  beforeAll(async () => {
    h = await createHarness({ start: hn('2026-12-08T07:30').toISOString(), workers: false });
    await h.importSample();
    const s = new ItemSeeder(h.db.db);
    for (let i = 0; i < 14; i++) {
      const unit = units[i % units.length]!;
      await s.task({
        assignee: `${unit}-03`,
        assigner: `${unit}-01`,
        title: `Tổng hợp, rà soát và báo cáo kết quả thực hiện nhiệm vụ số ${i + 1} theo Kế hoạch thực hiện Chỉ thị 56-CT/TU năm 2026`,
        status: 'IN_PROGRESS',
        createdAt: '2026-11-02T09:00',
        acceptedAt: '2026-11-02T10:00',
        deadline: `2026-11-${String(10 + i).padStart(2, '0')}T17:00`,
      });
    }
    const people = await h.db.db.official.findMany({
      where: { unit: { code: { in: ['VPUB', 'PNV', 'TCKH', 'TNMT', 'GDDT', 'TTDS', 'XTL', 'XHB', 'XPM'] } } },
      orderBy: { id: 'asc' },
      take: 24,
    });
    for (const [i, o] of people.entries()) {
      await h.db.db.chatIdentity.create({
        data: {
          officialId: o.id,
          channel: 'TELEGRAM',
          externalUserId: String(5000 + i),
          chatId: String(5000 + i),
          unreachableAt: hn(`2026-12-0${1 + (i % 5)}T10:00`),
          unreachableReason: 'blocked',
        },
      });
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  async function messages(channel: 'TELEGRAM' | 'ZALO', maxTextLength = CAPABILITIES[channel].maxTextLength) {
    const chair = await h.db.db.official.findFirstOrThrow({ where: { code: 'UB-01' } });
    const digest = await composeDigest(h.app, { id: chair.id, unitId: chair.unitId });
    return digestMessages(digest, {
      t: h.app.catalogue.translator('vi'),
      v: viewTools(h.app, 'vi'),
      org: await h.app.org(),
      capabilities: { ...CAPABILITIES[channel], maxTextLength },
      dueSoonWorkingDays: 2,
      workingDayMs: 7.5 * 3_600_000,
    });
  }

  function itemLines(texts: string[]): string[] {
    return texts.flatMap((t) => t.split('\n')).filter((l) => /^\d+\. NV-2026-\d{4} · /.test(l));
  }

  it('on Telegram the capped lists keep it in one message, with a row of buttons per listed task', async () => {
    const [m, ...more] = await messages('TELEGRAM');
    expect(more).toEqual([]);
    expect(m!.text.length).toBeGreaterThan(3000);
    expect(m!.text.length).toBeLessThanOrEqual(4096);
    expect(m!.text).toContain('• và 4 đồng chí khác');
    expect(m!.buttons).toHaveLength(10);
  });

  it('over the limit: messages split between items, the later ones titled as a continuation, each with its own buttons', async () => {
    const m = await messages('TELEGRAM', 1500);
    expect(m.length).toBeGreaterThanOrEqual(3);
    for (const x of m) expect(x.text.length).toBeLessThanOrEqual(1500);
    m.slice(1).forEach((x, i) =>
      expect(x.text.split('\n')[0]).toBe(`📋 Tổng hợp ngày 08/12/2026 – Ủy ban nhân dân huyện (tiếp theo, phần ${i + 2}/${m.length})`),
    );
    const lines = itemLines(m.map((x) => x.text));
    expect(lines.map((l) => l.split(' · ')[0])).toEqual(Array.from({ length: 10 }, (_, i) => `${i + 1}. NV-2026-${String(i + 1).padStart(4, '0')}`));
    for (const l of lines) expect(l).toMatch(/ – đ\/c .+ · quá hạn \d+ ngày làm việc \(hạn 17:00 \d\d\/11\/2026\)$/);
    for (const x of m) {
      const codes = itemLines([x.text]).map((l) => l.split(' · ')[0]!.split(' ')[1]);
      expect((x.buttons ?? []).map((row) => row[0]!.label)).toEqual(codes.map((c) => `Xem ${c}`));
    }
  });

  it('on Zalo: more messages under 2000, every option on the last one, no item cut', async () => {
    const m = await messages('ZALO');
    expect(m.length).toBeGreaterThanOrEqual(3);
    for (const x of m) expect(x.text.length).toBeLessThanOrEqual(2000);
    expect(itemLines(m.map((x) => x.text))).toHaveLength(10);
    expect(m.slice(0, -1).every((x) => !x.buttons)).toBe(true);
    expect(m.at(-1)!.buttons!.flat()).toHaveLength(20);
  });

  it('the chairman on Zalo: /tonghop comes in parts under 2000, the numbered choices under the last, and they work', async () => {
    await h.linkZalo('UB-01', zaloId('chair'));
    const chair = zaloUser(h, 'chair');
    const before = chair.texts().length;
    await chair.command('tonghop');
    const parts = chair.since(before);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    expect(itemLines(parts)).toHaveLength(10);
    expect(parts.slice(0, -1).every((p) => parseOptions(p).length === 0)).toBe(true);
    const options = parseOptions(parts.at(-1)!);
    expect(options).toHaveLength(20);
    expect(options[0]).toMatchObject({ n: 1, label: 'Xem NV-2026-0001', command: '/xem NV-2026-0001' });
    await chair.choose('Xem NV-2026-0003');
    expect(chair.last()).toContain('NV-2026-0003');
    expect(chair.last()).toContain('Người thực hiện: đ/c Hoàng Văn Định');
  });
});
