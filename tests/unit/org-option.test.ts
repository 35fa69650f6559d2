import { describe, expect, it } from 'vitest';
import { takeOrgOption } from '../../src/cli/context.js';
import { createPrismaClient, isOrgId } from '../../src/db/client.js';

describe('--org, taken out of any command line', () => {
  it('takes --org <id> and --org=<id> wherever they stand, and leaves the rest in order', () => {
    expect(takeOrgOption(['FILE.csv', '--org', 'huyen-a', '--dry-run'])).toEqual({ orgId: 'huyen-a', rest: ['FILE.csv', '--dry-run'], missingValue: false });
    expect(takeOrgOption(['--org=huyen-b', 'add', '2027-02-20'])).toEqual({ orgId: 'huyen-b', rest: ['add', '2027-02-20'], missingValue: false });
    expect(takeOrgOption(['--by', 'PNV-01'])).toEqual({ orgId: undefined, rest: ['--by', 'PNV-01'], missingValue: false });
  });

  it('says when --org has no value, and leaves what follows "--" alone', () => {
    expect(takeOrgOption(['--org']).missingValue).toBe(true);
    expect(takeOrgOption(['--org', '--dry-run']).missingValue).toBe(true);
    expect(takeOrgOption(['--note', '--', '--org', 'x'])).toEqual({ orgId: undefined, rest: ['--note', '--', '--org', 'x'], missingValue: false });
  });

  it('accepts only ids that can go into a connection option, a URL path and a queue prefix', () => {
    for (const ok of ['default', 'huyen-a', 'so-noi-vu', 'q1']) expect(isOrgId(ok), ok).toBe(true);
    for (const bad of ['', 'a', 'Huyen', 'huyen_a', '-x', 'x y', 'a'.repeat(33), "x' -c role=postgres"]) expect(isOrgId(bad), bad).toBe(false);
    expect(() => createPrismaClient('postgresql://x@127.0.0.1:1/x', { orgId: 'x -c role=postgres' })).toThrow(/not an organisation id/);
  });
});
