import { describe, expect, test as base } from 'vitest';
import { askForOpinion } from '../../src/app/consultations/ask.js';
import { OfficialId } from '../../src/domain/ids.js';
import type { Harness } from '../support/app-harness.js';
import { sampleHarness } from '../support/harness-fixture.js';
import { zaloTranscript } from '../support/transcript.js';
import { type Trio, unitPool, zaloTrio } from '../support/zalo-pair.js';

// A consultation on Zalo from question to decision: a unit's head asks its member and its deputy. One harness per file;
// each test takes a unit no other test uses (head, deputy and member in fresh Zalo chats) and asks its own question,
// reading its code back, so no test continues another's state and any test runs alone or in any order.
const nextUnit = unitPool('zalo-consultation');

const SUBJECT = 'Phương án bố trí lại bộ phận một cửa';
const QUESTION = 'Đề nghị cho ý kiến về phương án chuyển bộ phận một cửa sang tầng 1, bố trí 2 cán bộ thường trực.';
const REASON = 'Tầng 1 đang là kho lưu trữ, chưa có kinh phí cải tạo trong năm nay.';
const AMENDMENT = 'Đồng ý, đề nghị bổ sung biển chỉ dẫn cho người dân';

const test = base.extend<{ $test: { trio: Trio }; $file: { harness: Harness } }>({
  harness: sampleHarness(),
  trio: async ({ harness: h, task }, use) => {
    const trio = await zaloTrio(h, nextUnit());
    await use(trio);
    const { unit, head, member, deputy } = trio;
    zaloTranscript(task.name, [
      [`Trưởng phòng (${unit}-01), người xin ý kiến`, head],
      [`Chuyên viên (${unit}-03)`, member],
      [`Phó Trưởng phòng (${unit}-02)`, deputy],
    ]);
  },
});

/** The head asks the member and the deputy (as the chat flow does, through its use case); returns the code. */
async function ask({ h, headId, memberId, deputyId }: Trio): Promise<string> {
  const { consultation } = await askForOpinion(h.app, OfficialId(headId), {
    respondentIds: [OfficialId(memberId), OfficialId(deputyId)],
    subject: SUBJECT,
    question: QUESTION,
    deadline: null,
    priority: 'NORMAL',
  });
  await h.idle();
  return consultation.code;
}

/** The member answers "Không đồng ý" by the number of the question, and types the reason when asked. */
async function disagreeByNumber({ member }: Trio, code: string): Promise<void> {
  await member.choose('Không đồng ý');
  expect(member.last()).toContain(code);
  expect(member.last()).toContain('Gõ /huy để dừng.');
  await member.say(REASON);
}

/** The deputy agrees with an amendment by command, with the code and the text on one line. */
async function amendByCommand({ deputy }: Trio, code: string): Promise<void> {
  await deputy.command('bosung', `${code} ${AMENDMENT}`);
}

const respondent = (h: Harness, code: string, officialId: number) =>
  h.db.db.consultationRespondent.findFirstOrThrow({ where: { consultation: { code }, officialId } });

describe('a consultation on Zalo: asked by text, answered with a stance by number and by command', () => {
  test('asks step by step by text and numbers', async ({ trio: { h, head, member, headId, memberTyped, deputyTyped } }) => {
    await head.command('xinykien');
    expect(head.last()).toContain('bước 1/6');
    await head.say(memberTyped);
    expect(head.options().map((o) => o.label)).toEqual(['Xong']);
    await head.say(deputyTyped);
    await head.choose('Xong');
    expect(head.last()).toContain('bước 2/6');
    await head.say(SUBJECT);
    await head.say(QUESTION);
    await head.choose('Thường');
    expect(head.last()).toContain('bước 5/6');
    await head.say('1'); // the default deadline
    expect(head.last()).toContain('bước 6/6');
    await head.choose('Bỏ qua');
    await head.say('1'); // send
    const { code } = await h.db.db.consultation.findFirstOrThrow({ where: { askerId: headId }, orderBy: { id: 'desc' } });
    expect(code).toMatch(/^YK-2026-\d{4}$/);
    expect(head.last()).toContain(code);
    // Every step read right on a chat without buttons: numbers to type, never a button to press (issue 13).
    expect(head.texts().filter((t) => /bấm/i.test(t))).toEqual([]);
    expect(head.texts().some((t) => t.includes('gõ số của lựa chọn "Xong"'))).toBe(true);
    expect(head.texts().some((t) => t.includes('Gõ số của lựa chọn "Mặc định"'))).toBe(true);

    const question = member.last();
    expect(question).toContain(`❓ Xin ý kiến ${code}`);
    expect(member.options()).toEqual([
      { n: 1, label: 'Đồng ý', command: `/dongy ${code}` },
      { n: 2, label: 'Không đồng ý', command: `/khongdongy ${code}` },
      { n: 3, label: 'Đồng ý có ý kiến bổ sung', command: `/bosung ${code}` },
      { n: 4, label: 'Xin làm rõ', command: `/hoilai ${code}` },
    ]);
  });

  test('a bare number that matches no choice is not taken as an answer without a stance', async ({ trio }) => {
    const { h, member } = trio;
    await ask(trio);
    const before = await h.db.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } });
    await member.say('7');
    expect(member.last()).toBe(
      'Tin nhắn gần nhất không có lựa chọn số 7. Đồng chí xem lại các lựa chọn đánh số, gõ lệnh kèm mã (vd: /nhan NV-2026-0012) hoặc gõ /trogiup.',
    );
    expect(await h.db.db.consultationEntry.count({ where: { kind: 'FREE_TEXT' } })).toBe(before);
  });

  test('records a stance answered by number, with its reason typed after', async ({ trio }) => {
    const code = await ask(trio);
    await disagreeByNumber(trio, code);
    const row = await respondent(trio.h, code, trio.memberId);
    expect(row.stance).toBe('DISAGREE');
    expect(row.stanceText).toBe(REASON);
  });

  test('records a stance given by command with the code, at any time', async ({ trio }) => {
    const code = await ask(trio);
    await amendByCommand(trio, code);
    const row = await respondent(trio.h, code, trio.deputyId);
    expect(row.stance).toBe('AGREE_WITH_AMENDMENTS');
    expect(row.stanceText).toBe(AMENDMENT);
  });

  test('closes with a decision by command; everyone reads it on Zalo', async ({ trio }) => {
    const { h, head, member, deputy } = trio;
    // Both have answered, as before a decision is usually taken.
    const code = await ask(trio);
    await disagreeByNumber(trio, code);
    await amendByCommand(trio, code);
    await head.command('ketluan', `${code} Giữ nguyên vị trí bộ phận một cửa đến hết năm 2026; Văn phòng lập dự toán cải tạo tầng 1 trong năm 2027.`);
    expect(head.last()).toContain(`Đã kết luận ${code}`);
    expect(member.last()).toContain(`🏁 Kết luận ${code}`);
    expect(deputy.last()).toContain('Giữ nguyên vị trí bộ phận một cửa');
    expect((await h.db.db.consultation.findFirstOrThrow({ where: { code } })).status).toBe('CLOSED');
  });
});
