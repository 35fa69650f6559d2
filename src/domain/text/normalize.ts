// Vietnamese text compared the way people expect (PRODUCT.md §8): the same name typed on different keyboards
// (composed "ễ" or "e" + two combining marks) is the same name; search may also ignore case and diacritics.
import { sanitizeLine } from './sanitize.js';

/** Canonical composition: what we store and compare. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/**
 * A one-line field as stored (names, titles, codes, cells of the organisation file): the one sanitiser
 * (src/domain/text/sanitize.ts: no controls, bidi overrides or invisible characters, NFC), runs of white space as
 * one space, trimmed.
 */
export function cleanText(s: string): string {
  return sanitizeLine(s);
}

/**
 * The search key: NFC, lower case, no diacritics ("đ" becomes "d", which Unicode does not decompose), one space
 * between words. "  Nguyễn  Văn A " → "nguyen van a".
 */
export function fold(s: string): string {
  return stripDiacritics(sanitizeLine(s)).toLowerCase().replace(/\s+/gu, ' ').trim().normalize('NFC');
}

/** "Nguyễn Đức" → "Nguyen Duc": no combining marks, đ/Đ as d/D (Unicode does not decompose them); case kept. */
export function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** A file name for a header that takes ASCII only (`filename=` of Content-Disposition): "Báo cáo.xlsx" → "Bao cao.xlsx". */
export function asciiFilename(filename: string): string {
  return stripDiacritics(filename).replace(/[^\x20-\x7e]|["\\]/g, '_');
}

/** NFC and lower case, diacritics kept: the exact comparison ("Nguyễn Văn A" = "NGUYỄN VĂN A"). */
export function nfcLower(s: string): string {
  return cleanText(s).toLowerCase();
}
