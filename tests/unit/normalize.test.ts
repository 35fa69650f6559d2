import { describe, expect, it } from 'vitest';
import { asciiFilename, cleanText, fold, nfc, nfcLower, stripDiacritics } from '../../src/domain/text/normalize.js';

const composed = 'Nguyễn Văn A';
const decomposed = composed.normalize('NFD');

describe('text normalisation', () => {
  it('nfc makes composed and decomposed diacritics the same string', () => {
    expect(decomposed).not.toBe(composed);
    expect(nfc(decomposed)).toBe(composed);
  });

  it('fold drops case, diacritics and đ, and collapses white space', () => {
    expect(fold(composed)).toBe('nguyen van a');
    expect(fold(decomposed)).toBe('nguyen van a');
    expect(fold('  ĐẶNG   Văn\tĐức ')).toBe('dang van duc');
    expect(fold('Phòng Tài chính – Kế hoạch')).toBe('phong tai chinh – ke hoach');
    expect(fold('Trưởng')).toBe('truong');
    expect(fold('thành viên')).toBe('thanh vien');
  });

  it('fold ignores zero-width characters pasted with the text', () => {
    expect(fold('Ng\u200Buyễn\uFEFF')).toBe('nguyen');
  });

  it('cleanText keeps diacritics and case but tidies white space', () => {
    expect(cleanText(`  ${decomposed}  \u00A0 `)).toBe(composed);
    expect(cleanText('Phó  Chủ tịch\n UBND')).toBe('Phó Chủ tịch UBND');
  });

  it('nfcLower compares names regardless of case and keyboard', () => {
    expect(nfcLower('NGUYỄN VĂN A')).toBe(nfcLower(decomposed));
  });

  it('stripDiacritics keeps case; asciiFilename leaves only what an ASCII header may carry', () => {
    expect(stripDiacritics(`Đỗ ${decomposed}`)).toBe('Do Nguyen Van A');
    expect(asciiFilename('Báo cáo "quý" 4\\Đội 1 – 2026.xlsx')).toBe('Bao cao _quy_ 4_Doi 1 _ 2026.xlsx');
  });
});
