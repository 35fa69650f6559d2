import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Catalogue, localesDir, TYPED_SUFFIX } from '../../src/i18n/catalogue.js';
import { LOCALES } from '../../src/domain/locale.js';

// Words for the platform (issue 13, point 4): on a channel without buttons (Zalo Bot Platform) no text the bot sends
// may tell the person to press a button. Every message of the catalogue, as a Zalo chat gets it (its "-typed" variant
// where there is one), is checked; the sandbox's own page texts describe both platforms and are left out.
const PRESS = /\bbấm\b|\bnhấn\b|\bpress(es|ed)?\b|\btap\b/i;
/** A bare "this button is no longer valid" answers a button press, which cannot happen without buttons. */
const BUTTON_ONLY = new Set(['error-malformed-action']);

/** Each message's source text: its first line and the indented lines after it. */
function sources(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(localesDir, locale)).filter((f) => f.endsWith('.ftl'))) {
    let key: string | undefined;
    for (const line of readFileSync(path.join(localesDir, locale, file), 'utf8').split('\n')) {
      const m = /^([a-z][\w-]*) =(.*)$/.exec(line);
      if (m) {
        key = m[1]!;
        out.set(key, m[2]!);
      } else if (key && /^\s+\S/.test(line)) out.set(key, `${out.get(key)}\n${line}`);
      else key = undefined;
    }
  }
  return out;
}

describe('texts on a channel without buttons', () => {
  const catalogue = Catalogue.load();
  for (const locale of LOCALES) {
    it(`${locale}: no text sent on Zalo tells the person to press a button`, () => {
      const src = sources(locale);
      const offending = [...src.keys()]
        .filter((k) => !k.startsWith('sandbox-') && !k.endsWith(TYPED_SUFFIX) && !BUTTON_ONLY.has(k))
        .map((k) => (src.has(`${k}${TYPED_SUFFIX}`) ? `${k}${TYPED_SUFFIX}` : k))
        .filter((k) => PRESS.test(src.get(k)!));
      expect(offending).toEqual([]);
    });
  }

  it('a Zalo translator picks the typed variant, a Telegram one the original', () => {
    const key = 'consult-who-added';
    const zalo = catalogue.translator('vi', { buttons: false })(key, { names: 'đ/c A' });
    const telegram = catalogue.translator('vi', { buttons: true })(key, { names: 'đ/c A' });
    expect(telegram).toMatch(/bấm "Xong"/);
    expect(zalo).not.toMatch(PRESS);
    expect(zalo).toContain('"Xong"');
  });

  it('every typed variant has its original, in both languages', () => {
    for (const locale of LOCALES) {
      for (const k of catalogue.keys(locale).filter((x) => x.endsWith(TYPED_SUFFIX)))
        expect(catalogue.has(locale, k.slice(0, -TYPED_SUFFIX.length))).toBe(true);
    }
    expect(catalogue.keys('vi').filter((k) => k.endsWith(TYPED_SUFFIX))).toEqual(catalogue.keys('en').filter((k) => k.endsWith(TYPED_SUFFIX)));
  });
});
