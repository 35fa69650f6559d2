// Invite codes (PRODUCT.md §2): random, short enough to type from a phone, stored only as a hash.
import { createHash, randomInt } from 'node:crypto';
import { DAY_MS, wall, type WallDuration } from '../../domain/time/duration.js';

/** No 0/O, 1/I/L: letters people misread on paper or in a small chat font. 31 symbols. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 31^8 ≈ 8.5·10^11 codes: guessing one of a handful of live codes within their week is hopeless. */
export const INVITE_LENGTH = 8;

/** Until the policy loader lands: a code is valid 7 calendar days (PRODUCT.md §2). */
export const DEFAULT_INVITE_TTL: WallDuration = wall(7 * DAY_MS);

export function generateInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_LENGTH; i++) code += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return code;
}

/**
 * The code as issued, from what a person typed: trimmed, any case, spaces and dashes ignored ("abcd-2345 "), full-width
 * letters from some keyboards folded. Null when it cannot be a code at all.
 */
export function canonicalInviteCode(typed: string): string | null {
  const code = typed.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== INVITE_LENGTH) return null;
  for (const ch of code) if (!INVITE_ALPHABET.includes(ch)) return null;
  return code;
}

/** What the database keeps: the SHA-256 of the canonical code, hex. */
export function hashInviteCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}
