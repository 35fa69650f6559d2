// One consultation on Telegram from question to decision: several respondents, a reply without a stance, a
// clarifying question, a stance changed before closing, a head handing the answer to a deputy, /ykien, the decision
// sent to all, and reach refused to outsiders. PRINT_TRANSCRIPT=1 prints the messages as the users saw them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAction } from '../../src/app/actions.js';
import { formatDateTime } from '../../src/i18n/format.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';

const at = (local: string) => new Date(`${local}+07:00`).toISOString();

/** The conversation as the people in it saw it: what they typed or pressed, what the bot sent them, with buttons. */
class Transcript {
  readonly lines: string[] = [];
  private readonly seen = new Map<number, number>();
  constructor(
    private readonly h: Harness,
    private readonly names: Map<number, string>,
  ) {}
  private sent(chat: number) {
    return this.h.tg.callsForChat(chat).filter((c) => c.outcome.ok && c.method === 'sendMessage');
  }
  mark(): void {
    for (const id of this.names.keys()) this.seen.set(id, this.sent(id).length);
  }
  async act(id: number, what: string, fn: () => Promise<void>): Promise<void> {
    this.mark();
    const now = formatDateTime(this.h.clock.now(), 'Asia/Ho_Chi_Minh');
    this.lines.push(`\n▶ [${now}] ${this.names.get(id)}: ${what}`);
    await fn();
    this.collect();
  }
  collect(): void {
    for (const [id, name] of this.names) {
      const calls = this.sent(id).slice(this.seen.get(id) ?? 0);
      for (const c of calls) {
        const markup = c.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
        const buttons = (markup?.inline_keyboard ?? []).map((row) => row.map((b) => `[${b.text}]`).join(' ')).join('\n');
        this.lines.push(`— bot → ${name}:\n${String(c.params.text)}${buttons ? `\n${buttons}` : ''}`);
      }
      this.seen.set(id, this.sent(id).length);
    }
  }
}

describe('a consultation on Telegram, from question to decision', () => {
  let h: Harness;
  let asker: TelegramUser; // VPUB-01 Đinh Công Thành, Chánh Văn phòng HĐND và UBND huyện
  let noiVu: TelegramUser; // PNV-01 Trần Thị Bích Ngọc, head of Phòng Nội vụ
  let noiVuDeputy: TelegramUser; // PNV-02 Nguyễn Hữu Nghĩa, her deputy
  let taiChinh: TelegramUser; // TCKH-01 Võ Thanh Sơn, head of Phòng Tài chính – Kế hoạch
  let duc: TelegramUser; // VPUB-03 Cao Văn Đức, Chuyên viên tổng hợp
  let outsider: TelegramUser; // TNMT-03, another unit, not asked
  let deputyChair: TelegramUser; // UB-02, superior of TCKH-01
  let log: Transcript;
  let id: number;

  beforeAll(async () => {
    h = await createHarness({ start: at('2026-12-07T09:00:00') });
    await h.importSample();
    asker = telegramUser(h, await h.link('VPUB-01', 5001));
    noiVu = telegramUser(h, await h.link('PNV-01', 5002));
    noiVuDeputy = telegramUser(h, await h.link('PNV-02', 5003));
    taiChinh = telegramUser(h, await h.link('TCKH-01', 5004));
    duc = telegramUser(h, await h.link('VPUB-03', 5005));
    outsider = telegramUser(h, await h.link('TNMT-03', 5006));
    deputyChair = telegramUser(h, await h.link('UB-02', 5007));
    log = new Transcript(
      h,
      new Map([
        [5001, 'đ/c Đinh Công Thành (người xin ý kiến)'],
        [5002, 'đ/c Trần Thị Bích Ngọc'],
        [5003, 'đ/c Nguyễn Hữu Nghĩa'],
        [5004, 'đ/c Võ Thanh Sơn'],
        [5005, 'đ/c Cao Văn Đức'],
      ]),
    );
    log.mark();
  });
  afterAll(async () => {
    if (process.env.PRINT_TRANSCRIPT) console.log(log.lines.join('\n'));
    await h?.close();
  });

  it('asks step by step: several respondents found by name, subject, question, priority, default deadline', async () => {
    await log.act(5001, '/xinykien', () => asker.command('xinykien'));
    expect(asker.last()).toContain('bước 1/6');
    await log.act(5001, 'tran thi bich ngoc', () => asker.say('tran thi bich ngoc'));
    expect(asker.last()).toContain('Đã chọn: Trần Thị Bích Ngọc');
    await log.act(5001, 'Võ Thanh Sơn', () => asker.say('Võ Thanh Sơn'));
    await log.act(5001, 'cao van duc', () => asker.say('cao van duc'));
    expect(asker.last()).toContain('Đã chọn: Trần Thị Bích Ngọc, Võ Thanh Sơn, Cao Văn Đức');
    await log.act(5001, '[Xong]', () => asker.press('Xong'));
    expect(asker.last()).toContain('bước 2/6');
    await log.act(5001, 'Phương án sắp xếp bộ phận một cửa', () => asker.say('Phương án sắp xếp bộ phận một cửa'));
    const question = 'Đề xuất bố trí lại bộ phận một cửa huyện theo phương án 2: gộp 2 quầy đất đai, bổ sung 1 công chức Phòng Nội vụ luân phiên trực, thực hiện từ 01/01/2027. Đề nghị các đồng chí cho ý kiến.';
    await log.act(5001, question, () => asker.say(question));
    expect(asker.last()).toContain('bước 4/6');
    await log.act(5001, '[Thường]', () => asker.press('Thường'));
    // NORMAL: 3 working days from Monday 09:00.
    expect(asker.last()).toContain('để lấy 09:00 10/12/2026');
    expect(asker.buttons().map((b) => b.text)).toContain('Mặc định: 09:00 10/12/2026');
    await log.act(5001, '[Mặc định: 09:00 10/12/2026]', () => asker.press('Mặc định'));
    await log.act(5001, '[Bỏ qua]', () => asker.press('Bỏ qua'));
    expect(asker.last()).toContain('Xin ý kiến: Trần Thị Bích Ngọc, Võ Thanh Sơn, Cao Văn Đức');
    await log.act(5001, '[Gửi xin ý kiến]', () => asker.press('Gửi xin ý kiến'));
    expect(asker.last()).toContain('✅ Đã gửi xin ý kiến YK-2026-0001 tới 3 người. Thời hạn trả lời: 09:00 10/12/2026');

    const received = duc.last();
    expect(received).toContain('❓ Xin ý kiến YK-2026-0001');
    expect(received).toContain('Người xin ý kiến: đ/c Đinh Công Thành, Chánh Văn phòng HĐND và UBND huyện');
    expect(received).toContain('Thời hạn trả lời: 09:00 10/12/2026 · Mức độ: Thường');
    expect(duc.buttons().map((b) => b.text)).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung', 'Xin làm rõ']);
    // A head with a deputy may also hand it over.
    expect(noiVu.buttons().map((b) => b.text)).toContain('Giao cấp phó trả lời thay');
    id = (await h.db.db.consultation.findUniqueOrThrow({ where: { code: 'YK-2026-0001' } })).id;
    expect(await h.db.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, state: 'ACTIVE' } })).toBe(3);
  });

  it('text without a stance is recorded and shown to the asker; it does not answer, the clock keeps running', async () => {
    await h.setTime(at('2026-12-07T09:40:00'));
    await log.act(5005, 'Đã nhận, sẽ xem xét', () => duc.say('Đã nhận, sẽ xem xét'));
    expect(duc.last()).toContain('chưa nêu rõ quan điểm nên chưa được tính là ý kiến trả lời');
    expect(asker.last()).toContain('💬 YK-2026-0001: đ/c Cao Văn Đức, Chuyên viên tổng hợp gửi nội dung chưa nêu rõ quan điểm');
    expect(asker.last()).toContain('Nội dung: Đã nhận, sẽ xem xét');
    const r = await h.db.db.consultationRespondent.findFirstOrThrow({ where: { consultationId: id, officialId: await h.officialId('VPUB-03') } });
    expect(r.stance).toBeNull();
    expect(r.lastFreeTextAt).not.toBeNull();
    expect(await h.db.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, officialId: r.officialId, state: 'ACTIVE' } })).toBe(1);
  });

  it('one clarifying question goes to the asker, whose reply comes back with the stance buttons; a second is refused', async () => {
    await h.setTime(at('2026-12-07T10:15:00'));
    await log.act(5005, '[Xin làm rõ]', () => duc.press('Xin làm rõ'));
    await log.act(5005, 'Công chức Phòng Nội vụ trực cả ngày hay chỉ buổi sáng?', () => duc.say('Công chức Phòng Nội vụ trực cả ngày hay chỉ buổi sáng?'));
    expect(duc.last()).toContain('Thời hạn trả lời YK-2026-0001 vẫn là 09:00 10/12/2026');
    expect(asker.last()).toContain('❔ YK-2026-0001: đ/c Cao Văn Đức, Chuyên viên tổng hợp đề nghị làm rõ');
    await h.setTime(at('2026-12-07T10:40:00'));
    await log.act(5001, '[Trả lời câu hỏi làm rõ]', () => asker.press('Trả lời câu hỏi làm rõ'));
    await log.act(5001, 'Trực cả ngày, luân phiên theo tuần.', () => asker.say('Trực cả ngày, luân phiên theo tuần.'));
    expect(duc.last()).toContain('💡 YK-2026-0001');
    expect(duc.last()).toContain('Trả lời: Trực cả ngày, luân phiên theo tuần.');
    expect(duc.buttons().map((b) => b.text)).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung']);
    await duc.pressData(encodeAction('consult.clarify', id));
    expect(duc.last()).toContain('đã xin làm rõ về YK-2026-0001 một lần');
    expect(await h.db.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, state: 'ACTIVE' } })).toBe(3);
  });

  it('disagreeing needs a reason; the stance can be changed before closing, and the asker sees both', async () => {
    await h.setTime(at('2026-12-08T08:30:00'));
    await log.act(5004, '[Không đồng ý]', () => taiChinh.press('Không đồng ý'));
    await log.act(5004, 'ok', () => taiChinh.say('ok'));
    expect(taiChinh.last()).toContain('cần nêu lý do');
    await log.act(5004, 'Chưa bố trí được kinh phí phụ cấp trực năm 2027.', () => taiChinh.say('Chưa bố trí được kinh phí phụ cấp trực năm 2027.'));
    expect(taiChinh.last()).toContain('✅ Đã ghi nhận ý kiến "Không đồng ý"');
    expect(asker.last()).toContain('📝 YK-2026-0001: đ/c Võ Thanh Sơn, Trưởng phòng Tài chính – Kế hoạch cho ý kiến "Không đồng ý"');
    expect(asker.last()).toContain('Đã có ý kiến: 1/3.');
    // The answer stops this respondent's ladder only.
    const son = await h.officialId('TCKH-01');
    expect((await h.db.db.clock.findFirstOrThrow({ where: { itemKind: 'CONSULTATION', itemId: id, officialId: son } })).state).toBe('STOPPED');
    expect(await h.db.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, state: 'ACTIVE' } })).toBe(2);

    await h.setTime(at('2026-12-08T14:00:00'));
    await log.act(5004, '[Đồng ý có ý kiến bổ sung]', () => taiChinh.press('Đồng ý có ý kiến bổ sung'));
    await log.act(5004, 'Đồng ý nếu phụ cấp trực lấy từ nguồn cải cách hành chính.', () => taiChinh.say('Đồng ý nếu phụ cấp trực lấy từ nguồn cải cách hành chính.'));
    expect(taiChinh.last()).toContain('ý kiến mới "Đồng ý có ý kiến bổ sung"');
    expect(asker.last()).toContain('thay đổi ý kiến thành "Đồng ý có ý kiến bổ sung" (trước đó: Không đồng ý)');
  });

  it('/ykien shows what I asked with each respondent\'s state, and what waits for me', async () => {
    await h.setTime(at('2026-12-08T15:00:00'));
    await log.act(5001, '/ykien', () => asker.command('ykien'));
    const list = asker.last();
    expect(list).toContain('📤 Đồng chí đã xin ý kiến, đang mở (1)');
    expect(list).toContain('YK-2026-0001 · Phương án sắp xếp bộ phận một cửa · hạn 09:00 10/12/2026 · đã có 1/3 ý kiến');
    expect(list).toContain('⏳ Trần Thị Bích Ngọc: chưa có ý kiến');
    expect(list).toContain('📝 Võ Thanh Sơn: Đồng ý có ý kiến bổ sung');
    expect(list).toContain('💬 Cao Văn Đức: chưa nêu rõ quan điểm');
    await duc.command('ykien');
    expect(duc.last()).toContain('📥 Chờ đồng chí cho ý kiến (1)');
    expect(duc.last()).toContain('⏳ YK-2026-0001 · Phương án sắp xếp bộ phận một cửa');
  });

  it('a head hands the answer to a deputy, who answers on her behalf: recorded as such, behaviour 10 raised on the head', async () => {
    await h.setTime(at('2026-12-09T08:00:00'));
    await log.act(5002, '[Giao cấp phó trả lời thay]', () => noiVu.press('Giao cấp phó trả lời thay'));
    await log.act(5002, '[đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ]', () => noiVu.press('Nguyễn Hữu Nghĩa'));
    expect(noiVu.last()).toContain('Đã giao đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ trả lời thay về YK-2026-0001');
    expect(noiVuDeputy.last()).toContain('đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ giao đồng chí trả lời thay');
    await noiVuDeputy.command('ykien');
    expect(noiVuDeputy.last()).toContain('(trả lời thay đ/c Trần Thị Bích Ngọc)');
    await h.setTime(at('2026-12-09T09:15:00'));
    await log.act(5003, '[Đồng ý]', () => noiVuDeputy.press('Đồng ý'));
    expect(noiVuDeputy.last()).toContain('do đồng chí trả lời thay đ/c Trần Thị Bích Ngọc');
    expect(asker.last()).toContain('(Trả lời thay đ/c Trần Thị Bích Ngọc, Trưởng phòng Nội vụ)');
    expect(noiVu.last()).toContain('đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ đã trả lời thay đồng chí');

    const head = await h.officialId('PNV-01');
    const row = await h.db.db.consultationRespondent.findFirstOrThrow({ where: { consultationId: id, officialId: head } });
    expect(row.stance).toBe('AGREE');
    expect(row.answeredById).toBe(await h.officialId('PNV-02'));
    const signals = await h.db.db.signal.findMany({ where: { itemKind: 'CONSULTATION', itemId: id } });
    expect(signals.map((s) => [s.behaviour, s.rule, s.officialId])).toEqual([[10, 'answered-for-head', head]]);
    const kinds = (signals[0]!.evidence as { events: { kind: string }[] }).events.map((e) => e.kind);
    expect(kinds).toEqual(['consult.delegated', 'consult.answered']);
  });

  it('the last stance completes the answers; the asker decides and every respondent (and the deputy) gets the decision', async () => {
    await h.setTime(at('2026-12-09T10:00:00'));
    await log.act(5005, '[Đồng ý]', () => duc.press('Đồng ý'));
    expect(asker.last()).toContain('Đã có ý kiến: 3/3.');
    expect(asker.last()).toContain('Đã đủ ý kiến. Đề nghị đồng chí kết luận hoặc mở vòng xin ý kiến mới.');
    expect(asker.buttons().map((b) => b.text)).toEqual(['Kết luận', 'Mở vòng mới', 'Xem chi tiết']);
    await log.act(5001, '[Xem chi tiết]', () => asker.press('Xem chi tiết'));
    expect(asker.last()).toContain('Ý kiến (3/3):');
    expect(asker.last()).toContain('↳ đ/c Nguyễn Hữu Nghĩa, Phó Trưởng phòng Nội vụ trả lời thay');

    await h.setTime(at('2026-12-09T14:00:00'));
    await log.act(5001, '[Kết luận]', () => asker.press('Kết luận'));
    const decision = 'Thống nhất thực hiện phương án 2 từ 01/01/2027; phụ cấp trực chi từ nguồn kinh phí cải cách hành chính. Văn phòng dự thảo quyết định trình Chủ tịch UBND huyện trước 18/12.';
    await log.act(5001, decision, () => asker.say(decision));
    expect(asker.last()).toContain('✅ Đã kết luận YK-2026-0001');
    for (const u of [noiVu, noiVuDeputy, taiChinh, duc]) expect(u.last()).toContain('🏁 Kết luận YK-2026-0001: Phương án sắp xếp bộ phận một cửa');
    expect(taiChinh.last()).toContain('Ý kiến của đồng chí: Đồng ý có ý kiến bổ sung');
    const c = await h.db.db.consultation.findUniqueOrThrow({ where: { id } });
    expect(c.status).toBe('CLOSED');
    expect(await h.db.db.clock.count({ where: { itemKind: 'CONSULTATION', itemId: id, state: 'ACTIVE' } })).toBe(0);
    // Answered in time (the text without a stance came before a stance given in time): no behaviour-5 signal.
    expect(await h.db.db.signal.count({ where: { behaviour: 5 } })).toBe(0);

    await taiChinh.pressData(encodeAction('consult.agree', id));
    expect(taiChinh.last()).toContain('đã kết luận hoặc đã chuyển sang vòng sau');
  });

  it('refuses outsiders: another unit cannot see or answer it; a superior of a respondent can see it', async () => {
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
    await noiVuDeputy.pressData(encodeAction('consult.agree', `${id}.${await h.officialId('TCKH-01')}`));
    expect(noiVuDeputy.last()).toContain('không phải người được xin ý kiến');
  });
});
