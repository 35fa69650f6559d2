import { describe, expect, test as base } from 'vitest';
import { createNotice } from '../../src/app/notices/create-notice.js';
import { OfficialId } from '../../src/domain/ids.js';
import type { Harness } from '../support/app-harness.js';
import { sampleHarness } from '../support/harness-fixture.js';
import { zaloTranscript } from '../support/transcript.js';
import { THREE_OFFICIAL_UNITS, type Trio, unitPool, zaloTrio } from '../support/zalo-pair.js';
import type { ZaloUser } from '../support/zalo-user.js';

// A quán triệt notice on Zalo (issue 15): the document as a download link, confirmation and a commitment by numbered
// choices, a question to the sender, a reminder answered by number, the sender's coverage; over HTTP, Redis and the
// Zalo stand-in. One harness per file; each test takes a unit of three officials no other test uses (head, deputy and
// member in fresh Zalo chats) whose head sends the unit its own notice, its code read back: no test continues
// another's state. Only the reminder test moves the file's clock.
const nextUnit = unitPool('zalo-notices', THREE_OFFICIAL_UNITS);
const pdf = new TextEncoder().encode('%PDF-1.4\nKế hoạch thực hiện Chỉ thị 56-CT/TW\n%%EOF');
const COMMITMENT = 'Tổ chức quán triệt trong phòng trước 15/12/2026.';
const QUESTION = 'Bản cam kết nộp về Văn phòng hay Phòng Nội vụ?';

/** A unit on Zalo and the notice its head sent to the whole unit: the deputy and the member receive it. */
interface Given extends Trio {
  code: string;
}

const test = base.extend<{ $test: { given: Given }; $file: { harness: Harness } }>({
  harness: sampleHarness(),
  given: async ({ harness: h, task }, use) => {
    const trio = await zaloTrio(h, nextUnit());
    const unitId = (await h.db.db.unit.findFirstOrThrow({ where: { code: trio.unit } })).id;
    const { notice } = await createNotice(h.app, OfficialId(trio.headId), {
      scopes: [{ kind: 'unit', unitId, subtree: true }],
      title: 'Kế hoạch thực hiện Chỉ thị 56-CT/TW',
      summary: 'Quán triệt đến từng cán bộ, công chức; mỗi đồng chí xây dựng cam kết thực hiện.',
      deadline: null,
      document: { kind: 'file', name: 'Kế hoạch 56.pdf', data: pdf },
    });
    await h.idle();
    await use({ ...trio, code: notice.code });
    const { unit, head, deputy, member } = trio;
    zaloTranscript(task.name, [
      [`Trưởng phòng (${unit}-01), người gửi`, head],
      [`Phó Trưởng phòng (${unit}-02)`, deputy],
      [`Chuyên viên (${unit}-03)`, member],
    ]);
  },
});

/** Every download link the bot sent to this chat, oldest first. */
const links = (u: ZaloUser) =>
  [
    ...u
      .texts()
      .join('\n')
      .matchAll(/(http:\/\/127\.0\.0\.1:\d+\/files\/[A-Za-z0-9_-]+)/g),
  ].map((m) => m[1]!);

/** The deputy confirms by number, with a commitment typed when asked. */
async function confirmWithCommitment({ deputy, code }: Given): Promise<void> {
  await deputy.choose('Đã đọc, kèm cam kết');
  await deputy.say(COMMITMENT);
  expect(deputy.last()).toContain(`Đã ghi nhận đồng chí đã đọc, đã nắm nội dung ${code}`);
}

/** The member asks the sender a question by number; it reaches the sender. */
async function askTheSender({ h, head, member }: Given): Promise<void> {
  await member.choose('Hỏi lại người gửi');
  await member.say(QUESTION);
  await h.idle();
  expect(head.last()).toContain(QUESTION);
}

describe('a notice on Zalo: numbered choices, a file link, a question, a reminder', () => {
  test('reaches each recipient with numbered choices and the document as a download link', async ({ given: { member, code } }) => {
    expect(member.last()).toContain(`📘 Quán triệt ${code}`);
    expect(member.options().map((o) => o.label)).toEqual(['Đã đọc, đã nắm nội dung', 'Đã đọc, kèm cam kết', 'Hỏi lại người gửi']);
    expect(member.texts().filter((t) => /bấm/i.test(t))).toEqual([]);
    const res = await fetch(links(member)[0]!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(pdf);
  });

  test('confirms with a commitment by number, and a second confirmation is refused', async ({ given }) => {
    const { h, deputy, deputyId, code } = given;
    await confirmWithCommitment(given);
    await deputy.command('danam', code);
    expect(deputy.last()).toContain(`Đồng chí đã xác nhận ${code}`);
    const row = await h.db.db.noticeRecipient.findFirstOrThrow({ where: { officialId: deputyId, notice: { code } } });
    expect(row.commitment).toBe(COMMITMENT);
  });

  test('a question goes to the sender and does not count', async ({ given }) => {
    const { h, memberId, code } = given;
    await askTheSender(given);
    const row = await h.db.db.noticeRecipient.findFirstOrThrow({ where: { officialId: memberId, notice: { code } } });
    expect(row.confirmedAt).toBeNull();
  });

  // The only test that moves the file's clock: the notice was sent at the harness's start, Monday 07/12 09:00.
  test('the reminder at the deadline is answered by number; the sender sees everyone confirmed', async ({ given }) => {
    const { h, head, member, code } = given;
    await confirmWithCommitment(given);
    await askTheSender(given);
    await h.setTime('2026-12-10T02:00:00Z'); // Thursday 09:00: the three working days are over
    expect(member.last()).toContain(`⏰ Nhắc: ${code} chưa xác nhận đã đọc`);
    expect(member.last()).toContain(`Gõ /quantriet ${code} để nhận lại tài liệu.`);
    await h.setTime('2026-12-10T02:20:00Z'); // 09:20, after the deadline
    // The first download link has expired (a day): asking for the notice again gives a fresh one.
    expect((await fetch(links(member)[0]!)).status).not.toBe(200);
    await member.command('quantriet', code);
    expect(member.last()).toContain('Thông báo đang chờ đồng chí xác nhận, hạn 09:00 10/12/2026.');
    const fresh = links(member).at(-1)!;
    expect(new Uint8Array(await (await fetch(fresh)).arrayBuffer())).toEqual(pdf);
    await member.choose('Đã đọc, đã nắm nội dung');
    expect(member.last()).toContain('(sau thời hạn xác nhận)');
    await head.command('quantriet', code);
    expect(head.last()).toContain('Đã xác nhận: 2/2 (100%), trong đó 1 sau hạn.');
    expect(head.last()).toContain(`Cam kết: ${COMMITMENT}`);
  });
});
