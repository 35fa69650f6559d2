// Vietnamese text compared the way people expect (PRODUCT.md §8): the same name typed on different keyboards
// (composed "ễ" or "e" + two combining marks) is the same name; search may also ignore case and diacritics.

/** Canonical composition: what we store and compare. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

// Zero-width characters and the BOM arrive from copy-paste and Excel; they are never meant.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACES = /\s+/gu;

/** NFC, invisible characters removed, runs of white space as one space, trimmed: names and titles as stored. */
export function cleanText(s: string): string {
  return nfc(s).replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * The search key: NFC, lower case, no diacritics ("đ" becomes "d", which Unicode does not decompose), one space
 * between words. "  Nguyễn  Văn A " → "nguyen van a".
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .trim()
    .normalize('NFC');
}

/** NFC and lower case, diacritics kept: the exact comparison ("Nguyễn Văn A" = "NGUYỄN VĂN A"). */
export function nfcLower(s: string): string {
  return cleanText(s).toLowerCase();
}
