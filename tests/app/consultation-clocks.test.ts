// The answer clock of each respondent on the ladder, behaviour 5 (unanswered at the deadline, answered late, no
// stance), an escalation's "Yêu cầu giải trình", and a matter consulted in three rounds (behaviour 8), in process
// (tests/support/app-fixture.ts). Each test brings the consultation to the point it checks, on its own copy of the
// sample district, with the same steps the one before it checks.
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { OfficialId } from '../../src/domain/ids.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`).toISOString();
const oid = async (fx: AppFixture, code: string) => OfficialId(await fx.officialId(code));

/** PNV-01 asks three members of Phòng Tài chính – Kế hoạch on Monday 07/12 09:00 (NORMAL: due 09:00 10/12). */
async function asked(fx: AppFixture) {
  const people = {
    asker: await fx.person('PNV-01'), // head of Phòng Nội vụ
    mai: await fx.person('TCKH-02'), // writes without a stance, then answers late
    vinh: await fx.person('TCKH-03'), // silent until escalated
    ha: await fx.person('TCKH-04'), // answers in time
    son: await fx.person('TCKH-01'), // their head (superior)
    hung: await fx.person('UB-02'), // Sơn's superior
  };
  const ids: Record<string, number> = {};
  for (const code of ['PNV-01', 'TCKH-01', 'TCKH-02', 'TCKH-03', 'TCKH-04']) ids[code] = await fx.officialId(code);
  const r = await askForOpinion(fx.app, OfficialId(ids['PNV-01']!), {
    respondentIds: ['TCKH-02', 'TCKH-03', 'TCKH-04'].map((c) => OfficialId(ids[c]!)),
    subject: 'Định mức biên chế bộ phận một cửa năm 2027',
    question: 'Đề nghị cho ý kiến về định mức 6 biên chế cho bộ phận một cửa năm 2027.',
    deadline: null,
    priority: 'NORMAL',
  });
  await fx.deliver();
  const id = r.consultation.id as number;
  const behaviour5 = async () =>
    (await fx.db.signal.findMany({ where: { behaviour: 5, itemId: id }, orderBy: { id: 'asc' } }))
      .map((s) => ({
        rule: s.rule,
        who: Object.entries(ids).find(([, v]) => v === s.officialId)?.[0],
        events: (s.evidence as { events: { kind: string }[] }).events.map((e) => e.kind),
      }))
      .sort((a, b) => (a.who ?? '').localeCompare(b.who ?? ''));
  return { ...people, ids, id, behaviour5 };
}

/** Mai wrote without a stance (07/12 10:00), Hà agreed (09/12 09:00): the deadline passes at 10/12 09:00. */
async function lapsed(fx: AppFixture) {
  const s = await asked(fx);
  await fx.setTime(at('2026-12-07T10:00:00'));
  await s.mai.say('Sẽ xem xét, báo cáo sau.');
  await fx.setTime(at('2026-12-09T09:00:00'));
  await s.ha.press('Đồng ý');
  await fx.setTime(at('2026-12-10T09:00:00'));
  return s;
}

/** …level 1 fired (11/12 09:00) and Mai disagreed late, at 10:00. */
async function maiAnsweredLate(fx: AppFixture) {
  const s = await lapsed(fx);
  await fx.setTime(at('2026-12-11T10:00:00'));
  await s.mai.press('Không đồng ý');
  await s.mai.say('Định mức 6 biên chế vượt chỉ tiêu được giao năm 2027.');
  return s;
}

/** …level 2 told Sơn (14/12 09:00), who demanded an explanation from Vinh with the default text. */
async function explanationDemanded(fx: AppFixture) {
  const s = await maiAnsweredLate(fx);
  await fx.setTime(at('2026-12-14T09:00:00'));
  await s.son.press('Yêu cầu giải trình');
  await s.son.press('Dùng nội dung mặc định');
  return s;
}

describe('answer clocks and behaviour 5', () => {
  test('starts one clock per respondent at the default deadline, stepping one working day', async ({ fx }) => {
    const { id } = await asked(fx);
    const clocks = await fx.db.clock.findMany({ where: { itemKind: 'CONSULTATION', itemId: id }, orderBy: { id: 'asc' } });
    expect(clocks).toHaveLength(3);
    for (const c of clocks) {
      expect(c.dueAt.toISOString()).toBe(at('2026-12-10T09:00:00'));
      expect(c.stepMs).toBe(7.5 * 3_600_000);
    }
  });

  test('at the deadline: reminds who has no stance, not who answered; one signal each, with the right rule', async ({ fx }) => {
    const { mai, vinh, ha, behaviour5 } = await asked(fx);
    await fx.setTime(at('2026-12-07T10:00:00'));
    await mai.say('Sẽ xem xét, báo cáo sau.');
    expect(mai.last()).toContain('chưa được tính là ý kiến trả lời');
    await fx.setTime(at('2026-12-09T09:00:00'));
    await ha.press('Đồng ý');
    const before = { vinh: vinh.texts().length, mai: mai.texts().length, ha: ha.texts().length };
    await fx.setTime(at('2026-12-10T08:59:00'));
    expect(vinh.since(before.vinh)).toEqual([]);
    expect(await behaviour5()).toEqual([]);

    await fx.setTime(at('2026-12-10T09:00:00'));
    expect(vinh.since(before.vinh)).toEqual([expect.stringContaining('⏰ Nhắc: YK-2026-0001 chưa có ý kiến')]);
    expect(vinh.last()).toContain(
      'Đồng chí được đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ xin ý kiến về "Định mức biên chế bộ phận một cửa năm 2027" từ 09:00 07/12/2026, hạn 09:00 10/12/2026.',
    );
    expect(vinh.buttons().map((b) => b.label)).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung', 'Xin làm rõ']);
    expect(mai.last()).toContain('Nội dung đồng chí đã gửi chưa nêu rõ quan điểm');
    expect(ha.since(before.ha)).toEqual([]);
    expect(await behaviour5()).toEqual([
      { rule: 'consult-no-stance', who: 'TCKH-02', events: ['consult.asked', 'consult.free-text', 'consult.deadline'] },
      { rule: 'consult-late', who: 'TCKH-03', events: ['consult.asked', 'consult.deadline'] },
    ]);
  });

  test('level 1 a working day later names the superior who is told next', async ({ fx }) => {
    const { vinh } = await lapsed(fx);
    await fx.setTime(at('2026-12-11T09:00:00'));
    expect(vinh.last()).toContain('⏰ Nhắc lần 2 — YK-2026-0001 chưa có ý kiến');
    expect(vinh.last()).toContain('(đã quá 1 ngày làm việc)');
    expect(vinh.last()).toContain('Nếu đến 09:00 14/12/2026 chưa có ý kiến, hệ thống sẽ báo cáo đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch.');
  });

  test("a late stance stops that respondent's ladder only and is added to the same signal", async ({ fx }) => {
    const { mai, ids, id, behaviour5 } = await lapsed(fx);
    await fx.setTime(at('2026-12-11T10:00:00'));
    await mai.press('Không đồng ý');
    await mai.say('Định mức 6 biên chế vượt chỉ tiêu được giao năm 2027.');
    const clocks = await fx.db.clock.findMany({ where: { itemKind: 'CONSULTATION', itemId: id }, orderBy: { officialId: 'asc' } });
    expect(clocks.map((c) => [c.officialId === ids['TCKH-03'] ? 'vinh' : 'other', c.state]).sort()).toEqual([
      ['other', 'STOPPED'],
      ['other', 'STOPPED'],
      ['vinh', 'ACTIVE'],
    ]);
    expect(await behaviour5()).toEqual([
      { rule: 'consult-no-stance', who: 'TCKH-02', events: ['consult.asked', 'consult.free-text', 'consult.deadline', 'consult.answered'] },
      { rule: 'consult-late', who: 'TCKH-03', events: ['consult.asked', 'consult.deadline'] },
    ]);
  });

  test("level 2 tells the respondent's superior, who can demand an explanation from the escalation", async ({ fx }) => {
    const { asker, vinh, son, hung, ids, id } = await maiAnsweredLate(fx);
    const before = son.texts().length;
    await fx.setTime(at('2026-12-14T09:00:00'));
    const [escalation] = son.since(before);
    expect(escalation).toContain('⚠️ Báo cáo cấp trên: YK-2026-0001 chưa có ý kiến');
    expect(escalation).toContain('đ/c Đào Quang Vinh, Chuyên viên được đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ xin ý kiến');
    expect(escalation).toContain('đã nhắc 2 lần');
    expect(son.buttons().map((b) => b.label)).toEqual(['Nhắc lại', 'Xem chi tiết', 'Yêu cầu giải trình']);
    expect(hung.texts().filter((t) => t.includes('⚠️'))).toEqual([]);

    await son.press('Yêu cầu giải trình');
    expect(son.last()).toContain('Người giải trình: đ/c Đào Quang Vinh, Chuyên viên');
    await son.press('Dùng nội dung mặc định');
    expect(son.last()).toContain('✅ Đã gửi yêu cầu giải trình GT-2026-0001 tới đ/c Đào Quang Vinh, Chuyên viên');
    expect(vinh.last()).toContain('📄 Yêu cầu giải trình GT-2026-0001');
    expect(vinh.last()).toContain('Về: YK-2026-0001 "Định mức biên chế bộ phận một cửa năm 2027"');
    // A second demand on the same lapse waits for the first.
    await son.pressData(encodeAction('consult.explain', `${id}.${ids['TCKH-03']}`));
    expect(son.last()).toContain('Đã có yêu cầu giải trình GT-2026-0001');
    // The asker is not the respondent's superior: no demand.
    await asker.pressData(encodeAction('consult.explain', `${id}.${ids['TCKH-03']}`));
    expect(asker.last()).toContain('Chỉ cấp trên của người có trách nhiệm');
  });

  test('the late answer stops the ladder and joins the signal; the explanation goes to the superior', async ({ fx }) => {
    const { vinh, son, hung, id, behaviour5 } = await explanationDemanded(fx);
    await fx.setTime(at('2026-12-14T10:00:00'));
    await vinh.press('Đồng ý');
    expect(vinh.last()).toContain('✅ Đã ghi nhận ý kiến "Đồng ý"');
    const late = (await behaviour5()).find((s) => s.who === 'TCKH-03')!;
    expect(late.events).toEqual(['consult.asked', 'consult.deadline', 'consult.answered']);
    expect(await fx.db.signal.count({ where: { behaviour: 5, itemId: id } })).toBe(2);
    const before = hung.texts().length;
    await fx.setTime(at('2026-12-15T09:00:00'));
    expect(hung.since(before)).toEqual([]);

    await vinh.press('Giải trình');
    await vinh.say('Tôi đi tập huấn tại tỉnh từ 08/12 đến 11/12, không theo dõi được tin nhắn; đã trả lời ngay khi về.');
    expect(vinh.last()).toContain('✅ Đã gửi giải trình GT-2026-0001');
    expect(son.last()).toContain('📄 GT-2026-0001: giải trình của đ/c Đào Quang Vinh, Chuyên viên');
    expect(son.last()).toContain('Về: YK-2026-0001 "Định mức biên chế bộ phận một cửa năm 2027"');
    const demand = await fx.db.explanationDemand.findFirstOrThrow({ where: { code: 'GT-2026-0001' } });
    expect([demand.status, demand.itemKind, demand.itemId]).toEqual(['ANSWERED', 'CONSULTATION', id]);
    // Kept with the item: the consultation card lists it.
    await son.pressData(encodeAction('consult.view', id));
    expect(son.last()).toContain('📄 GT-2026-0001: yêu cầu giải trình đ/c Đào Quang Vinh, Chuyên viên · Đã giải trình');
  });
});

/** TNMT-01 asks two commune chairs (HIGH) about one matter: YK-2026-0001. */
async function matter(fx: AppFixture) {
  const people = { asker: await fx.person('TNMT-01'), a: await fx.person('XTL-01'), b: await fx.person('XHB-01') };
  const r = await askForOpinion(fx.app, await oid(fx, 'TNMT-01'), {
    respondentIds: [await oid(fx, 'XTL-01'), await oid(fx, 'XHB-01')],
    subject: 'Vị trí bãi tập kết rác thải liên xã',
    question: 'Đề xuất đặt bãi tập kết tại thôn Đông, xã Tân Lập. Đề nghị cho ý kiến.',
    deadline: null,
    priority: 'HIGH',
  });
  await fx.deliver();
  return { ...people, first: r.consultation.id as number };
}

/** …A disagreed and the asker opened round 2 (YK-2026-0002) from the button. */
async function secondRound(fx: AppFixture) {
  const s = await matter(fx);
  await s.a.press('Không đồng ý');
  await s.a.say('Thôn Đông gần khu dân cư mới, dân không đồng thuận.');
  await s.asker.pressData(encodeAction('consult.round', s.first));
  await s.asker.say('Phương án mới: đặt bãi tập kết tại khu đất bằng giáp ranh hai xã. Đề nghị cho ý kiến.');
  await s.asker.press('Mặc định');
  return s;
}

/** …and round 3 (YK-2026-0003) linked to it in /xinykien. */
async function thirdRound(fx: AppFixture) {
  const s = await secondRound(fx);
  await s.asker.say('/xinykien nguyen van thanh');
  await s.asker.say('le van dung');
  await s.asker.press('Xong');
  await s.asker.say('Vị trí bãi tập kết rác thải liên xã');
  await s.asker.say('Phương án 3: thuê bãi của công ty môi trường tỉnh. Đề nghị cho ý kiến lần cuối.');
  await s.asker.press('Ưu tiên');
  await s.asker.press('Mặc định');
  await s.asker.say('YK-2026-0002');
  await s.asker.press('Gửi xin ý kiến');
  return s;
}

/** …both agreed, the asker decided, and asked again after the decision (YK-2026-0004). */
async function askedAfterDecision(fx: AppFixture) {
  const s = await thirdRound(fx);
  const third = await fx.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0003' } });
  await s.a.press('Đồng ý');
  await s.b.press('Đồng ý');
  await s.asker.press('Kết luận');
  await s.asker.say('Thống nhất thuê bãi tập kết của công ty môi trường tỉnh từ quý I/2027.');
  await s.asker.pressData(encodeAction('consult.round', third.id));
  await s.asker.say('Đề nghị cho ý kiến về mức đóng góp của từng xã.');
  await s.asker.press('Mặc định');
  return s;
}

describe('one matter in three rounds without a decision (behaviour 8)', () => {
  test('round 2 from the button: same respondents, the previous round stops taking answers', async ({ fx }) => {
    const { asker, a, b, first } = await matter(fx);
    await a.press('Không đồng ý');
    await a.say('Thôn Đông gần khu dân cư mới, dân không đồng thuận.');
    await asker.pressData(encodeAction('consult.round', first));
    expect(asker.last()).toContain(
      'Mở vòng 2 cho vấn đề "Vị trí bãi tập kết rác thải liên xã" (tiếp theo YK-2026-0001), gửi tới: Nguyễn Văn Thành, Lê Văn Dũng',
    );
    await asker.say('Phương án mới: đặt bãi tập kết tại khu đất bằng giáp ranh hai xã. Đề nghị cho ý kiến.');
    await asker.press('Mặc định');
    expect(asker.last()).toContain('✅ Đã gửi xin ý kiến YK-2026-0002 tới 2 người');
    expect(b.last()).toContain('❓ Xin ý kiến YK-2026-0002 (vòng 2, tiếp theo YK-2026-0001)');
    const old = await fx.db.consultation.findUniqueOrThrow({ where: { id: first } });
    expect(old.status).toBe('SUPERSEDED');
    expect(await fx.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: first, state: 'ACTIVE' } })).toBe(0);
    await b.pressData(encodeAction('consult.agree', first));
    expect(b.last()).toContain('YK-2026-0001 đã kết luận hoặc đã chuyển sang vòng sau');
    await asker.pressData(encodeAction('consult.round', first));
    expect(asker.last()).toContain('YK-2026-0001 đã có vòng tiếp theo là YK-2026-0002');
    expect(await fx.db.signal.count({ where: { behaviour: 8 } })).toBe(0);
  });

  test('round 3 linked in /xinykien raises one behaviour-8 signal on the asker, with every round', async ({ fx }) => {
    const { asker, first } = await secondRound(fx);
    await asker.say('/xinykien nguyen van thanh');
    await asker.say('le van dung');
    await asker.press('Xong');
    await asker.say('Vị trí bãi tập kết rác thải liên xã');
    await asker.say('Phương án 3: thuê bãi của công ty môi trường tỉnh. Đề nghị cho ý kiến lần cuối.');
    await asker.press('Ưu tiên');
    await asker.press('Mặc định');
    await asker.say('YK-2026-0002');
    expect(asker.last()).toContain('Liên quan: vòng 3, tiếp theo YK-2026-0002');
    await asker.press('Gửi xin ý kiến');
    expect(asker.last()).toContain('✅ Đã gửi xin ý kiến YK-2026-0003');
    const third = await fx.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0003' } });
    expect([third.round, third.matterId, third.previousId]).toEqual([
      3,
      first,
      (await fx.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0002' } })).id,
    ]);
    const signals = await fx.db.signal.findMany({ where: { behaviour: 8 } });
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ rule: 'matter-rounds', officialId: await fx.officialId('TNMT-01'), itemKind: 'CONSULTATION', itemId: first });
    const evidence = signals[0]!.evidence as { events: { text: string }[]; facts: { rounds: number } };
    expect(evidence.events.map((e) => e.text)).toEqual(['YK-2026-0001 (1)', 'YK-2026-0002 (2)', 'YK-2026-0003 (3)']);
    expect(evidence.facts.rounds).toBe(3);
  });

  test('a decision closes the matter; a later round after it starts the count again', async ({ fx }) => {
    const { asker, a, b } = await thirdRound(fx);
    const third = await fx.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0003' } });
    await a.press('Đồng ý');
    await b.press('Đồng ý');
    await asker.press('Kết luận');
    await asker.say('Thống nhất thuê bãi tập kết của công ty môi trường tỉnh từ quý I/2027.');
    expect(a.last()).toContain('🏁 Kết luận YK-2026-0003');
    await asker.pressData(encodeAction('consult.round', third.id));
    await asker.say('Đề nghị cho ý kiến về mức đóng góp của từng xã.');
    await asker.press('Mặc định');
    expect(asker.last()).toContain('YK-2026-0004');
    expect(await fx.db.signal.count({ where: { behaviour: 8 } })).toBe(1);
  });

  test('text typed while two consultations wait: asks which one; a typed "đồng ý" is offered the buttons, not taken as no stance', async ({ fx }) => {
    const { asker, a } = await askedAfterDecision(fx);
    await askForOpinion(fx.app, await oid(fx, 'TNMT-01'), {
      respondentIds: [await oid(fx, 'XTL-01')],
      subject: 'Kế hoạch thu gom rác dịp Tết',
      question: 'Đề nghị cho ý kiến lịch thu gom rác dịp Tết Nguyên đán.',
      deadline: null,
      priority: 'NORMAL',
    });
    await fx.deliver();
    await a.say('Đồng ý.');
    expect(a.last()).toContain('Đồng chí cho ý kiến "Đồng ý" về YK-2026-0005');
    expect(await fx.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } })).toBe(0);
    await a.say('Để tôi họp với các thôn rồi trả lời.');
    expect(a.last()).toContain('Nội dung đồng chí vừa gửi thuộc đề nghị xin ý kiến nào?');
    expect(a.buttons().map((b) => b.label)).toEqual([
      'YK-2026-0004 · Vị trí bãi tập kết rác thải liên xã',
      'YK-2026-0005 · Kế hoạch thu gom rác dịp Tết',
      'Hủy',
    ]);
    await a.press('YK-2026-0005');
    expect(a.last()).toContain('Đã ghi nhận nội dung đồng chí gửi về YK-2026-0005');
    expect(asker.last()).toContain('💬 YK-2026-0005: đ/c Nguyễn Văn Thành, Chủ tịch UBND xã gửi nội dung chưa nêu rõ quan điểm');
  });

  test('a new round opened after the deadline, before the clock fired, keeps the lapse of who had not answered', async ({ fx }) => {
    const asked = await askForOpinion(fx.app, await oid(fx, 'TNMT-01'), {
      respondentIds: [await oid(fx, 'XHB-01')],
      subject: 'Tuyến thu gom rác xã Hòa Bình',
      question: 'Đề nghị xác nhận tuyến thu gom qua thôn Bắc.',
      deadline: new Date(at('2026-12-07T11:00:00')),
      priority: 'NORMAL',
    });
    await fx.deliver();
    fx.time.set(at('2026-12-07T11:20:00')); // the clock's job has not run yet
    await askForOpinion(fx.app, await oid(fx, 'TNMT-01'), {
      respondentIds: [await oid(fx, 'XHB-01')],
      subject: 'Tuyến thu gom rác xã Hòa Bình',
      question: 'Nhắc lại: đề nghị xác nhận tuyến thu gom qua thôn Bắc.',
      deadline: null,
      priority: 'NORMAL',
      previousId: asked.consultation.id,
    });
    await fx.advance(0); // whatever is still due runs now, as the late job would
    const lapses = await fx.db.signal.findMany({ where: { itemKind: 'CONSULTATION', itemId: asked.consultation.id } });
    expect(lapses.map((x) => [x.rule, x.officialId])).toEqual([['consult-late', await fx.officialId('XHB-01')]]);
  });
});
