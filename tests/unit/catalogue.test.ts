import { describe, expect, it } from 'vitest';
import { Catalogue, dynamicKey } from '../../src/i18n/catalogue.js';

describe('message catalogue', () => {
  const catalogue = Catalogue.load();

  it('has the same keys in Vietnamese and English', () => {
    const vi = catalogue.keys('vi');
    const en = catalogue.keys('en');
    expect(vi.length).toBeGreaterThan(0);
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
  });

  it('formats with arguments and returns NFC text', () => {
    const text = catalogue.t('vi', 'error-text-too-long', { max: 4000 });
    expect(text).toContain('4.000'); // Vietnamese groups thousands with a dot
    expect(text).toBe(text.normalize('NFC'));
  });

  it('shows a missing key as the key, not as an exception', () => {
    expect(catalogue.t('en', dynamicKey('no-such-key'))).toBe('no-such-key');
  });
});
