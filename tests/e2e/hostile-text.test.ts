// Text is cut in user-perceived characters, never between the halves of an emoji (issues 9.7, 19.2), down to the
// Zalo platform's 2,000-unit parts, through the real webhook, workers and the Zalo stand-in. The other hostile-text
// cases (forged blocks, zero-width titles, bidi names, NUL, emoji limits) run in process: tests/app/hostile-text.test.ts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/app-harness.js';
import { telegramUser, type TelegramUser } from '../support/telegram-user.js';
import { zaloUser } from '../support/zalo-user.js';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every text the Telegram stand-in received, in every chat. */
function everythingSent(h: Harness): string[] {
  return h.tg.calls
    .filter((c) => c.outcome.ok && ['sendMessage', 'sendPhoto', 'sendDocument'].includes(c.method))
    .flatMap((c) => {
      const markup = c.params.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined;
      return [String(c.params.text ?? c.params.caption ?? ''), ...(markup?.inline_keyboard ?? []).flat().map((b) => b.text)];
    });
}

describe('hostile text from chat and from the organisation file', () => {
  let h: Harness;
  let anh: TelegramUser; // BTC-04 Lê Thị Ngọc Ánh

  beforeAll(async () => {
    h = await createHarness({ start: '2026-12-07T02:00:00Z' });
    await h.importSample();
    anh = telegramUser(h, await h.link('BTC-04', 9004));
  });
  afterAll(async () => {
    await h?.close();
  });

  afterEach(() => {
    for (const text of everythingSent(h)) expect(text).not.toMatch(LONE_SURROGATE);
  });

  it('a long question full of emoji reaches a Zalo respondent in parts of at most 2000 units, no emoji cut in half', async () => {
    const deputy = zaloUser(h, 'thang');
    await h.linkZalo('BTC-02', deputy.id);
    const question = `Phương án ${'🔥'.repeat(1390)} ${'👩🏽‍💻'.repeat(150)} hết.`;
    await anh.command('xinykien');
    await anh.say('BTC-02');
    await anh.press('Xong');
    await anh.say('Phương án hội nghị');
    await anh.say(question);
    await anh.press('Thường');
    await anh.press('Mặc định');
    await anh.press('Bỏ qua');
    await anh.press('Gửi xin ý kiến');
    const parts = h.zalo
      .callsTo('sendMessage')
      .filter((c) => c.outcome.ok)
      .map((c) => String(c.params.text));
    const shown = parts.join('');
    expect(shown).toContain('🔥'.repeat(1390));
    expect(shown).toContain('👩🏽‍💻'.repeat(150));
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(2000);
      expect(p).not.toMatch(LONE_SURROGATE);
    }
    const c = await h.db.db.consultation.findFirstOrThrow({ orderBy: { id: 'desc' } });
    await deputy.command('dongy', c.code);
    expect(deputy.last()).toContain(`Đã ghi nhận ý kiến "Đồng ý"`);
  });
});
