// The OA's free window, honestly (issue 11 §5), against the OA stand-in: the cap of 8 messages without a reply, each
// option outside the window (hold and merge into the next window, transaction message, the nudge that reopens it),
// the record `zalo-oa usage` reports with its cost, and the admins' budget warning once a month. The policy file's
// `zaloOa` section is changed between cases (the test edits the running app's policy, as a restart with another
// POLICY_FILE would).
// Member TCKH-03 (Đào Quang Vinh) is on the OA only. The notifications are plain ones (notify, as every use case
// queues them): a task would bring its reminders as the clock moves, and these cases count messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { notify } from '../../src/app/notify.js';
import { inTransaction } from '../../src/app/transaction.js';
import { zaloOaUsageCommand } from '../../src/cli/commands/zalo-oa-usage.js';
import type { CliContext } from '../../src/cli/context.js';
import { createConfig } from '../../src/config.js';
import type { ZaloOaPolicy } from '../../src/domain/policy/types.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { oaUser, type OaUser } from '../support/oa-user.js';
import { telegramUser } from '../support/telegram-user.js';

const HOUR = 3_600_000;
const TEMPLATE = 'tpl-nhac-viec';

describe('Zalo OA outside the free window: the cap, hold and merge, transaction, nudge, usage and budget', () => {
  let h: Harness;
  let member: OaUser;
  let memberId: number;
  const policy = (change: Partial<ZaloOaPolicy>) => Object.assign(h.app.policy.zaloOa, change);
  const held = () => h.db.db.outbox.findMany({ where: { channel: 'ZALO_OA', chatId: member.id, status: 'PENDING', lastError: { startsWith: 'held' } } });
  const plain = async (text: string) => {
    await inTransaction(h.app, (tx, effects) => notify(h.app, tx, effects, memberId, () => ({ text })));
    await h.idle();
  };

  async function usage(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: CliContext = {
      config: createConfig({ DATABASE_URL: h.db.url }),
      time: h.timeSource,
      catalogue: h.app.catalogue,
      openDatabase: async () => ({ url: h.db.url, db: h.db.db, embedded: false, close: async () => {} }),
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    };
    return { code: await zaloOaUsageCommand.run(ctx, args), out, err };
  }

  beforeAll(async () => {
    h = await createHarness({ zaloOa: { sendPolicy: { template: { id: TEMPLATE, field: 'content', maxLength: 400 } } } });
    h.oa!.approveTemplate(TEMPLATE);
    await h.importSample();
    memberId = await h.officialId('TCKH-03');
    member = oaUser(h, 'Đào Quang Vinh');
    await member.follow();
    await member.say((await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() })).code);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('takes the window values from the policy file: 48 h and 8 messages without a reply by default', async () => {
    expect(h.app.policy.zaloOa).toMatchObject({
      freeWindowMs: 48 * HOUR,
      unansweredCap: 8,
      deliveryWindowMs: 7 * 24 * HOUR,
      outsideWindow: 'other-channel',
      nudge: true,
    });
    expect(await h.oaRuntime!.sender.windowOf(member.id)).toMatchObject({ class: 'free', reason: 'within-free-window' });
  });

  it('counts the window from each message the person writes, however quick the dialog: nine within a minute stay free', async () => {
    for (let i = 0; i < 9; i++) {
      await h.advance(5_000);
      await member.command('viec');
    }
    // Each of our replies came after a message of theirs: Zalo counts one since the last, so the window is open.
    expect(await h.oaRuntime!.sender.windowOf(member.id)).toMatchObject({ class: 'free', reason: 'within-free-window' });
    expect(h.oa!.usage()).toMatchObject({ billed: 0 });
  });

  it('holds the message past 8 without a reply and sends what was held, merged into the next window, when the person writes', async () => {
    policy({ outsideWindow: 'hold' });
    // The reply to the invite code was the first of the 8; seven notifications fill the cap.
    for (let i = 1; i <= 7; i++) await plain(`Việc số ${i} trong khung`);
    expect(member.texts().join('\n')).toContain('Việc số 7 trong khung');
    expect(await h.oaRuntime!.sender.windowOf(member.id)).toMatchObject({ class: 'billed', reason: 'unanswered-cap-reached' });
    const before = member.texts().length;
    await plain('Việc số 8 phải chờ');
    await plain('Việc số 9 phải chờ');
    expect(member.since(before).join('\n')).not.toContain('phải chờ');
    expect(await held()).toHaveLength(2);
    // Zalo (the stand-in) would have billed a 9th message in a row: none was sent.
    expect(h.oa!.usage()).toMatchObject({ billed: 0, template: 0 });

    // Some minutes later the person writes.
    await h.advance(5 * 60_000);
    await member.command('viec');
    await h.idle();
    const after = member.since(before).join('\n');
    expect(after).toContain('Việc số 8 phải chờ');
    expect(after).toContain('Việc số 9 phải chờ');
    expect(await held()).toHaveLength(0);
  });

  it('adds the one-tap reply to a notification with nothing to press; pressing it reopens the window and releases what was held', async () => {
    await plain('Thông báo: họp giao ban lúc 14:00.');
    const sent = h.oa!.messagesTo(member.id).at(-1)!;
    expect(sent.text).toContain('họp giao ban');
    // The earlier ones carried it too (none had buttons); the tap works on the newest.
    expect(sent.buttons?.map((b) => b.title)).toEqual(['👍 Đã nhận']);

    await h.advance(49 * HOUR);
    const before = member.texts().length;
    await plain('Thông báo: nộp báo cáo tuần trước 16:00.');
    expect(member.since(before).join('\n')).not.toContain('nộp báo cáo tuần');
    expect(await held()).toHaveLength(1);

    await member.press('👍 Đã nhận');
    await h.idle();
    const after = member.since(before);
    expect(after).toContain('Đã ghi nhận. Cảm ơn đồng chí.');
    expect(after.join('\n')).toContain('nộp báo cáo tuần');
    expect(await h.oaRuntime!.sender.windowOf(member.id)).toMatchObject({ class: 'free' });
  });

  it('sends a paid transaction message (the approved template) outside the window when the policy says transaction', async () => {
    policy({ outsideWindow: 'transaction' });
    await h.advance(49 * HOUR);
    await plain('Kiểm kê tài sản cuối năm');
    const last = h.oa!.messagesTo(member.id).at(-1)!;
    expect(last).toMatchObject({ route: 'template', templateId: TEMPLATE, billing: 'paid' });
    expect(String(last.templateData?.content)).toContain('Kiểm kê tài sản cuối năm');
  });

  it('zalo-oa usage reports the month by unit, kind and window with the cost at the policy prices; refuses a bad month', async () => {
    const r = await usage('--month', '2026-12', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out[0]!) as {
      totals: { cs: { inside: number; outside: number }; transaction: number; held: number };
      estimate: { totalVnd: number };
    };
    expect(report.totals.transaction).toBe(1);
    expect(report.totals.held).toBe(3);
    expect(report.totals.cs.inside).toBeGreaterThanOrEqual(12);
    const { prices } = h.app.policy.zaloOa;
    expect(report.estimate.totalVnd).toBe(report.totals.transaction * prices.transactionVnd + report.totals.cs.outside * prices.billedCsVnd);
    const text = await usage('--month', '2026-12');
    expect(text.out.join('\n')).toContain('TCKH');
    expect(text.out.join('\n')).toContain('giao dịch / transaction');
    expect(text.out.at(-1)).toContain('Chi phí ước tính / estimated cost: 350 đ');
    expect((await usage('--month', '2026-13')).code).toBe(2);
    expect((await usage('--month', '2026-13')).err[0]).toContain('Tháng không hợp lệ');
  });

  it('warns the admins once a month when the estimate passes the budget share', async () => {
    const admin = telegramUser(h, 7501);
    const adminOfficial = await h.db.db.official.findFirstOrThrow({ where: { isAdmin: true, active: true }, orderBy: { id: 'asc' } });
    await h.link(adminOfficial.code, 7501);
    // 350 đ so far; the next transaction makes 700 đ, past 80% of 800 đ.
    policy({ monthlyBudgetVnd: 800, budgetWarningShare: 0.8 });
    await h.advance(49 * HOUR);
    const before = admin.texts().length;
    await plain('Quyết toán kinh phí hội nghị');
    await h.idle();
    const warnings = () => admin.since(before).filter((t) => t.includes('Chi phí ước tính của Zalo OA'));
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain('tháng 12/2026');
    await plain('Đối chiếu số dư tài khoản');
    await h.idle();
    expect(warnings()).toHaveLength(1);
  });
});
