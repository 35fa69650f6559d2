import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findIdentity } from '../../src/db/repositories/identity.repository.js';
import { canonicalInviteCode, generateInviteCode, INVITE_ALPHABET } from '../../src/app/linking/invite-code.js';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { redeemInvite, type RedeemInviteInput } from '../../src/app/linking/redeem-invite.js';
import { importOrganisation } from '../../src/app/org/import-organisation.js';
import { resolveBotUsername } from '../../src/cli/commands/invite.js';
import { runCli } from '../../src/cli/index.js';
import { createConfig } from '../../src/config.js';
import { verifyAudit } from '../../src/db/repositories/audit.repository.js';
import { DomainError } from '../../src/domain/errors.js';
import { HOUR_MS, wall } from '../../src/domain/time/duration.js';
import { Catalogue, dynamicKey } from '../../src/i18n/catalogue.js';
import { createTestDatabase, type TestDatabase, storesOn } from '../support/database.js';

const sample = readFileSync(new URL('../../samples/huyen-mau.csv', import.meta.url), 'utf8');
const now = new Date('2026-12-01T02:00:00Z');
const later = (ms: number) => new Date(now.getTime() + ms);
const TOKEN = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345';

function telegram(user: string, extra: Partial<RedeemInviteInput> = {}): Omit<RedeemInviteInput, 'code'> {
  return { channel: 'TELEGRAM', externalUserId: user, chatId: user, displayName: `tg ${user}`, now, ...extra };
}

describe('invite codes', () => {
  it('are 8 characters from an alphabet without 0, O, 1, I or L', () => {
    expect(INVITE_ALPHABET).not.toMatch(/[0O1IL]/);
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = generateInviteCode();
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it('are read back whatever the case, spacing or dash', () => {
    expect(canonicalInviteCode('  abcd-2345\n')).toBe('ABCD2345');
    expect(canonicalInviteCode('ＡＢＣＤ２３４５')).toBe('ABCD2345'); // full-width keyboard
    expect(canonicalInviteCode('ABCD234')).toBeNull();
    expect(canonicalInviteCode('ABCD2340')).toBeNull();
  });
});

describe('linking a chat account to an official', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const r = await importOrganisation(storesOn(t.db), { file: sample, now });
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await t.drop();
  });

  it('issues a code stored only as its hash, and redeems it once', async () => {
    const invite = await issueInvite(storesOn(t.db), { officialCode: 'btc-03', now });
    expect(invite.official).toMatchObject({ code: 'BTC-03', fullName: 'Nguyễn Văn An', unitName: 'Ban Tổ chức Huyện ủy' });
    expect(invite.expiresAt).toEqual(later(7 * 24 * HOUR_MS));
    const rows = await t.db.inviteCode.findMany({ where: { officialId: invite.official.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toBe(createHash('sha256').update(invite.code).digest('hex'));
    expect(JSON.stringify(await t.db.auditLog.findMany({ select: { data: true } }))).not.toContain(invite.code);

    const ok = await redeemInvite(storesOn(t.db), { code: `  ${invite.code.toLowerCase()} `, ...telegram('1001') });
    expect(ok).toMatchObject({ ok: true, alreadyLinked: false, official: { code: 'BTC-03', title: 'Chuyên viên', unitName: 'Ban Tổ chức Huyện ủy' } });

    const identity = await findIdentity(t.db, 'TELEGRAM', '1001');
    expect(identity).toMatchObject({ chatId: '1001', displayName: 'tg 1001', official: { code: 'BTC-03', unitName: 'Ban Tổ chức Huyện ủy', active: true } });
    expect(await t.db.inviteCode.findFirstOrThrow({ where: { officialId: invite.official.id } })).toMatchObject({
      usedAt: now,
      usedByIdentityId: identity!.id,
    });

    expect(await redeemInvite(storesOn(t.db), { code: invite.code, ...telegram('1001') })).toEqual({ ok: false, error: 'invite-used' });
    expect(await redeemInvite(storesOn(t.db), { code: invite.code, ...telegram('2002') })).toEqual({ ok: false, error: 'invite-used' });
    expect(await findIdentity(t.db, 'TELEGRAM', '2002')).toBeNull();
    expect(await t.db.auditLog.count({ where: { action: 'identity.linked' } })).toBe(1);
  });

  it('refuses an expired code, from the moment it expires', async () => {
    const invite = await issueInvite(storesOn(t.db), { officialCode: 'BTC-04', now, ttl: wall(HOUR_MS) });
    expect(await redeemInvite(storesOn(t.db), { code: invite.code, ...telegram('3003', { now: later(HOUR_MS) }) })).toEqual({
      ok: false,
      error: 'invite-expired',
    });
    expect(await redeemInvite(storesOn(t.db), { code: invite.code, ...telegram('3003', { now: later(HOUR_MS - 1) }) })).toMatchObject({ ok: true });
  });

  it('refuses an unknown code and what cannot be a code', async () => {
    for (const code of ['ABCD2345', 'hello', '', '/start']) {
      expect(await redeemInvite(storesOn(t.db), { code, ...telegram('4004') })).toEqual({ ok: false, error: 'invite-unknown' });
    }
  });

  it('revokes the earlier unused code when a new one is issued', async () => {
    const first = await issueInvite(storesOn(t.db), { officialCode: 'PNV-02', now });
    const second = await issueInvite(storesOn(t.db), { officialCode: 'PNV-02', now: later(1000) });
    expect(second.code).not.toBe(first.code);
    expect(await redeemInvite(storesOn(t.db), { code: first.code, ...telegram('5005', { now: later(2000) }) })).toEqual({ ok: false, error: 'invite-expired' });
    expect(await redeemInvite(storesOn(t.db), { code: second.code, ...telegram('5005', { now: later(2000) }) })).toMatchObject({ ok: true });
  });

  it('lets exactly one of two simultaneous redeems of a code win', async () => {
    for (let round = 0; round < 5; round++) {
      const invite = await issueInvite(storesOn(t.db), { officialCode: 'TNMT-03', now });
      const results = await Promise.all([
        redeemInvite(storesOn(t.db), { code: invite.code, ...telegram(`race-a-${round}`) }),
        redeemInvite(storesOn(t.db), { code: invite.code, ...telegram(`race-b-${round}`) }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'invite-used' }]);
      expect(await t.db.chatIdentity.count({ where: { officialId: invite.official.id } })).toBe(1);
    }
  });

  it('replaces the old account when an official relinks, and keeps one account per channel', async () => {
    const link = async (officialCode: string, who: Omit<RedeemInviteInput, 'code'>) => {
      const invite = await issueInvite(storesOn(t.db), { officialCode, now });
      return redeemInvite(storesOn(t.db), { code: invite.code, ...who });
    };
    expect(await link('UB-02', telegram('old-phone'))).toMatchObject({ ok: true, alreadyLinked: false });
    expect(await link('UB-02', { channel: 'ZALO', externalUserId: 'z-1', chatId: 'z-1', displayName: 'Hùng', now })).toMatchObject({ ok: true });

    // A new phone: the new Telegram account replaces the old one; Zalo stays.
    expect(await link('UB-02', telegram('new-phone'))).toMatchObject({ ok: true, alreadyLinked: false });
    expect(await findIdentity(t.db, 'TELEGRAM', 'old-phone')).toBeNull();
    expect((await findIdentity(t.db, 'TELEGRAM', 'new-phone'))?.official.code).toBe('UB-02');
    expect((await findIdentity(t.db, 'ZALO', 'z-1'))?.official.code).toBe('UB-02');

    // The same account again: still linked, a new chat id, reachable again.
    const before = (await findIdentity(t.db, 'TELEGRAM', 'new-phone'))!;
    await t.db.chatIdentity.update({ where: { id: before.id }, data: { unreachableAt: now, unreachableReason: 'blocked' } });
    await t.db.dialogState.create({ data: { identityId: before.id, flow: 'assign', step: 'title', data: {}, expiresAt: later(HOUR_MS) } });
    expect(await link('UB-02', telegram('new-phone', { chatId: 'chat-2' }))).toMatchObject({ ok: true, alreadyLinked: true });
    const again = (await findIdentity(t.db, 'TELEGRAM', 'new-phone'))!;
    expect(again).toMatchObject({ id: before.id, chatId: 'chat-2', unreachableAt: null });

    // An account handed to someone else: it leaves the first official, and the dialog it had goes with it.
    expect(await link('UB-03', telegram('new-phone'))).toMatchObject({ ok: true, official: { code: 'UB-03' } });
    expect((await findIdentity(t.db, 'TELEGRAM', 'new-phone'))?.official.code).toBe('UB-03');
    const ub2 = await t.db.official.findFirstOrThrow({ where: { code: 'UB-02' }, include: { identities: true } });
    expect(ub2.identities.map((i) => i.channel)).toEqual(['ZALO']);
    expect(await t.db.dialogState.count({ where: { identityId: before.id } })).toBe(0);
    expect(await verifyAudit(t.db)).toMatchObject({ brokenAt: null });
  });

  it('refuses to issue for an unknown or departed official, and voids codes of those who leave', async () => {
    await expect(issueInvite(storesOn(t.db), { officialCode: 'NO-SUCH', now })).rejects.toMatchObject({
      key: 'invite-official-unknown',
      args: { code: 'NO-SUCH' },
    });
    const invite = await issueInvite(storesOn(t.db), { officialCode: 'XPM-03', now });
    const withoutXpm03 = sample
      .split('\n')
      .filter((l) => !l.includes('XPM-03'))
      .join('\n');
    expect(await importOrganisation(storesOn(t.db), { file: withoutXpm03, now: later(1000) })).toMatchObject({
      ok: true,
      summary: { officialsDeactivated: 1 },
    });
    expect(await redeemInvite(storesOn(t.db), { code: invite.code, ...telegram('6006', { now: later(2000) }) })).toEqual({
      ok: false,
      error: 'invite-expired',
    });
    const err = await issueInvite(storesOn(t.db), { officialCode: 'XPM-03', now }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ key: 'invite-official-inactive' });
    await importOrganisation(storesOn(t.db), { file: sample, now: later(3000) });
  });

  it('has every linking answer in both languages', () => {
    const catalogue = Catalogue.load();
    const args = { name: 'Nguyễn Văn An', title: 'Chuyên viên', unit: 'Ban Tổ chức Huyện ủy', code: 'BTC-03' };
    for (const key of [
      'link-success',
      'link-already',
      'link-required',
      'invite-unknown',
      'invite-used',
      'invite-expired',
      'invite-official-unknown',
      'invite-official-inactive',
    ]) {
      for (const locale of ['vi', 'en'] as const) {
        expect(catalogue.has(locale, key), `${locale} ${key}`).toBe(true);
        expect(catalogue.t(locale, dynamicKey(key), args)).not.toMatch(/[{}]/);
      }
    }
    expect(catalogue.t('vi', 'link-success', args)).toContain('đồng chí Nguyễn Văn An, Chuyên viên, Ban Tổ chức Huyện ủy');
    expect(catalogue.t('vi', 'link-required')).toContain('/start');
  });

  describe('CLI: invite', () => {
    let server: Server;
    let apiRoot: string;
    const calls: string[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        calls.push(req.url ?? '');
        res.setHeader('content-type', 'application/json');
        if (req.url === `/bot${TOKEN}/getMe`)
          res.end(JSON.stringify({ ok: true, result: { id: 123456, is_bot: true, first_name: 'Đôn đốc', username: 'dondoc_test_bot' } }));
        else res.writeHead(404).end(JSON.stringify({ ok: false, error_code: 404, description: 'Not Found' }));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    const run = async (argv: string[], env: Record<string, string> = {}) => {
      const out: string[] = [];
      const err: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
      const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
      try {
        const code = await runCli(argv, { DATABASE_URL: t.url, LOG_LEVEL: 'silent', ...env });
        return { code, out, err };
      } finally {
        log.mockRestore();
        error.mockRestore();
      }
    };

    it('prints the official, the expiry, the link from the configured username, and the code last', async () => {
      const r = await run(['invite', 'pnv-03'], { TELEGRAM_BOT_USERNAME: '@dondoc_huyen_bot' });
      expect(r.err).toEqual([`database: postgresql ${new URL(t.url).host}/${t.name}`]);
      expect(r.code).toBe(0);
      const code = r.out.at(-1)!;
      expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
      expect(r.out[0]).toBe('Cán bộ / Official: Lê Văn Toàn (PNV-03), Chuyên viên');
      expect(r.out[1]).toBe('Đơn vị / Unit: Phòng Nội vụ');
      expect(r.out[2]).toMatch(/^Hết hạn \/ Expires: \d{2}:\d{2} \d{2}\/\d{2}\/\d{4} \(Asia\/Ho_Chi_Minh\)$/);
      expect(r.out).toContain(`Telegram: https://t.me/dondoc_huyen_bot?start=${code}`);
      expect(await redeemInvite(storesOn(t.db), { code, ...telegram('7007', { now: new Date() }) })).toMatchObject({ ok: true, official: { code: 'PNV-03' } });
    });

    it('asks Telegram for the username when only the token is set', async () => {
      const r = await run(['invite', 'PNV-01'], { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: apiRoot });
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Telegram: https://t.me/dondoc_test_bot?start=${r.out.at(-1)}`);
      expect(calls).toContain(`/bot${TOKEN}/getMe`);
    });

    it('prints a placeholder and a hint when the username cannot be known', async () => {
      await t.db.setting.deleteMany(); // the username recorded by the previous test's getMe
      const r = await run(['invite', 'PNV-01']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`Telegram: https://t.me/<bot>?start=${r.out.at(-1)}`);
      expect(r.out.join('\n')).toContain('TELEGRAM_BOT_USERNAME');

      const down = await resolveBotUsername(createConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: 'http://127.0.0.1:9' }), t.db);
      expect(down).toMatchObject({ username: null, reason: expect.stringContaining('getMe failed') });
      const wrong = await resolveBotUsername(createConfig({ TELEGRAM_BOT_TOKEN: TOKEN.replace('123456', '999999'), TELEGRAM_API_ROOT: apiRoot }), t.db);
      expect(wrong).toMatchObject({ username: null, reason: 'getMe answered 404: Not Found' });
    });

    it('explains an unknown official code and exits 1', async () => {
      const r = await run(['invite', 'PNV-99']);
      expect(r).toMatchObject({ code: 1, out: [], err: [expect.stringMatching(/^database: postgresql /), 'Không có cán bộ nào mang mã PNV-99.'] });
      expect((await run(['invite'])).code).toBe(2);
      expect((await run(['invite', 'PNV-01', '--days', '0'])).code).toBe(2);
    });
  });
});
