// Every field a person fills in, in chat or in the organisation file, goes through the one sanitiser before any rule
// and before PostgreSQL (issues 9.7, 19.1): NUL and other control characters, bidi controls and zero-width characters
// typed into each of them are gone from what is stored and from every message sent, and no step answers with the
// internal error. Here the parts that need the real webhook: the display name a Telegram client sends with /start, and
// the scan of every column and every message the stand-in received after it. The flows (task, task at work,
// consultation, explanation and signals), each with the same scan, run in process: tests/app/hostile-fields.test.ts.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { createHarness, SAMPLE_CSV, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { FORBIDDEN, forbiddenStored } from '../support/forbidden-text.js';
import { command, user } from '../support/updates.js';

const at = (local: string) => new Date(`${local}+07:00`);

/** `text` as a hostile keyboard or a copy-paste delivers it: NUL, a bell, bidi isolates, zero-width space, a BOM. */
const dirty = (text: string) => `\u0000\u200B${text.split(' ').join(' \u2066')}\u2069\u0007\uFEFF`;
const INTERNAL_ERROR = 'Hệ thống đang gặp sự cố';

function everythingSent(h: Harness): string[] {
  return h.tg.calls
    .filter((c) => c.outcome.ok && ['sendMessage', 'sendPhoto', 'sendDocument'].includes(c.method))
    .flatMap((c) => {
      const markup = c.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
      return [String(c.params.text ?? c.params.caption ?? ''), ...(markup?.inline_keyboard ?? []).flat().map((b) => b.text)];
    });
}

describe('the one sanitiser on every stored field', () => {
  let h: Harness;
  let head: TelegramUser; // BTC-01
  let an: TelegramUser; // BTC-03

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    const csv = (await readFile(SAMPLE_CSV, 'utf8'))
      .replace('Nguyễn Văn An,Chuyên viên', `${dirty('Nguyễn Văn An')},${dirty('Chuyên viên')}`)
      .replace('Ban Tổ chức Huyện ủy,HU,BTC-03', `${dirty('Ban Tổ chức Huyện ủy')},HU,BTC-03`);
    const r = await importOrganisation(h.app, { file: csv, now: h.timeSource.now(), source: 'dirty.csv' });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    h.app.invalidate();
    head = telegramUser(h, await h.link('BTC-01', 9101));
    // A display name as a client may send it.
    const invite = await issueInvite(h.app, { officialCode: 'BTC-03', now: h.timeSource.now() });
    expect(await h.post(command(user(9103, { firstName: dirty('An'), lastName: '\u202Enguyễn' }), '/start', invite.code))).toBe(200);
    an = telegramUser(h, 9103);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('the organisation file and the display name', async () => {
    const o = await h.db.db.official.findFirstOrThrow({ where: { code: 'BTC-03' }, include: { unit: true } });
    expect([o.fullName, o.title, o.unit.name]).toEqual(['Nguyễn Văn An', 'Chuyên viên', 'Ban Tổ chức Huyện ủy']);
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { externalUserId: '9103' } });
    expect(identity.displayName).toBe('An nguyễn');
  });

  it('nothing forbidden is stored in any text column, and nothing forbidden was sent; no step failed', async () => {
    // A task between them over the webhook: the head's notice carries BTC-03's name, title and unit from the file.
    await h.give('BTC-01', 'BTC-03', { title: 'Rà soát hồ sơ', deadline: at('2026-12-18T17:00:00') });
    await an.press('Nhận việc');
    expect(head.last()).toContain('đ/c Nguyễn Văn An, Chuyên viên đã nhận nhiệm vụ');
    expect(await forbiddenStored(h.db.db)).toEqual([]);
    const sent = everythingSent(h);
    expect(sent.filter((t) => FORBIDDEN.test(t))).toEqual([]);
    expect(sent.filter((t) => t.includes(INTERNAL_ERROR))).toEqual([]);
  });
});
