// `org create` and `--org` through the CLI (issue 18): a second organisation is created, the sample district imported
// into it with `org import --org`, and the two organisations' data stay apart whatever the codes.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCipher } from '../../src/channels/zalo-oa/token-crypto.js';
import { auditVerifyCommand } from '../../src/cli/commands/audit-verify.js';
import { orgCreateCommand } from '../../src/cli/commands/org-create.js';
import { orgImportCommand } from '../../src/cli/commands/org-import.js';
import { taskCreateCommand } from '../../src/cli/commands/task-create.js';
import type { CliContext } from '../../src/cli/context.js';
import { createConfig } from '../../src/config.js';
import { keyringFromEnvironment, ORG_TOKEN_KEYS } from '../../src/config/token-keyring.js';
import { createPrismaClient, type PrismaClient } from '../../src/db/client.js';
import { listOrganisations, listOrganisationsReadable } from '../../src/db/organisations.js';
import { ManualTime } from '../../src/domain/time/time-source.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { SAMPLE_CSV } from '../support/app-harness.js';
import { cliRunner } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const sample = new URL(SAMPLE_CSV).pathname;
const orgKey = randomBytes(32).toString('base64');

describe('CLI: org create, then org import --org', () => {
  let t: TestDatabase;
  let b: PrismaClient;
  beforeAll(async () => {
    t = await createTestDatabase();
    b = createPrismaClient(t.url, { poolSize: 2, orgId: 'huyen-b' });
  });
  afterAll(async () => {
    await b?.$disconnect();
    await t?.drop();
  });

  const cli = cliRunner(() => t);
  const withKey = cliRunner(() => t, { env: { ORG_TOKEN_KEY: orgKey } });

  it('creates an organisation; the same id again, a bad id or a token without ORG_TOKEN_KEY are refused', async () => {
    const ok = await cli(orgCreateCommand, 'huyen-b', '--name', 'Huyện B');
    expect(ok.code).toBe(0);
    expect(ok.out).toEqual(['huyen-b']);
    expect(ok.err.join('\n')).toContain('org import TỆP.csv --org huyen-b');

    const again = await cli(orgCreateCommand, 'huyen-b', '--name', 'Huyện B');
    expect(again.code).toBe(1);
    expect(again.err).toEqual(['Tổ chức huyen-b đã có.', 'Organisation huyen-b exists already.']);
    expect((await cli(orgCreateCommand, 'Huyen_B', '--name', 'x')).code).toBe(2);
    expect((await cli(orgCreateCommand, 'default', '--name', 'x')).code).toBe(1);

    const noKey = await cli(orgCreateCommand, 'huyen-c', '--name', 'Huyện C', '--telegram-token', '123:abc');
    expect(noKey.code).toBe(1);
    expect(noKey.err[1]).toContain('ORG_TOKEN_KEY is not set');
    expect(await t.owner.organisation.count({ where: { id: 'huyen-c' } })).toBe(0);
  });

  it('seals the bot tokens with ORG_TOKEN_KEY: stored sealed, listed opened', async () => {
    const made = await withKey(orgCreateCommand, 'huyen-c', '--name', 'Huyện C', '--telegram-token', '123:secret-token', '--zalo-token', 'zalo-secret');
    expect(made.code).toBe(0);
    const row = await t.owner.organisation.findUniqueOrThrow({ where: { id: 'huyen-c' } });
    expect(row.telegramToken).toMatch(/^zoa1\./);
    expect(row.telegramToken).not.toContain('secret-token');
    const cipher = createTokenCipher(keyringFromEnvironment({ ORG_TOKEN_KEY: orgKey }, ORG_TOKEN_KEYS));
    const listed = await listOrganisations(t.owner, cipher);
    expect(listed.map((o) => o.id)).toEqual(['default', 'huyen-b', 'huyen-c']);
    expect(listed[2]).toMatchObject({ telegramToken: '123:secret-token', zaloToken: 'zalo-secret' });
    await expect(listOrganisations(t.owner)).rejects.toThrow(/no-token-key/);
    // The running process's list: one row that does not open is listed with its problem, the others as they are.
    const otherKey = createTokenCipher(keyringFromEnvironment({ ORG_TOKEN_KEY: 'b'.repeat(64) }, ORG_TOKEN_KEYS));
    const readable = await listOrganisationsReadable(t.owner, otherKey);
    expect(readable.find((o) => o.id === 'huyen-c')).toEqual({ id: 'huyen-c', name: 'Huyện C', problem: 'token-does-not-open' });
    expect(readable.find((o) => o.id === 'default')).not.toHaveProperty('problem');
    expect((await listOrganisationsReadable(t.owner)).find((o) => o.id === 'huyen-c')).toMatchObject({ problem: 'no-token-key' });
  });

  it('imports the sample into each organisation: the same codes, two sets of rows', async () => {
    expect((await cli(orgImportCommand, sample)).code).toBe(0);
    const intoB = await cli(orgImportCommand, sample, '--org', 'huyen-b');
    expect(intoB.err).toEqual([]);
    expect(intoB.code).toBe(0);
    const inDefault = await t.db.official.count();
    expect(inDefault).toBeGreaterThan(10);
    expect(await b.official.count()).toBe(inDefault);
    expect(await t.owner.official.count()).toBe(2 * inDefault);
    expect(await t.owner.official.count({ where: { code: 'BTC-03' } })).toBe(2);
  });

  it('a task created with --org lands in that organisation only, and each chain verifies on its own', async () => {
    const made = await cli(
      taskCreateCommand,
      '--org',
      'huyen-b',
      '--by',
      'PNV-01',
      '--to',
      'PNV-03',
      '--title',
      'Rà soát biên chế',
      '--result',
      'Báo cáo',
      '--deadline',
      '18/12 16:00',
    );
    expect(made.err).toEqual([]);
    expect(made.out[0]).toMatch(/^NV-2026-0001\t/);
    expect(await b.task.count()).toBe(1);
    expect(await t.db.task.count()).toBe(0);
    const task = await b.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(task.orgId).toBe('huyen-b');
    // Its assignee is huyen-b's PNV-03, not the default organisation's.
    expect((await b.official.findUniqueOrThrow({ where: { id: task.assigneeId } })).orgId).toBe('huyen-b');

    const verifyB = await cli(auditVerifyCommand, '--org', 'huyen-b');
    const verifyDefault = await cli(auditVerifyCommand);
    expect([verifyB.code, verifyDefault.code]).toEqual([0, 0]);
    const rowsB = await b.auditLog.count();
    expect(verifyB.out[0]).toContain(`${rowsB} rows verified`);
    expect(verifyDefault.out[0]).toContain(`${await t.db.auditLog.count()} rows verified`);
    expect(rowsB).toBeGreaterThan(0);
  });

  it('an unknown --org stops any command with exit code 2 and says so in both languages', async () => {
    for (const run of [() => cli(auditVerifyCommand, '--org', 'huyen-x'), () => cli(orgImportCommand, sample, '--org=huyen-x')]) {
      const r = await run();
      expect(r.code).toBe(2);
      expect(r.err[0]).toContain('Không có tổ chức huyen-x');
      expect(r.err[1]).toContain('There is no organisation huyen-x');
    }
    expect((await cli(auditVerifyCommand, '--org', 'NOT VALID')).code).toBe(2);
    expect((await cli(auditVerifyCommand, '--org')).code).toBe(2);
  });

  it('refuses org create on the embedded database, with the reason in both languages', async () => {
    const err: string[] = [];
    const ctx: CliContext = {
      config: createConfig({}),
      time: new ManualTime('2026-12-07T02:00:00Z'),
      catalogue: Catalogue.load(),
      openDatabase: async () => ({ url: t.url, db: t.db, embedded: true, close: async () => {} }),
      out: () => {},
      err: (l) => err.push(l),
    };
    expect(await orgCreateCommand.run(ctx, ['huyen-d', '--name', 'Huyện D'])).toBe(1);
    expect(err[0]).toContain('cơ sở dữ liệu nhúng');
    expect(err[1]).toContain('embedded database');
    expect(await t.owner.organisation.count({ where: { id: 'huyen-d' } })).toBe(0);
  });
});
