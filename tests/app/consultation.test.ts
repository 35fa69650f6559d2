// One consultation from question to decision, in process (tests/support/app-fixture.ts): several respondents, a reply
// without a stance, a clarifying question, a stance changed before closing, a head handing the answer to a deputy,
// /ykien, the decision sent to all, and reach refused to outsiders. Each test brings the consultation to the point it
// checks through the use cases, on its own copy of the sample district.
import { describe, expect } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { answerConsultation, delegateAnswer, recordFreeText } from '../../src/app/consultations/answer.js';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { closeConsultation } from '../../src/app/consultations/close.js';
import { OfficialId } from '../../src/domain/ids.js';
import { test, type AppFixture } from '../support/app-fixture.js';

const at = (local: string) => new Date(`${local}+07:00`).toISOString();
const SUBJECT = 'Phương án sắp xếp bộ phận một cửa';
const QUESTION =
  'Đề xuất bố trí lại bộ phận một cửa huyện theo phương án 2: gộp 2 quầy đất đai, bổ sung 1 công chức Phòng Nội vụ luân phiên trực, thực hiện từ 01/01/2027. Đề nghị các đồng chí cho ý kiến.';
const DECISION =
  'Thống nhất thực hiện phương án 2 từ 01/01/2027; phụ cấp trực chi từ nguồn kinh phí cải cách hành chính. Văn phòng dự thảo quyết định trình Chủ tịch UBND huyện trước 18/12.';

async function cast(fx: AppFixture) {
  return {
    asker: await fx.person('VPUB-01'), // Đinh Công Thành, Chánh Văn phòng HĐND và UBND huyện
    noiVu: await fx.person('PNV-01'), // Trần Thị Bích Ngọc, head of Phòng Nội vụ
    noiVuDeputy: await fx.person('PNV-02'), // Nguyễn Hữu Nghĩa, her deputy
    taiChinh: await fx.person('TCKH-01'), // Võ Thanh Sơn, head of Phòng Tài chính – Kế hoạch
    duc: await fx.person('VPUB-03'), // Cao Văn Đức, Chuyên viên tổng hợp
    outsider: await fx.person('TNMT-03'), // another unit, not asked
    deputyChair: await fx.person('UB-02'), // superior of TCKH-01
  };
}

const oid = async (fx: AppFixture, code: string) => OfficialId(await fx.officialId(code));

/** Asked on Monday 07/12 09:00 (NORMAL: answers due 09:00 10/12), as the dialog in the first test asks it. */
async function asked(fx: AppFixture) {
  const people = await cast(fx);
  const r = await askForOpinion(fx.app, await oid(fx, 'VPUB-01'), {
    respondentIds: [await oid(fx, 'PNV-01'), await oid(fx, 'TCKH-01'), await oid(fx, 'VPUB-03')],
    subject: SUBJECT,
    question: QUESTION,
    deadline: null,
    priority: 'NORMAL',
  });
  await fx.deliver();
  return { ...people, id: r.consultation.id as number };
}

/** Đức wrote without a stance (09:40), Sơn disagreed then agreed with amendments (12/12), Ngọc handed it to Nghĩa. */
async function inProgress(fx: AppFixture) {
  const s = await asked(fx);
  await fx.setTime(at('2026-12-07T09:40:00'));
  await recordFreeText(fx.app, await oid(fx, 'VPUB-03'), s.id, 'Đã nhận, sẽ xem xét');
  await fx.setTime(at('2026-12-08T08:30:00'));
  await answerConsultation(fx.app, await oid(fx, 'TCKH-01'), s.id, 'DISAGREE', 'Chưa bố trí được kinh phí phụ cấp trực năm 2027.');
  await fx.setTime(at('2026-12-08T14:00:00'));
  await answerConsultation(fx.app, await oid(fx, 'TCKH-01'), s.id, 'AGREE_WITH_AMENDMENTS', 'Đồng ý nếu phụ cấp trực lấy từ nguồn cải cách hành chính.');
  await fx.deliver();
  return s;
}

/** …and on 09/12 Nghĩa agreed for Ngọc (09:15). */
async function deputyAnswered(fx: AppFixture) {
  const s = await inProgress(fx);
  await fx.setTime(at('2026-12-09T08:00:00'));
  await delegateAnswer(fx.app, await oid(fx, 'PNV-01'), s.id, await oid(fx, 'PNV-02'));
  await fx.setTime(at('2026-12-09T09:15:00'));
  await answerConsultation(fx.app, await oid(fx, 'PNV-02'), s.id, 'AGREE', null, await fx.officialId('PNV-01'));
  await fx.deliver();
  return s;
}

const activeClocks = (fx: AppFixture, id: number) => fx.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, state: 'ACTIVE' } });

describe('a consultation, from question to decision', () => {
  test('asks step by step: several respondents found by name, subject, question, priority, default deadline', async ({ fx }) => {
    const { asker, duc, noiVu } = await cast(fx);
    await asker.say('/xinykien');
    expect(asker.last()).toContain('bước 1/6');
    await asker.say('tran thi bich ngoc');
    expect(asker.last()).toContain('Đã chọn: Trần Thị Bích Ngọc');
    await asker.say('Võ Thanh Sơn');
    await asker.say('cao van duc');
    expect(asker.last()).toContain('Đã chọn: Trần Thị Bích Ngọc, Võ Thanh Sơn, Cao Văn Đức');
    await asker.press('Xong');
    expect(asker.last()).toContain('bước 2/6');
    await asker.say(SUBJECT);
    await asker.say(QUESTION);
    expect(asker.last()).toContain('bước 4/6');
    await asker.press('Thường');
    // NORMAL: 3 working days from Monday 09:00.
    expect(asker.last()).toContain('để lấy 09:00 10/12/2026');
    expect(asker.buttons().map((b) => b.label)).toContain('Mặc định: 09:00 10/12/2026');
    await asker.press('Mặc định');
    await asker.press('Bỏ qua');
    expect(asker.last()).toContain('Xin ý kiến: Trần Thị Bích Ngọc, Võ Thanh Sơn, Cao Văn Đức');
    await asker.press('Gửi xin ý kiến');
    expect(asker.last()).toContain('✅ Đã gửi xin ý kiến YK-2026-0001 tới 3 người. Thời hạn trả lời: 09:00 10/12/2026');

    const received = duc.last();
    expect(received).toContain('❓ Xin ý kiến YK-2026-0001');
    expect(received).toContain('Người xin ý kiến: đ/c Đinh Công Thành, Chánh Văn phòng HĐND và UBND huyện');
    expect(received).toContain('Thời hạn trả lời: 09:00 10/12/2026 · Mức độ: Thường');
    expect(duc.buttons().map((b) => b.label)).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung', 'Xin làm rõ']);
    // A head with a deputy may also hand it over.
    expect(noiVu.buttons().map((b) => b.label)).toContain('Giao cấp phó trả lời thay');
    const id = (await fx.db.consultation.findFirstOrThrow({ where: { code: 'YK-2026-0001' } })).id;
    expect(await activeClocks(fx, id)).toBe(3);
  });

  test('text without a stance is recorded and shown to the asker; it does not answer, the clock keeps running', async ({ fx }) => {
    const { asker, duc, id } = await asked(fx);
    await fx.setTime(at('2026-12-07T09:40:00'));
    await duc.say('Đã nhận, sẽ xem xét');
    expect(duc.last()).toContain('chưa nêu rõ quan điểm nên chưa được tính là ý kiến trả lời');
    expect(asker.last()).toContain('💬 YK-2026-0001: đ/c Cao Văn Đức, Chuyên viên tổng hợp gửi nội dung chưa nêu rõ quan điểm');
    expect(asker.last()).toContain('Nội dung: Đã nhận, sẽ xem xét');
    const r = await fx.db.consultationRespondent.findFirstOrThrow({ where: { consultationId: id, officialId: await fx.officialId('VPUB-03') } });
    expect(r.stance).toBeNull();
    expect(r.lastFreeTextAt).not.toBeNull();
    expect(await fx.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, officialId: r.officialId, state: 'ACTIVE' } })).toBe(1);
  });

  test('one clarifying question goes to the asker, whose reply comes back with the stance buttons; a second is refused', async ({ fx }) => {
    const { asker, duc, id } = await asked(fx);
    await fx.setTime(at('2026-12-07T10:15:00'));
    await duc.press('Xin làm rõ');
    await duc.say('Công chức Phòng Nội vụ trực cả ngày hay chỉ buổi sáng?');
    expect(duc.last()).toContain('Thời hạn trả lời YK-2026-0001 vẫn là 09:00 10/12/2026');
    expect(asker.last()).toContain('❔ YK-2026-0001: đ/c Cao Văn Đức, Chuyên viên tổng hợp đề nghị làm rõ');
    await fx.setTime(at('2026-12-07T10:40:00'));
    await asker.press('Trả lời câu hỏi làm rõ');
    await asker.say('Trực cả ngày, luân phiên theo tuần.');
    expect(duc.last()).toContain('💡 YK-2026-0001');
    expect(duc.last()).toContain('Trả lời: Trực cả ngày, luân phiên theo tuần.');
    expect(duc.buttons().map((b) => b.label)).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung']);
    await duc.pressData(encodeAction('consult.clarify', id));
    expect(duc.last()).toContain('đã xin làm rõ về YK-2026-0001 một lần');
    expect(await activeClocks(fx, id)).toBe(3);
  });

  test('disagreeing needs a reason; the stance can be changed before closing, and the asker sees both', async ({ fx }) => {
    const { asker, taiChinh, id } = await asked(fx);
    await fx.setTime(at('2026-12-08T08:30:00'));
    await taiChinh.press('Không đồng ý');
    await taiChinh.say('ok');
    expect(taiChinh.last()).toContain('cần nêu lý do');
    await taiChinh.say('Chưa bố trí được kinh phí phụ cấp trực năm 2027.');
    expect(taiChinh.last()).toContain('✅ Đã ghi nhận ý kiến "Không đồng ý"');
    expect(asker.last()).toContain('📝 YK-2026-0001: đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch cho ý kiến "Không đồng ý"');
    expect(asker.last()).toContain('Đã có ý kiến: 1/3.');
    // The answer stops this respondent's ladder only.
    const son = await fx.officialId('TCKH-01');
    expect((await fx.db.clock.findFirstOrThrow({ where: { itemKind: 'CONSULTATION', itemId: id, officialId: son } })).state).toBe('STOPPED');
    expect(await activeClocks(fx, id)).toBe(2);

    await fx.setTime(at('2026-12-08T14:00:00'));
    await taiChinh.press('Đồng ý có ý kiến bổ sung');
    await taiChinh.say('Đồng ý nếu phụ cấp trực lấy từ nguồn cải cách hành chính.');
    expect(taiChinh.last()).toContain('ý kiến mới "Đồng ý có ý kiến bổ sung"');
    expect(asker.last()).toContain('thay đổi ý kiến thành "Đồng ý có ý kiến bổ sung" (trước đó: Không đồng ý)');
  });

  test("/ykien shows what I asked with each respondent's state, and what waits for me", async ({ fx }) => {
    const { asker, duc } = await inProgress(fx);
    await fx.setTime(at('2026-12-08T15:00:00'));
    await asker.say('/ykien');
    const list = asker.last();
    expect(list).toContain('📤 Đồng chí đã xin ý kiến, đang mở (1)');
    expect(list).toContain('YK-2026-0001 · Phương án sắp xếp bộ phận một cửa · hạn 09:00 10/12/2026 · đã có 1/3 ý kiến');
    expect(list).toContain('⏳ Trần Thị Bích Ngọc: chưa có ý kiến');
    expect(list).toContain('📝 Võ Thanh Sơn: Đồng ý có ý kiến bổ sung');
    expect(list).toContain('💬 Cao Văn Đức: chưa nêu rõ quan điểm');
    await duc.say('/ykien');
    expect(duc.last()).toContain('📥 Chờ đồng chí cho ý kiến (1)');
    expect(duc.last()).toContain('⏳ YK-2026-0001 · Phương án sắp xếp bộ phận một cửa');
  });

  test('a head hands the answer to a deputy, who answers on her behalf: recorded as such, behaviour 10 raised on the head', async ({ fx }) => {
    const { asker, noiVu, noiVuDeputy, id } = await inProgress(fx);
    await fx.setTime(at('2026-12-09T08:00:00'));
    await noiVu.press('Giao cấp phó trả lời thay');
    await noiVu.press('Nguyễn Hữu Nghĩa');
    expect(noiVu.last()).toContain('Đã giao đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ trả lời thay về YK-2026-0001');
    expect(noiVuDeputy.last()).toContain('đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ giao đồng chí trả lời thay');
    await noiVuDeputy.say('/ykien');
    expect(noiVuDeputy.last()).toContain('(trả lời thay đ/c Trần Thị Bích Ngọc)');
    await fx.setTime(at('2026-12-09T09:15:00'));
    await noiVuDeputy.press('Đồng ý');
    expect(noiVuDeputy.last()).toContain('do đồng chí trả lời thay đ/c Trần Thị Bích Ngọc');
    expect(asker.last()).toContain('(Trả lời thay đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ)');
    expect(noiVu.last()).toContain('đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ đã trả lời thay đồng chí');

    const head = await fx.officialId('PNV-01');
    const row = await fx.db.consultationRespondent.findFirstOrThrow({ where: { consultationId: id, officialId: head } });
    expect(row.stance).toBe('AGREE');
    expect(row.answeredById).toBe(await fx.officialId('PNV-02'));
    const signals = await fx.db.signal.findMany({ where: { itemKind: 'CONSULTATION', itemId: id } });
    expect(signals.map((s) => [s.behaviour, s.rule, s.officialId])).toEqual([[10, 'answered-for-head', head]]);
    const kinds = (signals[0]!.evidence as { events: { kind: string }[] }).events.map((e) => e.kind);
    expect(kinds).toEqual(['consult.delegated', 'consult.answered']);
  });

  test('the last stance completes the answers; the asker decides and every respondent (and the deputy) gets the decision', async ({ fx }) => {
    const { asker, duc, noiVu, noiVuDeputy, taiChinh, id } = await deputyAnswered(fx);
    await fx.setTime(at('2026-12-09T10:00:00'));
    await duc.press('Đồng ý');
    expect(asker.last()).toContain('Đã có ý kiến: 3/3.');
    expect(asker.last()).toContain('Đã đủ ý kiến. Đề nghị đồng chí kết luận hoặc mở vòng xin ý kiến mới.');
    expect(asker.buttons().map((b) => b.label)).toEqual(['Kết luận', 'Mở vòng mới', 'Xem chi tiết']);
    await asker.press('Xem chi tiết');
    expect(asker.last()).toContain('Ý kiến (3/3):');
    expect(asker.last()).toContain('↳ đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ trả lời thay');

    await fx.setTime(at('2026-12-09T14:00:00'));
    await asker.press('Kết luận');
    await asker.say(DECISION);
    expect(asker.last()).toContain('✅ Đã kết luận YK-2026-0001');
    for (const u of [noiVu, noiVuDeputy, taiChinh, duc]) expect(u.last()).toContain('🏁 Kết luận YK-2026-0001: Phương án sắp xếp bộ phận một cửa');
    expect(taiChinh.last()).toContain('Ý kiến của đồng chí: Đồng ý có ý kiến bổ sung');
    const c = await fx.db.consultation.findUniqueOrThrow({ where: { id } });
    expect(c.status).toBe('CLOSED');
    expect(await activeClocks(fx, id)).toBe(0);
    // Answered in time (the text without a stance came before a stance given in time): no behaviour-5 signal.
    expect(await fx.db.signal.count({ where: { behaviour: 5 } })).toBe(0);

    await taiChinh.pressData(encodeAction('consult.agree', id));
    expect(taiChinh.last()).toContain('đã kết luận hoặc đã chuyển sang vòng sau');
  });

  test('refuses outsiders: another unit cannot see or answer it; a superior of a respondent can see it', async ({ fx }) => {
    const { outsider, duc, deputyChair, noiVuDeputy, id } = await deputyAnswered(fx);
    await fx.setTime(at('2026-12-09T10:00:00'));
    await answerConsultation(fx.app, await oid(fx, 'VPUB-03'), id, 'AGREE', null);
    await fx.setTime(at('2026-12-09T14:00:00'));
    await closeConsultation(fx.app, await oid(fx, 'VPUB-01'), id, DECISION);
    await fx.deliver();
    await outsider.pressData(encodeAction('consult.view', id));
    expect(outsider.last()).toContain('nằm ngoài phạm vi đồng chí được xem');
    await outsider.pressData(encodeAction('consult.disagree', id));
    expect(outsider.last()).toContain('không phải người được xin ý kiến');
    await outsider.pressData(encodeAction('consult.close', id));
    expect(outsider.last()).toContain('Chỉ người xin ý kiến YK-2026-0001');
    await duc.pressData(encodeAction('consult.round', id));
    expect(duc.last()).toContain('Chỉ người xin ý kiến YK-2026-0001');
    await deputyChair.pressData(encodeAction('consult.view', id));
    expect(deputyChair.last()).toContain('❓ YK-2026-0001 · Đã kết luận');
    // A deputy of another unit's head cannot answer for that head.
    await noiVuDeputy.pressData(encodeAction('consult.agree', `${id}.${await fx.officialId('TCKH-01')}`));
    expect(noiVuDeputy.last()).toContain('không phải người được xin ý kiến');
  });
});
