// The scripted tour, played through the sandbox API against the real bot (the harness composed as the sandbox runs):
// it starts on a Friday afternoon, so "to tomorrow morning" has to cross the weekend to Monday, and every step must get the
// bot's answer. Then the story's outcome is read from the database and the chats: the task climbed to the head's
// superior and was accepted, the consultation holds the three stances and a "đã nhận" that does not count, and the
// head got the next morning's digest. Every step has its narration in both languages. It is played as the page's
// "Tour" button plays it (POST /sandbox/api/tour; the same player as `npm start -- --tour`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { linkEveryoneDirectly, sandboxIdentity } from '../../src/sandbox/link-officials.js';
import { TOUR, TOUR_PEOPLE } from '../../src/sandbox/tour.js';
import type { TourStatus } from '../../src/sandbox/api.js';
import { createHarness, type Harness } from '../support/app-harness.js';

const at = (local: string) => new Date(`${local}+07:00`);

describe('the scripted tour', () => {
  let h: Harness;
  const narrated: string[] = [];

  beforeAll(async () => {
    h = await createHarness({ sandbox: true, start: at('2026-12-04T16:20').toISOString() }); // a Friday
    await h.importSample();
    // Linked as the sandbox's first start links them (the invite round trip is tests/integration/sandbox-api's).
    await linkEveryoneDirectly({ db: h.db.db, time: h.timeSource, telegram: h.tg, zalo: h.zalo }, TOUR_PEOPLE);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('has narration for every step in Vietnamese and English', () => {
    const catalogue = Catalogue.load();
    const missing = TOUR.flatMap((s) => (['vi', 'en'] as const).filter((l) => !catalogue.has(l, `sandbox-tour-${s.id}`)).map((l) => `${l}: ${s.id}`));
    expect(missing).toEqual([]);
    expect(new Set(TOUR.map((s) => s.id)).size).toBe(TOUR.length);
  });

  it("plays from a Friday afternoon to the digest of the Wednesday after, every act answered (the page's Tour button)", async () => {
    // The button's call: the server plays the tour through its own API, one at a time, and says how far it got.
    const api = `${h.baseUrl}/sandbox/api/tour`;
    const started = await fetch(api, { method: 'POST' });
    expect(started.status).toBe(202);
    const again = await fetch(api, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toContain('Chuyến tham quan đang chạy');
    let status: TourStatus;
    for (;;) {
      status = (await (await fetch(api)).json()) as TourStatus;
      if (status.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toMatchObject({ state: 'done', step: TOUR.length, of: TOUR.length });
    narrated.push(...status.narrations);
    expect(narrated).toHaveLength(TOUR.length);
    expect(narrated[0]).toContain('Phòng Tài chính – Kế hoạch');
    expect(h.timeSource.now().toISOString()).toBe(at('2026-12-09T07:30').toISOString());

    const task = await h.db.db.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(task.status).toBe('ACCEPTED');
    const superior = h.tg.chat.history(String(sandboxIdentity('UB-02').telegramUserId));
    expect(superior.filter((e) => e.text?.startsWith('⚠️ Báo cáo cấp trên: NV-2026-0001'))).toHaveLength(1);

    const consultation = await h.db.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0001' } });
    const respondents = await h.db.db.consultationRespondent.findMany({ where: { consultationId: consultation.id } });
    const codes = new Map((await h.db.db.official.findMany({ select: { id: true, code: true } })).map((o) => [o.id, o.code]));
    const stances = Object.fromEntries(respondents.map((r) => [codes.get(r.officialId), r.stance]));
    expect(stances).toEqual({ 'TCKH-02': 'AGREE', 'TCKH-03': 'DISAGREE', 'TCKH-04': 'AGREE_WITH_AMENDMENTS', 'TNMT-01': null });
    expect(respondents.find((r) => codes.get(r.officialId) === 'TNMT-01')?.lastFreeTextAt).not.toBeNull();

    const head = h.tg.chat.history(String(sandboxIdentity('TCKH-01').telegramUserId));
    expect(head.some((e) => e.text?.startsWith('📋 Tổng hợp ngày 09/12/2026'))).toBe(true);
    // "Đã nhận" is kept and passed on, but the bot asks for a position.
    expect(h.tg.chat.history(String(sandboxIdentity('TNMT-01').telegramUserId)).some((e) => e.text?.includes('chưa được tính là ý kiến trả lời'))).toBe(true);
  }, 240_000);
});
