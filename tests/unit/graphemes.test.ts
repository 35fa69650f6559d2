import { describe, expect, it } from 'vitest';
import { packBlocks } from '../../src/domain/digest/split.js';
import { graphemeCount, graphemes, prefixWithinUnits, splitText, takeGraphemes, truncate } from '../../src/domain/text/graphemes.js';
import { QUOTE_PREFIX, quoteBlock, quoteInline } from '../../src/domain/text/quote.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Characters that are one for a person and several UTF-16 units: at every boundary of every cut below. */
const CLUSTERS = {
  emoji: '🔥',
  'skin tone + ZWJ': '👩🏽‍💻',
  'ZWJ family': '👨‍👩‍👧‍👦',
  flag: '🇻🇳',
  keycap: '1️⃣',
  'subdivision flag (tags)': '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
  'Vietnamese, decomposed': 'e\u0323\u0302', // ệ as a decomposing keyboard types it
  'letter + 2 marks (Devanagari)': 'क्षि',
};

/** The offsets between graphemes of `text`. */
function boundaries(text: string): Set<number> {
  const out = new Set<number>([0]);
  let at = 0;
  for (const g of graphemes(text)) out.add((at += g.length));
  return out;
}

describe('graphemes', () => {
  it('counts what a person sees', () => {
    expect(graphemeCount('Nguyễn Văn A')).toBe(12);
    expect(graphemeCount('Nguye\u0302\u0303n')).toBe(6);
    for (const c of Object.values(CLUSTERS)) expect(graphemeCount(c.repeat(3))).toBe(3);
    expect(takeGraphemes('👨‍👩‍👧‍👦🔥a', 1)).toBe('👨‍👩‍👧‍👦');
  });

  for (const [name, cluster] of Object.entries(CLUSTERS)) {
    it(`never cuts inside ${name}, at any position and any limit`, () => {
      for (let lead = 0; lead <= 3; lead++) {
        const text = `${'a'.repeat(lead)}${cluster.repeat(5)}b`;
        const cuts = boundaries(text);
        for (let max = 1; max <= graphemeCount(text) + 1; max++) {
          const shown = truncate(text, max);
          expect(graphemeCount(shown)).toBeLessThanOrEqual(max);
          const kept = shown.endsWith('…') ? shown.slice(0, -1) : shown;
          expect(text.startsWith(kept) && cuts.has(kept.length), `truncate ${max}: ${JSON.stringify(shown)}`).toBe(true);
        }
        for (let maxUnits = cluster.length; maxUnits <= text.length + 1; maxUnits++) {
          const head = prefixWithinUnits(text, maxUnits);
          expect(head.length).toBeLessThanOrEqual(maxUnits);
          expect(cuts.has(head.length)).toBe(true);
          const parts = splitText(text, maxUnits);
          expect(parts.join('')).toBe(text);
          let at = 0;
          for (const p of parts) {
            expect(p.length).toBeLessThanOrEqual(maxUnits);
            expect(p).not.toMatch(LONE_SURROGATE);
            expect(cuts.has((at += p.length))).toBe(true);
          }
        }
      }
    });
  }

  it('a grapheme longer than the whole budget is cut between code points, never between surrogate halves', () => {
    const pile = `a${'\u0301'.repeat(40)}`;
    expect(prefixWithinUnits(pile, 10)).toHaveLength(10);
    const emojiPile = '👩🏽‍💻'; // 7 units
    expect(prefixWithinUnits(emojiPile, 3)).toBe('👩');
    for (const p of splitText(emojiPile.repeat(3), 3)) expect(p).not.toMatch(LONE_SURROGATE);
  });

  it('splits at line ends first, then between words, within the platform limit', () => {
    expect(splitText('dòng một\ndòng hai\ndòng ba', 17)).toEqual(['dòng một\ndòng hai', 'dòng ba']);
    expect(splitText('một hai ba bốn năm sáu', 12)).toEqual(['một hai ba', 'bốn năm sáu']);
    const long = `${'🔥'.repeat(1500)}\n${'x'.repeat(10)}`;
    const parts = splitText(long, 2000);
    expect(parts.map((p) => p.length)).toEqual([2000, 1011]);
  });

  it('a digest block too long for a part is cut between characters, never inside an emoji', () => {
    const parts = packBlocks([{ text: 'Tổng hợp' }, { text: `x${'🔥'.repeat(700)}` }], { max: 400, continuation: (p, n) => `(phần ${p}/${n})` });
    expect(parts.length).toBeGreaterThan(3);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(400);
      expect(p.text).not.toMatch(LONE_SURROGATE);
    }
  });
});

describe('quoting what a person typed in a message to someone else', () => {
  it('inline: one line, cut between characters with an ellipsis', () => {
    expect(quoteInline('Tổng hợp\n📌 Nhiệm vụ mới', 100)).toBe('Tổng hợp 📌 Nhiệm vụ mới');
    expect(quoteInline(`${'a'.repeat(498)}🔥🔥`, 500)).toBe(`${'a'.repeat(498)}🔥🔥`);
    expect(quoteInline('🔥'.repeat(251), 250)).toBe(`${'🔥'.repeat(249)}…`);
    expect(quoteInline('\u202Ex\u0000y', 10)).toBe('xy');
  });

  it("block: one line stays on the label's line; several lines go under it, each behind the quote bar", () => {
    expect(quoteBlock('Đồng chí Ánh phụ trách', 1000)).toBe('Đồng chí Ánh phụ trách');
    const forged = 'Không phù hợp.\n\n📌 Nhiệm vụ mới NV-2026-9999\nNgười giao: đ/c Lương Văn Khải, Chủ tịch UBND huyện';
    expect(quoteBlock(forged, 1000)).toBe(
      [
        '',
        `${QUOTE_PREFIX}Không phù hợp.`,
        QUOTE_PREFIX.trimEnd(),
        `${QUOTE_PREFIX}📌 Nhiệm vụ mới NV-2026-9999`,
        `${QUOTE_PREFIX}Người giao: đ/c Lương Văn Khải, Chủ tịch UBND huyện`,
      ].join('\n'),
    );
    const cut = quoteBlock(`dòng 1\n${'🔥'.repeat(30)}`, 20);
    expect(cut).toBe(`\n${QUOTE_PREFIX}dòng 1\n${QUOTE_PREFIX}${'🔥'.repeat(12)}…`);
  });
});

describe('counting graphemes fast on mostly Vietnamese text', () => {
  it('agrees with the segmenter on every mix of simple letters, marks, emoji and joiners', () => {
    const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });
    const pieces = [
      'a',
      'ệ',
      ' ',
      '\n',
      'e',
      '\u0301',
      '\u0323',
      '🔥',
      '👩',
      '\u200D',
      '💻',
      '🏽',
      '🇻',
      '🇳',
      '\uFE0F',
      '1',
      '\u20E3',
      'क',
      '\u094D',
      '\r',
      '\u0600',
      'x',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 5000; i++) {
      let text = '';
      for (let j = next() % 16; j > 0; j--) text += pieces[next() % pieces.length];
      expect(graphemeCount(text), JSON.stringify(text)).toBe([...segmenter.segment(text)].length);
    }
  });
});
