import { describe, expect, it } from 'vitest';
import { searchOfficials, type SearchableOfficial } from '../../src/domain/org/search.js';

const people: SearchableOfficial[] = [
  { code: 'BTC-03', fullName: 'Nguyễn Văn An', title: 'Chuyên viên' },
  { code: 'XTL-01', fullName: 'Nguyễn Văn Thành', title: 'Chủ tịch UBND xã' },
  { code: 'PNV-02', fullName: 'Nguyễn Hữu Nghĩa', title: 'Phó Trưởng phòng Nội vụ' },
  { code: 'UB-01', fullName: 'Lương Văn Khải', title: 'Chủ tịch UBND huyện' },
  { code: 'VPHU-03', fullName: 'Mai Thu Trang', title: 'Chuyên viên' },
  { code: 'X-09', fullName: 'Nguyễn Văn A', title: 'Chuyên viên' },
  { code: 'OLD-01', fullName: 'Nguyễn Văn Anh', title: 'Chuyên viên', active: false },
];
const codes = (list: SearchableOfficial[]) => list.map((o) => o.code);

describe('searchOfficials', () => {
  it('puts the exact full name first, then substrings, whatever the case', () => {
    expect(codes(searchOfficials('nguyễn văn a', people))).toEqual(['X-09', 'BTC-03']);
    expect(codes(searchOfficials('NGUYỄN VĂN AN', people))).toEqual(['BTC-03']);
  });

  it('finds a name typed with decomposed diacritics', () => {
    expect(codes(searchOfficials('Nguyễn Văn An'.normalize('NFD'), people))[0]).toBe('BTC-03');
    expect(codes(searchOfficials('Lương'.normalize('NFD'), people))).toEqual(['UB-01']);
  });

  it('falls back to the name without diacritics', () => {
    expect(codes(searchOfficials('nguyen van a', people))).toEqual(['X-09', 'BTC-03']);
    expect(codes(searchOfficials('luong van khai', people))).toEqual(['UB-01']);
    expect(codes(searchOfficials('nghia', people))).toEqual(['PNV-02']);
  });

  it('ranks accented substring matches above folded ones', () => {
    // "Văn" with its accent matches three names as written; "van" without it only through the fallback.
    const list = codes(searchOfficials('Văn', people));
    expect(list).toEqual(['UB-01', 'X-09', 'BTC-03', 'XTL-01']);
  });

  it('matches codes and titles, and every word typed as a word start', () => {
    expect(codes(searchOfficials('pnv-02', people))).toEqual(['PNV-02']);
    expect(codes(searchOfficials('chủ tịch', people))).toEqual(['UB-01', 'XTL-01']);
    expect(codes(searchOfficials('nguyen an', people))).toEqual(['BTC-03']);
  });

  it('skips inactive officials, honours the limit, and returns nothing for an empty query', () => {
    expect(codes(searchOfficials('Nguyễn Văn Anh', people))).toEqual([]);
    expect(searchOfficials('chuyên viên', people, 2)).toHaveLength(2);
    expect(searchOfficials('   ', people)).toEqual([]);
  });
});
