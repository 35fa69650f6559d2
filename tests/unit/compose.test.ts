import { describe, expect, it } from 'vitest';
import { composeBatch, MAX_BUTTONS_PER_MESSAGE } from '../../src/app/delivery/compose.js';
import { CAPABILITIES } from '../../src/app/ports/channel.js';
import { withChoices } from '../../src/channels/zalo/output.js';
import type { OutboxPayload } from '../../src/db/repositories/outbox.repository.js';
import { Catalogue } from '../../src/i18n/catalogue.js';

const catalogue = Catalogue.load();

function reminder(i: number, textLength: number): OutboxPayload {
  const code = `NV-2026-${String(i).padStart(4, '0')}`;
  const head = `⏰ Nhắc: ${code} chưa được nhận việc\n`;
  return {
    locale: 'vi',
    itemCode: code,
    message: {
      text: head + 'Nội dung '.repeat(Math.max(0, Math.ceil((textLength - head.length) / 9))).slice(0, Math.max(0, textLength - head.length)),
      buttons: [
        [
          { label: 'Nhận việc', action: `ta:${i}` },
          { label: 'Xin gia hạn', action: `te:${i}` },
        ],
        [{ label: 'Từ chối / đề xuất chuyển', action: `td:${i}` }],
      ],
    },
  };
}

/** Sends the whole queue the way delivery does: compose, take what fitted, go on with the rest. */
function drain(payloads: OutboxPayload[], max = 4096) {
  const messages = [];
  let rest = payloads;
  while (rest.length > 0) {
    const c = composeBatch(catalogue, rest, { buttons: true, maxTextLength: max });
    messages.push(c);
    rest = rest.slice(c.count);
  }
  return messages;
}

describe('one message per person per wave', () => {
  it('lists each item with its own buttons, prefixed by the item code', () => {
    const c = composeBatch(catalogue, [reminder(1, 120), reminder(2, 120)], CAPABILITIES.TELEGRAM);
    expect(c.count).toBe(2);
    expect(c.message.text.split('\n\n')[0]).toBe('⏰ Nhắc việc: 2 nội dung cần đồng chí xử lý');
    expect(c.message.buttons!.flat().map((b) => b.label)).toEqual([
      'NV-2026-0001 · Nhận việc',
      'NV-2026-0001 · Xin gia hạn',
      'NV-2026-0001 · Từ chối / đề xuất chuyển',
      'NV-2026-0002 · Nhận việc',
      'NV-2026-0002 · Xin gia hạn',
      'NV-2026-0002 · Từ chối / đề xuất chuyển',
    ]);
    expect(c.message.buttons!.flat().map((b) => b.action)).toEqual(['ta:1', 'te:1', 'td:1', 'ta:2', 'te:2', 'td:2']);
  });

  it('sends a single item as it is', () => {
    const one = reminder(7, 200);
    expect(composeBatch(catalogue, [one], CAPABILITIES.TELEGRAM)).toEqual({ message: one.message, count: 1 });
  });

  it("keeps a long wave under Telegram's 4096 characters, cutting between items, every item once and in order", () => {
    const payloads = Array.from({ length: 60 }, (_, i) => reminder(i + 1, 290 + (i % 7) * 37));
    const messages = drain(payloads);
    expect(messages.length).toBeGreaterThan(4);
    for (const m of messages) expect(m.message.text.length).toBeLessThanOrEqual(4096);
    const listed = messages.flatMap((m) => [...m.message.text.matchAll(/NV-2026-\d{4}(?= chưa)/g)].map((x) => x[0]));
    expect(listed).toEqual(payloads.map((p) => p.itemCode));
    // Each message's title counts what it holds.
    for (const m of messages) if (m.count > 1) expect(m.message.text.startsWith(`⏰ Nhắc việc: ${m.count} nội dung`)).toBe(true);
  });

  it('keeps at most 100 buttons under one message', () => {
    const payloads = Array.from({ length: 50 }, (_, i) => reminder(i + 1, 40));
    const messages = drain(payloads);
    expect(messages.map((m) => m.count)).toEqual([33, 17]);
    for (const m of messages) expect(m.message.buttons!.flat().length).toBeLessThanOrEqual(MAX_BUTTONS_PER_MESSAGE);
  });

  it('an item too long for one message still goes, alone (the channel splits its text)', () => {
    const messages = drain([reminder(1, 100), reminder(2, 5000), reminder(3, 100)]);
    expect(messages.map((m) => m.count)).toEqual([1, 1, 1]);
  });
});

describe('a wave on a channel without buttons (Zalo Bot Platform)', () => {
  // The numbered lines as the Zalo adapter writes them, with the longest command it may print.
  const t = catalogue.translator('vi');
  const rendered = (part: { text: string; buttons?: { label: string }[][] }, from: number) => {
    const options = (part.buttons ?? [])
      .flat()
      .map((b, i) => t('numbered-option-command', { n: from + i, label: b.label, command: `/khonggiahan ${b.label.slice(0, 12)}` }));
    return options.length > 0 ? withChoices(part.text, [t('numbered-intro-commands'), ...options].join('\n')) : withChoices(part.text, '');
  };

  it('goes whole as parts of whole items, each within 2,000 characters with its own choices', () => {
    const payloads = Array.from({ length: 10 }, (_, i) => reminder(i + 1, 380 + (i % 4) * 60));
    const c = composeBatch(catalogue, payloads, CAPABILITIES.ZALO);
    expect(c.count).toBe(10);
    const parts = c.message.parts!;
    expect(parts.length).toBeGreaterThan(1);
    let from = 1;
    for (const part of parts) {
      const shown = rendered(part, from);
      expect(shown).toHaveLength(1);
      expect(shown[0]!.length).toBeLessThanOrEqual(2000);
      const codes = [...part.text.matchAll(/NV-2026-\d{4}(?= chưa)/g)].map((x) => x[0]);
      expect(new Set(part.buttons!.flat().map((b) => b.label.split(' · ')[0]))).toEqual(new Set(codes));
      from += part.buttons!.flat().length;
    }
    expect(parts.slice(1).every((p) => p.text.startsWith('⏰ Nhắc việc (tiếp theo, phần'))).toBe(true);
  });

  it('the adapter never cuts a list of choices: a text too long goes before it, split at line breaks', () => {
    const body = Array.from({ length: 40 }, (_, i) => `Dòng ${i + 1}: ${'nội dung '.repeat(8)}`).join('\n');
    const choices = ['Đồng chí trả lời bằng số:', '1 – Xem', '2 – Nhắc lại'].join('\n');
    const pieces = withChoices(body, choices);
    expect(pieces.length).toBeGreaterThan(1);
    for (const p of pieces) expect(p.length).toBeLessThanOrEqual(2000);
    expect(pieces.at(-1)!.endsWith(choices)).toBe(true);
    expect(pieces.filter((p) => p.includes('1 – Xem'))).toHaveLength(1);
    expect(pieces.join('\n').replace(`\n\n${choices}`, '')).toBe(body);
  });
});

describe('a wave on the Zalo OA (5 buttons a message)', () => {
  const twoActions = (i: number): OutboxPayload => {
    const p = reminder(i, 150);
    return { ...p, message: { ...p.message, buttons: [p.message.buttons![0]!] } };
  };

  it('keeps buttons when the wave’s actions fit in 5', () => {
    const c = composeBatch(catalogue, [twoActions(1), twoActions(2)], CAPABILITIES.ZALO_OA);
    expect(c.count).toBe(2);
    expect(c.message.parts).toBeUndefined();
    expect(c.message.buttons!.flat()).toHaveLength(4);
  });

  it('goes as numbered parts, every item in one of them, when they do not fit', () => {
    const c = composeBatch(
      catalogue,
      Array.from({ length: 12 }, (_, i) => reminder(i + 1, 400)),
      CAPABILITIES.ZALO_OA,
    );
    expect(c.count).toBe(12);
    expect(c.message.parts!.length).toBeGreaterThan(1);
    expect(c.message.parts!.flatMap((p) => p.buttons!.flat())).toHaveLength(36);
    for (const part of c.message.parts!) expect(part.text.length).toBeLessThan(CAPABILITIES.ZALO_OA.maxTextLength);
  });
});
