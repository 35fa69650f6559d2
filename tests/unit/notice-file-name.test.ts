import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/app/notices/notice-document.js';

// The name a notice's document goes out under: ASCII, through the one diacritics stripper (domain/text/normalize.ts).
describe('safeFileName', () => {
  it('drops the diacritics, đ/Đ as d/D, and joins the words with hyphens', () => {
    expect(safeFileName('Công văn số 12/UBND – Đắk Lắk.PDF')).toBe('Cong-van-so-12-UBND-Dak-Lak.pdf');
  });

  it('keeps a name with nothing ASCII left as the default, and an unknown extension as bin', () => {
    expect(safeFileName('Ồ.docx')).toBe('O.docx');
    expect(safeFileName('“”.docx')).toBe('tai-lieu.docx');
    expect(safeFileName('quyết định')).toBe('quyet-dinh.bin');
  });
});
