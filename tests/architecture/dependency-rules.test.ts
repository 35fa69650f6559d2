// The dependency rules (.dependency-cruiser.cjs) hold: no violation beyond the known ones, and the known ones are
// exactly those that still occur, so the list only shrinks. After removing a violation, run
// `node scripts/known-violations.mjs` and commit the shorter list.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findViolations, KNOWN_VIOLATIONS_FILE } from './dependency-rules.js';

const known: string[] = JSON.parse(readFileSync(KNOWN_VIOLATIONS_FILE, 'utf8'));

describe('dependency rules', () => {
  // Cruising the whole project parses every file: seconds, more under load.
  test('no import breaks a rule, except the known violations, which all still occur', { timeout: 180_000 }, async () => {
    const found = await findViolations();
    const added = found.filter((v) => !known.includes(v));
    const gone = known.filter((v) => !found.includes(v));
    expect({ added, gone }, 'added: new violations to remove; gone: fixed, run node scripts/known-violations.mjs').toEqual({ added: [], gone: [] });
  });
});
