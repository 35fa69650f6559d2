// /trogiup shows the commands the person may use, by role (member, deputy, head, superior, admin), and the commands
// that take an item code, briefly, in both languages (issue 9.11).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser } from '../support/telegram-user.js';

describe('/trogiup by role', () => {
  let h: Harness;
  const help = async (code: string, chat: number, lang?: 'en') => {
    const u = telegramUser(h, await h.link(code, chat));
    if (lang) await u.command('/lang', lang);
    await u.command(lang ? '/help' : '/trogiup');
    return u.last();
  };
  const LEADER = ['/giaoviec', '/tonghop', '/danhgia', '/canhbao', '/xacnhan', '/huyviec', '/ycgiaitrinh'];

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    // BTC-03, a member, is made the explicit superior of BTC-04: a superior without a leading role.
    await h.db.db.official.updateMany({ where: { code: 'BTC-04' }, data: { superiorId: await h.officialId('BTC-03') } });
    h.app.invalidate();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a member sees the commands for their own work, and the item commands for tasks, consultations, demands', async () => {
    const text = await help('BTC-04', 9101);
    for (const c of ['/viec', '/baocao', '/xinykien', '/ykien', '/huy', '/lang en', '/kenh']) expect(text).toContain(c);
    for (const c of LEADER) expect(text).not.toContain(c);
    expect(text).toContain('/nhan, /giahan, /tuchoi, /baocao, /xong, /xem kèm mã nhiệm vụ được giao (vd: /nhan NV-2026-0012)');
    expect(text).toContain('/dongy, /khongdongy, /bosung, /hoilai, /ketluan, /vongmoi kèm mã xin ý kiến');
    expect(text).toContain('/giaitrinh kèm mã yêu cầu giải trình');
    expect(text).not.toContain('trả lời bằng số'); // Telegram has buttons
  });

  it('a deputy also assigns and reads the digest, but has no evaluation report nor signals to review', async () => {
    const text = await help('BTC-02', 9102);
    for (const c of ['/giaoviec', '/tonghop', '/xacnhan, /tralai, /huyviec']) expect(text).toContain(c);
    for (const c of ['/danhgia', '/canhbao']) expect(text).not.toContain(c);
  });

  it('a head sees everything a leader has', async () => {
    const text = await help('BTC-01', 9103);
    for (const c of LEADER) expect(text).toContain(c);
    expect(text).not.toContain('npm run cli');
  });

  it('a superior without a leading role assigns and reviews signals of their people, without the unit digest', async () => {
    const text = await help('BTC-03', 9104);
    for (const c of ['/giaoviec', '/canhbao', '/nhaclai']) expect(text).toContain(c);
    for (const c of ['/tonghop', '/danhgia']) expect(text).not.toContain(c);
  });

  it('an admin assigns to anyone and is pointed to the command-line tool; in English', async () => {
    const text = await help('VPUB-04', 9105, 'en');
    expect(text).toContain('Commands you can use:');
    for (const c of [
      '/assign',
      '/signals',
      '/confirm, /reopen, /canceltask',
      '/accept, /extend, /decline, /report, /done, /view with the code of a task given to you (e.g. /accept NV-2026-0012)',
      'npm run cli',
    ]) {
      expect(text).toContain(c);
    }
    for (const c of ['/digest', '/evaluation', '/giaoviec']) expect(text).not.toContain(c);
  });
});
