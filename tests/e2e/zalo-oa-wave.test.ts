// A wave of ten escalations to a superior who reads on the Zalo OA (the Bot Platform's zalo-wave, again on the OA).
// Thirty actions do not fit the OA's 5 buttons a message, so the wave goes as the Bot Platform's does: parts of whole
// items within 2,000 characters, each item's choices in its own part, numbered across the wave; a number from the
// first part acts on its own item after the last part came. A smaller wave whose actions fit keeps its buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OA_TEXT_LIMIT } from '../../src/channels/zalo-oa/types.js';
import { OfficialId } from '../../src/domain/ids.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { oaUser, type OaUser } from '../support/oa-user.js';
import { parseOptions } from '../support/zalo-user.js';

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

describe('a wave of ten escalations on the Zalo OA', () => {
  let h: Harness;
  let head: OaUser;
  let wave: { text: string; buttons: number }[];

  beforeAll(async () => {
    h = await createHarness({ start: iso('2026-12-11T11:00:00'), waveWindowMs: 1000, zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    await head.follow();
    await head.say((await issueInvite(h.app, { officialCode: 'TCKH-01', now: h.timeSource.now() })).code);
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
    for (const time of ['07:30', '09:30']) await h.setTime(iso(`2026-12-14T${time}:00`));
    // The head writes on Monday morning: the wave falls inside the OA's free window.
    await head.command('viec');
    await h.setTime(iso('2026-12-14T11:30:00'));
    const before = h.oa!.messagesTo(head.id).length;
    await h.setTime(iso('2026-12-14T13:30:00'));
    wave = h
      .oa!.messagesTo(head.id)
      .slice(before)
      .map((m) => ({ text: m.text ?? '', buttons: m.buttons?.length ?? 0 }));
    if (process.env.SHOW_WAVE) for (const [i, p] of wave.entries()) console.log(`--- part ${i + 1}/${wave.length} (${p.text.length} chars)\n${p.text}`);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('each part is whole items, each with its three numbered choices in the same part, within the limit', () => {
    expect(wave.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const part of wave) {
      expect(part.text.length).toBeLessThanOrEqual(OA_TEXT_LIMIT);
      expect(part.buttons).toBe(0);
      const codes = [...part.text.matchAll(CODE)].map((m) => m[1]!);
      expect(codes.length).toBeGreaterThan(0);
      const options = parseOptions(part.text);
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

  it('numbers run across the whole wave: 1 to 30, once each', () => {
    expect(wave.flatMap((p) => parseOptions(p.text).map((o) => o.n))).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('a number from the first part acts on its own item after the last part came', async () => {
    const first = parseOptions(wave[0]!.text).find((o) => o.label.endsWith('· Xem chi tiết'))!;
    const code = first.label.split(' · ')[0]!;
    const before = head.texts().length;
    await head.say(String(first.n));
    const reply = head.since(before).join('\n');
    expect(reply).toContain(code);
    // The tasks were given in the order of TITLES, so NV-2026-000N is TITLES[N - 1]; the wave may list them in another
    // order (the reminders of one instant are fired side by side).
    expect(reply).toContain(TITLES[Number(code.slice(-4)) - 1]!);
  });

  it('every message the OA accepted, each part of the wave too, is in the record, free as Zalo counted it', async () => {
    const rows = await h.db.db.oaSend.findMany({ where: { kind: 'CS' } });
    const cs = h.oa!.messages.filter((m) => m.route === 'cs');
    expect(rows).toHaveLength(cs.length);
    expect(rows.filter((r) => r.insideWindow)).toHaveLength(cs.filter((m) => m.billing === 'free').length);
  });
});
