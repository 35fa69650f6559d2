// Guessing invite codes: five wrong codes from one chat within 15 minutes, then a polite wait that says until when,
// kept in PostgreSQL so a restart of the bot does not reset it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { MINUTE_MS } from '../../src/domain/time/duration.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { createTestDatabase, type TestDatabase, storesOn } from '../support/database.js';
import { command, user, zaloId, zaloText } from '../support/updates.js';
import { waitUntil } from '../support/wait.js';

const WRONG = ['AAAA2222', 'BBBB3333', 'CCCC4444', 'DDDD5555', 'EEEE6666'];

describe('invite codes are throttled per chat', () => {
  let db: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    db = await createTestDatabase();
    // Monday 07/12/2026 09:00 in Hà Nội.
    h = await createHarness({ workers: false, database: db, start: '2026-12-07T02:00:00Z' });
    await h.importSample();
  });
  afterAll(async () => {
    await h?.close();
    await db?.drop();
  });

  /** Sends /start CODE from a Telegram user and returns the bot's answer. */
  async function start(h: Harness, userId: number, code: string, languageCode = 'vi'): Promise<string> {
    const before = h.tg.messagesTo(userId).length;
    expect(await h.post(command(user(userId, { languageCode }), '/start', code))).toBe(200);
    await waitUntil(() => h.tg.messagesTo(userId).length > before, { message: `an answer to ${userId}` });
    return h.tg.messagesTo(userId).at(-1)!;
  }

  it('after 5 wrong codes the 6th, even a right one, gets a wait until a stated time; a restart does not reset it', async () => {
    for (const code of WRONG) expect(await start(h, 5101, code)).toMatch(/^Mã mời không đúng/);
    const good = await issueInvite(storesOn(db.db), { officialCode: 'PNV-03', now: h.timeSource.now() });
    h.timeSource.advance(MINUTE_MS); // 09:01: the first wrong code (09:00) leaves the window at 09:15
    const refused = await start(h, 5101, good.code);
    expect(refused).toBe(
      'Tài khoản này đã gửi sai mã mời nhiều lần trong thời gian ngắn. Để bảo đảm an toàn, đề nghị đồng chí thử lại sau 09:15 (khoảng 14 phút nữa). Nếu chưa có mã đúng, đề nghị đồng chí liên hệ Văn phòng để được cấp mã mới.',
    );
    // The code was not even looked at: it is still unused.
    expect(await db.db.inviteCode.count({ where: { usedAt: { not: null } } })).toBe(0);

    // The bot restarts (a new process on the same database): the count is still there.
    await h.close();
    h = await createHarness({ workers: false, database: db, start: '2026-12-07T02:10:00Z' });
    expect(await start(h, 5101, good.code)).toMatch(/thử lại sau 09:15 \(khoảng 5 phút nữa\)/);

    // 09:15: the oldest wrong code has left the window; the right code links.
    h.timeSource.set('2026-12-07T02:15:00Z');
    expect(await start(h, 5101, good.code)).toMatch(/^Đã liên kết tài khoản này với đồng chí/);
  });

  it('another chat is not held up by someone else guessing, and a right code is not counted as a guess', async () => {
    for (const code of WRONG.slice(0, 4)) expect(await start(h, 5202, code)).toMatch(/^Mã mời không đúng/);
    const first = await issueInvite(storesOn(db.db), { officialCode: 'TCKH-01', now: h.timeSource.now() });
    expect(await start(h, 5203, first.code)).toMatch(/^Đã liên kết/); // someone else, meanwhile
    const mine = await issueInvite(storesOn(db.db), { officialCode: 'TCKH-02', now: h.timeSource.now() });
    expect(await start(h, 5202, mine.code)).toMatch(/^Đã liên kết/); // 5th attempt, right
    // Relinking from the same chat with one more wrong code: still 4 wrong ones in the window, so it is answered.
    expect(await start(h, 5202, 'FFFF7777')).toMatch(/^Mã mời không đúng/);
  });

  it('speaks English to an English-speaking user, and holds on Zalo where the code comes alone', async () => {
    for (const code of WRONG) expect(await start(h, 5303, code, 'en')).toMatch(/^This invite code is not valid/);
    expect(await start(h, 5303, 'GGGG8888', 'en')).toMatch(
      /^Several wrong invite codes were sent from this account in a short time\. For safety, please try again after \d\d:\d\d \(in about 15 minutes\)/,
    );

    const zaloUser = zaloId('guesser');
    for (const code of WRONG) expect(await h.postZalo(zaloText(zaloUser, code))).toBe(200);
    const good = await issueInvite(storesOn(db.db), { officialCode: 'TCKH-03', now: h.timeSource.now() });
    expect(await h.postZalo(zaloText(zaloUser, good.code))).toBe(200);
    const texts = h.zalo.messagesTo(zaloUser);
    expect(texts).toHaveLength(6);
    expect(texts[5]).toMatch(/^Tài khoản này đã gửi sai mã mời nhiều lần/);
  });
});
