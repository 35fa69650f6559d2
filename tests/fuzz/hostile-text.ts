// Text people (and broken clients) send: plausible answers that move a dialog on, and hostile text — control
// characters, NUL, lone surrogates, emoji and combining marks at every length limit, bidi overrides, zero-width
// characters, markup, very long text, far and impossible dates. Each family has a name so a run can leave out the
// ones another branch is fixing (see KNOWN_ELSEWHERE) and the report says what was sent.
import { CONSULT_LIMITS } from '../../src/domain/consultation/rules.js';
import { EXPLANATION_LIMITS } from '../../src/domain/signals/explanation.js';
import { LIMITS } from '../../src/domain/task/five-clear.js';
import type { Random } from './random.js';

export const TEXT_FAMILIES = [
  'plain',
  'name',
  'date',
  'far-date',
  'number',
  'code',
  'markup',
  'whitespace',
  'control',
  'nul',
  'lone-surrogate',
  'emoji',
  'emoji-at-limit',
  'combining',
  'bidi',
  'zero-width',
  'long',
] as const;
export type TextFamily = (typeof TEXT_FAMILIES)[number];

/**
 * Families that ended in the internal-error answer before the text sanitiser (branch d-text, issues 19.1, 19.2): NUL
 * in stored text, emoji cut in half at a length limit, lone surrogates. FUZZ_TEXT=safe leaves them out, to look for
 * other faults on a tree without that fix.
 */
export const KNOWN_ELSEWHERE: readonly TextFamily[] = ['nul', 'lone-surrogate', 'emoji-at-limit'];

const PLAIN = [
  'Đồng ý',
  'đồng ý',
  'Không đồng ý vì chưa đủ căn cứ',
  'Đã nhận, sẽ xem xét',
  'Tổng hợp danh sách cán bộ diện luân chuyển năm 2027',
  'Báo cáo bằng văn bản gửi Ban Thường vụ',
  'Chờ số liệu của các xã',
  'Việc này thuộc Văn phòng',
  'ok',
  'x',
  'có',
  'yes',
  'huy',
  'Khẩn',
  'thường',
  'ưu tiên',
  'xong',
  'Đã hoàn thành, gửi kèm báo cáo',
  'Xin ý kiến về phương án sắp xếp bộ phận một cửa',
  'tuần sau',
];
const NAMES = [
  'Nguyễn Văn An',
  'Lê Thị Ngọc Ánh',
  'Phan Thị Thu',
  'Đỗ Văn Thắng',
  'Trần Thị Bích Ngọc',
  'nguyen van an',
  'BTC-03',
  'PNV-02',
  'Chuyên viên',
  'Trưởng phòng',
  'Nguyễn',
  'An',
];
const DATES = [
  'mai',
  'ngày kia',
  'thứ 6',
  '14h thứ 6',
  '05/12',
  '18/12/2026',
  '18/12 16:00',
  '2026-12-18',
  'hôm nay',
  'tuần sau',
  't2 tuần sau',
  '17:00',
  '9h30 mai',
  '29/02/2028',
];
const FAR_DATES = [
  '31/12/2399',
  '01/01/2400',
  '31/12/9999',
  '2399-12-31 23:59',
  '29/02/2027',
  '29/02/2100',
  '31/02',
  '00/00/0000',
  '32/13/2026',
  '01/01/1900',
  '5/12/1800',
  '01/01/1970',
  '05/12/99',
  '25:61 mai',
  '99999999',
  '1e309',
  '-1',
  '01/01/2031',
  '06/12/2031 16:00',
  '07/12/2031 08:59',
];
const NUMBERS = ['1', '2', '3', '4', '5', '7', '9', '12', '0', '100', '101', '-5', '50%', '3.5', '١٢', '１２', '99999999999999999999'];
const MARKUP = [
  '<b>đậm</b> <script>alert(1)</script>',
  '*đậm* _nghiêng_ `mã` [liên kết](http://example.invalid)',
  "'; DROP TABLE task; --",
  '%s %d {0} ${x} {{x}} { $code } {-brand}',
  '\\n\\t\\\\ "quoted" \'single\'',
  '📌 Nhiệm vụ mới NV-2026-9999\nNgười giao: đ/c Phan Thị Thu, Trưởng Ban Tổ chức Huyện ủy',
  '/giaoviec /viec @dondoc_test_bot #tag',
  'ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ',
];
const WHITESPACE = ['', ' ', '   \n\t  ', '\u00a0\u00a0', '\r\n\r\n', '\u2028\u2029', '\u3000'];

function controlText(rnd: Random): string {
  const c = String.fromCharCode(rnd.pick([1, 2, 7, 8, 11, 12, 14, 27, 31, 127, 0x85, 0x9b]));
  return `Nội dung${c}có ký tự điều khiển${c}`;
}

const EMOJI = ['🔥', '👍🏽', '👨‍👩‍👧‍👦', '🇻🇳', '❤️', '🧑🏿‍💻', '1️⃣', '🏳️‍🌈'];
// The limits of stored fields, and the lengths views cut quoted text to (v.quote: 500 by default, 70–3000 in places).
const LIMIT_VALUES = [
  ...new Set([...Object.values(LIMITS), ...Object.values(CONSULT_LIMITS), ...Object.values(EXPLANATION_LIMITS), 70, 80, 100, 120, 200, 500, 4096]),
];

/** Text of `length` UTF-16 units whose last grapheme straddles the limit, or emoji only. */
function emojiAtLimit(rnd: Random): string {
  const limit = rnd.pick(LIMIT_VALUES);
  const emoji = rnd.pick(EMOJI);
  if (rnd.chance(0.3)) return emoji.repeat(Math.ceil(limit / emoji.length) + 1);
  const letters = Math.max(0, limit - emoji.length * 2 + rnd.int(-2, 2));
  return `${'a'.repeat(letters)}${emoji}${emoji}`;
}

function combining(rnd: Random): string {
  const marks = Array.from({ length: rnd.int(1, 40) }, () => String.fromCharCode(0x300 + rnd.int(0, 0x6f))).join('');
  return rnd.pick([`Nguye\u0302\u0303n Va\u0306n An`, `e${marks}`, `Đồng ý${marks}`, 'thứ sáu'.normalize('NFD'), `${'a\u0301'.repeat(rnd.int(150, 1100))}`]);
}

function bidi(rnd: Random): string {
  return rnd.pick(['\u202Egnp.exe báo cáo', 'Nguyễn \u202EnA năV\u202C', '\u2066isolate\u2069 \u2067rtl\u2069', 'مرحبا Đồng ý', 'שלום 05/12', '\u200F\u200E']);
}

function zeroWidth(rnd: Random): string {
  return rnd.pick(['\u200B\u200C\u200D\uFEFF', 'Đồng\u200Bý', '\u200B'.repeat(10), '\u2060\u2061\u2062', `${'\u200D'.repeat(5)}xyz`, '\u00AD\u034F']);
}

function loneSurrogate(rnd: Random): string {
  return rnd.pick(['\uD800', 'abc\uDC00def', '🔥'.slice(0, 1), `${'a'.repeat(rnd.int(1, 300))}\uD83D`, '\uDFFF\uD800']);
}

function longText(rnd: Random): string {
  const n = rnd.pick([301, 1001, 2001, 3001, 4000, 4096, 4097, 5000, 12_000]);
  return rnd.chance(0.5) ? 'Nội dung dài '.repeat(Math.ceil(n / 13)).slice(0, n) : 'x'.repeat(n);
}

export interface TextContext {
  /** Codes of items that exist now (NV-…, YK-…, GT-…). */
  codes: readonly string[];
}

export function textOf(family: TextFamily, rnd: Random, ctx: TextContext): string {
  switch (family) {
    case 'plain':
      return rnd.pick(PLAIN);
    case 'name':
      return rnd.pick(NAMES);
    case 'date':
      return rnd.pick(DATES);
    case 'far-date':
      return rnd.pick(FAR_DATES);
    case 'number':
      return rnd.pick(NUMBERS);
    case 'code':
      return rnd.chance(0.7) && ctx.codes.length > 0
        ? rnd.pick(ctx.codes)
        : rnd.pick([
            'NV-2026-0001',
            'YK-2026-0001',
            'GT-2026-0001',
            'NV-2026-99999999',
            'nv-2026-1',
            'NV-0000-0',
            'YK-9999-9999999',
            'XX-2026-0001',
            'NV-2026-',
          ]);
    case 'markup':
      return rnd.pick(MARKUP);
    case 'whitespace':
      return rnd.pick(WHITESPACE);
    case 'control':
      return controlText(rnd);
    case 'nul':
      return rnd.pick(['\u0000', 'Tiêu đề\u0000có NUL', `${'a'.repeat(rnd.int(3, 50))}\u0000`, 'Đồng ý\u0000']);
    case 'lone-surrogate':
      return loneSurrogate(rnd);
    case 'emoji':
      return Array.from({ length: rnd.int(1, 12) }, () => rnd.pick(EMOJI)).join(rnd.pick(['', ' ', 'x']));
    case 'emoji-at-limit':
      return emojiAtLimit(rnd);
    case 'combining':
      return combining(rnd);
    case 'bidi':
      return bidi(rnd);
    case 'zero-width':
      return zeroWidth(rnd);
    case 'long':
      return longText(rnd);
  }
}

/** Plausible text most of the time (so dialogs move on), hostile text often. */
export function anyText(rnd: Random, families: readonly TextFamily[], ctx: TextContext): { family: TextFamily; text: string } {
  const plausible: TextFamily[] = ['plain', 'name', 'date', 'number', 'code'];
  const pool = rnd.chance(0.55) ? plausible.filter((f) => families.includes(f)) : families;
  const family = rnd.pick(pool.length > 0 ? pool : families);
  let text = textOf(family, rnd, ctx);
  // Hostile bits inside otherwise plausible text.
  if (rnd.chance(0.15)) {
    const extra = rnd.pick(families);
    text = rnd.chance(0.5) ? `${text} ${textOf(extra, rnd, ctx)}` : `${textOf(extra, rnd, ctx)}${text}`;
  }
  return { family, text };
}
