// Comparing a secret a client sent (webhook secret header, metrics bearer token) with ours without leaking, through
// the time it takes, how much of it was right.
import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant time whatever the lengths: both sides are hashed to 32 bytes first. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return given !== undefined && given !== '' && timingSafeEqual(digest(given), digest(expected));
}
