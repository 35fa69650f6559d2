import { describe, expect, test as base } from 'vitest';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import type { Harness } from '../support/app-harness.js';
import { sampleHarness } from '../support/harness-fixture.js';
import { parseOptions, zaloUser, type ZaloUser } from '../support/zalo-user.js';
import { ZALO_TEXT_LIMIT } from '../../src/channels/zalo/types.js';

// A wave of ten escalations to a superior who reads on the Zalo Bot Platform (issue 13, points 1 and 2): every part
// is whole items with their own numbered choices, numbers run across the whole wave, and a number from the first part
// still acts on its own item after the last part came.
const at = (local: string) => new Date(`${local}+07:00`);
const iso = (local: string) => at(local).toISOString();
const TITLES = [
  'Rà soát hồ sơ hộ nghèo, hộ cận nghèo năm 2026 trên địa bàn các xã',
  'Tổng hợp kiến nghị cử tri kỳ họp thứ mười HĐND huyện cuối năm',
  'Báo cáo thu ngân sách tháng 12 và ước thực hiện cả năm 2026',
  'Kiểm tra công tác phòng cháy chữa cháy tại chợ trung tâm huyện',
  'Chuẩn bị tài liệu hội nghị tổng kết công tác năm và nhiệm vụ năm tới',
  'Rà soát thủ tục hành chính lĩnh vực đất đai chưa đúng hạn',
  'Đôn đốc giải ngân vốn đầu tư công các dự án chuyển tiếp',
  'Tổng hợp số liệu chuyển đổi số cấp xã quý IV',
  'Báo cáo tình hình an toàn thực phẩm dịp Tết Nguyên đán',
  'Kế hoạch kiểm tra việc thực hiện quy chế dân chủ ở cơ sở',
];
const CODE = /⚠️ Báo cáo cấp trên: (NV-\d{4}-\d{4})/g;

/** The head's chat and the parts of the wave it received. */
interface Wave {
  head: ZaloUser;
  parts: string[];
}

// The wave is built once and only read (the last test answers a number of it, which changes nothing the others
// read): the ten tasks' levels fall on Monday 14/12, and the file's clock cannot go back to build another.
const test = base.extend<{ $file: { harness: Harness; wave: Wave } }>({
  harness: sampleHarness({ start: iso('2026-12-11T11:00:00'), waveWindowMs: 1000 }),
  wave: [
    async ({ harness: h }, use) => {
      const head = zaloUser(h, 'head-wave');
      await h.linkZalo('TCKH-01', head.id);
      await h.link('TCKH-03', 4003);
      const headId = OfficialId(await h.officialId('TCKH-01'));
      const memberId = OfficialId(await h.officialId('TCKH-03'));
      for (const title of TITLES) {
        await assignTask(h.app, headId, {
          assigneeId: memberId,
          title,
          expectedResult: 'Văn bản báo cáo gửi Phòng',
          deadline: at('2026-12-31T17:00:00'),
          priority: 'NORMAL',
        });
      }
      await h.idle();
      // The levels fall at 07:30 and 09:30 (to the assignee), 11:30 (to the head, lunch: it waits until 13:30).
      for (const time of ['07:30', '09:30', '11:30']) await h.setTime(iso(`2026-12-14T${time}:00`));
      const before = head.texts().length;
      await h.setTime(iso('2026-12-14T13:30:00'));
      const parts = head.since(before);
      if (process.env.SHOW_WAVE) for (const [i, p] of parts.entries()) console.log(`--- part ${i + 1}/${parts.length} (${p.length} chars)\n${p}`);
      await use({ head, parts });
    },
    { scope: 'file' },
  ],
});

describe('a wave of ten escalations on Zalo', () => {
  test('each part is whole items, each with its three choices in the same part, within the limit', ({ wave: { parts: wave } }) => {
    expect(wave.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const part of wave) {
      expect(part.length).toBeLessThanOrEqual(ZALO_TEXT_LIMIT);
      const codes = [...part.matchAll(CODE)].map((m) => m[1]!);
      expect(codes.length).toBeGreaterThan(0);
      const options = parseOptions(part);
      // Each item of this part has its own choices here, and no choice belongs to an item of another part.
      for (const code of codes)
        expect(
          options
            .filter((o) => o.label.startsWith(`${code} · `))
            .map((o) => o.label.slice(code.length + 3))
            .sort(),
        ).toEqual(['Nhắc lại', 'Xem chi tiết', 'Yêu cầu giải trình']);
      expect(options).toHaveLength(codes.length * 3);
      seen.push(...codes);
    }
    expect(new Set(seen).size).toBe(10);
    expect(seen).toHaveLength(10);
  });

  test('numbers run across the whole wave: 1 to 30, once each', ({ wave: { parts: wave } }) => {
    const numbers = wave.flatMap((p) => parseOptions(p).map((o) => o.n));
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  test('a number from the first part acts on its own item after the last part came', async ({ wave: { head, parts: wave } }) => {
    const first = parseOptions(wave[0]!).find((o) => o.label.endsWith('· Xem chi tiết'))!;
    const code = first.label.split(' · ')[0]!;
    const before = head.texts().length;
    await head.say(String(first.n));
    const reply = head.since(before).join('\n');
    expect(reply).toContain(code);
    // The tasks were given in the order of TITLES, so NV-2026-000N is TITLES[N - 1]; the wave may list them in another
    // order (the reminders of one instant are fired side by side).
    expect(reply).toContain(TITLES[Number(code.slice(-4)) - 1]!);
  });
});
