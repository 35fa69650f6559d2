// The Zalo Official Account as the third channel behind the same router, against the OA stand-in (signed webhooks,
// OAuth v4 with rotating refresh tokens, the window rule): the Bot Platform's main flows again, with real buttons.
// Phòng Tài chính – Kế hoạch: head TCKH-01 (Võ Thanh Sơn), deputy TCKH-02, member TCKH-03 (Đào Quang Vinh).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueInvite } from '../../src/app/linking/issue-invite.js';
import { assignTask } from '../../src/app/tasks/assign-task.js';
import { OfficialId } from '../../src/domain/ids.js';
import { waitUntil } from '../support/wait.js';
import { createZaloOaOAuth, ZaloOaAuthError } from '../../src/channels/zalo-oa/oauth.js';
import { createHarness, type Harness } from '../support/app-harness.js';
import { oaUser, type OaUser } from '../support/oa-user.js';
import { telegramUser } from '../support/telegram-user.js';

const HOUR = 3_600_000;

describe('Zalo OA: link after follow, tasks and consultations with buttons, signatures, token rotation', () => {
  let h: Harness;
  let head: OaUser;
  let member: OaUser;
  let deputy: OaUser;

  const link = async (u: OaUser, code: string) => {
    const invite = await issueInvite(h.app, { officialCode: code, now: h.timeSource.now() });
    await u.say(invite.code);
  };

  beforeAll(async () => {
    h = await createHarness({ zaloOa: true });
    await h.importSample();
    head = oaUser(h, 'Võ Thanh Sơn');
    member = oaUser(h, 'Đào Quang Vinh');
    deputy = oaUser(h, 'Huỳnh Thị Mai');
  });
  afterAll(async () => {
    if (process.env.ZALO_OA_TRANSCRIPT && h) {
      const { writeFileSync } = await import('node:fs');
      const chat = (who: string, u: OaUser) =>
        `===== ${who} =====\n${h
          .oa!.messagesTo(u.id)
          .map((m) => `${m.text ?? ''}${m.buttons ? `\n[${m.buttons.map((b) => b.title).join('] [')}]` : ''}`)
          .join('\n-----\n')}\n`;
      writeFileSync(
        process.env.ZALO_OA_TRANSCRIPT,
        chat('Trưởng phòng (TCKH-01)', head) + chat('Chuyên viên (TCKH-03)', member) + chat('Phó Trưởng phòng (TCKH-02)', deputy),
      );
    }
    await h?.close();
  });

  it('a forged or missing signature is refused with 401 and has no effect', async () => {
    await member.follow();
    const invite = await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() });
    const sentBefore = h.oa!.messages.length;
    const forged = await member.say(invite.code, { signature: 'forged' });
    const missing = await member.say(invite.code, { signature: 'missing' });
    expect([forged.status, missing.status]).toEqual([401, 401]);
    expect(await h.db.db.chatIdentity.count({ where: { channel: 'ZALO_OA' } })).toBe(0);
    expect(h.oa!.messages.length).toBe(sentBefore);
    // The same code, signed as Zalo signs, links.
    const good = await member.say(invite.code);
    expect(good.status).toBe(200);
    expect(member.last()).toContain('Đã liên kết tài khoản này với đồng chí Đào Quang Vinh');
  });

  it('a follower is asked for the invite code and links with it; identities are per (OA, user id)', async () => {
    await head.follow();
    expect(head.last()).toContain('chưa được liên kết');
    await link(head, 'TCKH-01');
    expect(head.last()).toContain('Võ Thanh Sơn');
    await deputy.follow();
    await link(deputy, 'TCKH-02');
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { channel: 'ZALO_OA', officialId: await h.officialId('TCKH-01') } });
    expect(identity.externalUserId).toBe(`${h.oa!.oaId}:${head.id}`);
    expect(identity.chatId).toBe(head.id);
  });

  it('a webhook Zalo delivers twice has one effect (deduped on msg_id)', async () => {
    const before = head.texts().length;
    const first = await head.say('/viec');
    await h.oa!.redeliver(first);
    await h.idle();
    expect(head.since(before)).toHaveLength(1);
  });

  it('assigns with buttons; the assignee accepts by pressing a button; /viec lists it', async () => {
    await head.command('giaoviec');
    expect(head.last()).toContain('bước 1/5');
    await head.say('dao quang vinh');
    await head.say('Tổng hợp dự toán ngân sách năm 2027');
    await head.say('Bảng dự toán theo mẫu của Sở Tài chính, trình UBND huyện');
    await head.say('11/12 16:00');
    expect(head.buttons()).toEqual(expect.arrayContaining(['Khẩn', 'Ưu tiên', 'Thường']));
    await head.press('Ưu tiên');
    await head.press('Giao việc');
    expect(head.last()).toMatch(/Đã giao nhiệm vụ NV-2026-0001 cho đ\/c Đào Quang Vinh/);

    expect(member.last()).toContain('📌 Nhiệm vụ mới NV-2026-0001');
    expect(member.buttons()).toEqual(['Nhận việc', 'Xin gia hạn', 'Từ chối / đề xuất chuyển']);
    // Buttons, so no numbered list under the text.
    expect(member.last()).not.toContain('Đồng chí trả lời bằng số');
    await member.press('Nhận việc');
    const task = await h.db.db.task.findFirstOrThrow({ where: { code: 'NV-2026-0001' } });
    expect(task.status).toBe('ACCEPTED');
    expect(head.texts().some((t) => t.includes('NV-2026-0001') && t.includes('đã nhận'))).toBe(true);
    await member.command('viec');
    expect(member.last()).toContain('NV-2026-0001');
  });

  it('answers a consultation with a stance by button', async () => {
    await head.command('xinykien');
    await head.say('dao quang vinh');
    await head.say('huynh thi mai');
    await head.press('Xong');
    await head.say('Phương án bố trí lại bộ phận một cửa');
    await head.say('Đề nghị cho ý kiến về phương án chuyển bộ phận một cửa sang tầng 1.');
    await head.press('Thường');
    await head.press(head.buttons()[0]!); // the default deadline
    await head.press('Bỏ qua');
    expect(head.buttons().length).toBeGreaterThan(0);
    await head.press(head.buttons()[0]!);
    expect(head.last()).toContain('YK-2026-0001');

    expect(member.last()).toContain('❓ Xin ý kiến YK-2026-0001');
    expect(member.buttons()).toEqual(['Đồng ý', 'Không đồng ý', 'Đồng ý có ý kiến bổ sung', 'Xin làm rõ']);
    await member.press('Đồng ý');
    await deputy.press('Không đồng ý');
    await deputy.say('Tầng 1 đang là kho lưu trữ.');
    const rows = await h.db.db.consultationRespondent.findMany({ where: { consultation: { code: 'YK-2026-0001' } }, orderBy: { officialId: 'asc' } });
    expect(rows.map((r) => r.stance).sort()).toEqual(['AGREE', 'DISAGREE']);
  });

  it('an access token expiring mid-run is refreshed once, nothing is lost, and the used refresh token is refused', async () => {
    const stored = await h.db.db.zaloOaToken.findFirstOrThrow({ where: { oaId: h.oa!.oaId } });
    const refreshesBefore = h.oa!.callsTo('access_token').length;
    const firstCredential = h.oa!.callsTo('message/cs').at(-1)!.credential!;
    // 25 h on: the access token has expired at Zalo (the stand-in's clock is the harness's).
    await h.advance(25 * HOUR + 60_000);
    const before = member.texts().length;
    await member.command('viec');
    expect(member.since(before).join('\n')).toContain('NV-2026-0001');
    const refreshes = h.oa!.callsTo('access_token').slice(refreshesBefore);
    expect(refreshes).toHaveLength(1);
    const usedRefreshToken = String(refreshes[0]!.params.refresh_token);
    expect(h.oa!.refreshTokenUsable(usedRefreshToken)).toBe(false);
    const oauth = createZaloOaOAuth({ appId: h.oa!.appId, secretKey: h.oa!.appSecretKey, oauthRoot: h.oa!.url });
    const again = await oauth.refresh(usedRefreshToken).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ZaloOaAuthError);
    expect((again as ZaloOaAuthError).needsReauthorization).toBe(true);
    // The new pair is stored (sealed: no token in clear in the row) and used.
    const row = await h.db.db.zaloOaToken.findFirstOrThrow({ where: { oaId: h.oa!.oaId } });
    expect(row.refreshSealed).not.toBe(stored.refreshSealed);
    expect(row.accessSealed.startsWith('zoa1.')).toBe(true);
    expect(h.oa!.callsTo('message/cs').at(-1)!.credential).not.toBe(firstCredential);
    expect(await h.db.db.outbox.count({ where: { channel: 'ZALO_OA', status: { not: 'SENT' } } })).toBe(0);
  });

  it('a token Zalo refuses before its time (-216) is refreshed once and the reply still arrives', async () => {
    const current = h.oa!.callsTo('message/cs').at(-1)!.credential!;
    h.oa!.revokeAccessToken(current);
    const refreshesBefore = h.oa!.callsTo('access_token').length;
    const before = member.texts().length;
    await member.command('viec');
    expect(member.since(before).join('\n')).toContain('NV-2026-0001');
    expect(h.oa!.callsTo('access_token').length - refreshesBefore).toBe(1);
    expect(
      h
        .oa!.callsTo('message/cs')
        .filter((c) => c.credential === current)
        .at(-1)!.outcome.error,
    ).toBe(-216);
  });
});

describe('Zalo OA: outside the window and after unfollow, notifications move to the other channel', () => {
  let h: Harness;

  beforeAll(async () => {
    // Short back-off, so a message held while the OA cannot send is tried again soon after re-authorisation.
    h = await createHarness({ zaloOa: true, workerOptions: { deliveryBackoffMs: 100 } });
    await h.importSample();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('inside the window a notification goes on the OA; 49 h after the last message it goes to Telegram; writing again brings it back', async () => {
    const member = oaUser(h, 'Đào Quang Vinh');
    await member.follow();
    const invite = await issueInvite(h.app, { officialCode: 'TCKH-03', now: h.timeSource.now() });
    await member.say(invite.code);
    const tg = telegramUser(h, 7301);
    await h.link('TCKH-03', 7301);
    const deadline = () => new Date(h.timeSource.now().getTime() + 5 * 24 * HOUR);

    await h.give('TCKH-01', 'TCKH-03', { title: 'Rà soát hồ sơ quyết toán', deadline: deadline() });
    expect(member.last()).toContain('Rà soát hồ sơ quyết toán');

    await h.advance(49 * HOUR);
    const oaBefore = member.texts().length;
    const tgBefore = tg.texts().length;
    await h.give('TCKH-01', 'TCKH-03', { title: 'Kiểm tra sổ sách kế toán', deadline: deadline() });
    expect(member.since(oaBefore).join('\n')).not.toContain('Kiểm tra sổ sách kế toán');
    const moved = tg.since(tgBefore).join('\n');
    expect(moved).toContain('Kiểm tra sổ sách kế toán');
    // Reminders of the first task met the closed window first (during the 49 h): the notice saying why came then.
    expect(tg.texts().join('\n')).toContain('không gửi được tin nhắn cho đồng chí qua Zalo OA');
    const oaIdentity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { channel: 'ZALO_OA' } });
    expect(oaIdentity.unreachableReason).toContain('outside the OA');
    expect(h.oa!.usage()).toMatchObject({ billed: 0, template: 0 });

    await member.say('/viec');
    await h.give('TCKH-01', 'TCKH-03', { title: 'Đối chiếu công nợ', deadline: deadline() });
    expect(member.last()).toContain('Đối chiếu công nợ');
  });

  it('unfollow marks the OA chat unreachable and notifications go to Telegram', async () => {
    const identity = await h.db.db.chatIdentity.findFirstOrThrow({ where: { channel: 'ZALO_OA' } });
    const member = { id: identity.chatId };
    await h.oa!.unfollow(member.id);
    await h.idle();
    const after = await h.db.db.chatIdentity.findUniqueOrThrow({ where: { id: identity.id } });
    expect(after.unreachableAt).not.toBeNull();
    const tg = telegramUser(h, 7301);
    const tgBefore = tg.texts().length;
    await h.give('TCKH-01', 'TCKH-03', { title: 'Lập báo cáo thu chi quý IV', deadline: new Date(h.timeSource.now().getTime() + 5 * 24 * HOUR) });
    expect(tg.since(tgBefore).join('\n')).toContain('Lập báo cáo thu chi quý IV');
  });

  it('a refused refresh alerts the admins on Telegram, keeps the message queued, and delivers it after re-authorisation', async () => {
    const admin = telegramUser(h, 7401);
    const adminOfficial = await h.db.db.official.findFirstOrThrow({ where: { isAdmin: true, active: true }, orderBy: { id: 'asc' } });
    await h.link(adminOfficial.code, 7401);
    const deputy = oaUser(h, 'Huỳnh Thị Mai');
    await deputy.follow();
    const invite = await issueInvite(h.app, { officialCode: 'TCKH-02', now: h.timeSource.now() });
    await deputy.say(invite.code);
    // Zalo revokes the access token and will refuse the refresh token: only the OA admin can mend it.
    h.oa!.revokeAccessToken(h.oa!.callsTo('message/cs').at(-1)!.credential!);
    h.oa!.failNext('access_token', { kind: 'error', code: -14014, message: 'Refresh token is invalid or has been used' });
    const adminBefore = admin.texts().length;
    await assignTask(h.app, OfficialId(await h.officialId('TCKH-01')), {
      assigneeId: OfficialId(await h.officialId('TCKH-02')),
      title: 'Chuẩn bị số liệu thu ngân sách',
      expectedResult: 'Báo cáo bằng văn bản',
      deadline: new Date(h.timeSource.now().getTime() + 5 * 24 * HOUR),
      priority: 'NORMAL',
    });
    await waitUntil(async () => (admin.since(adminBefore).some((t) => t.includes('zalo-oa authorize')) ? true : undefined), {
      message: 'the admin alert on Telegram',
    });
    expect(admin.since(adminBefore).join('\n')).toContain('Zalo OA của đơn vị đã ngừng gửi tin');
    expect(await h.oaRuntime!.tokens.health()).toMatchObject({ ok: false });
    expect(await h.db.db.outbox.count({ where: { channel: 'ZALO_OA', chatId: deputy.id, status: { in: ['PENDING', 'SENDING'] } } })).toBeGreaterThan(0);
    expect(deputy.texts().join('\n')).not.toContain('Chuẩn bị số liệu thu ngân sách');

    // The admin authorises again (the CLI's code exchange is tested in zalo-oa-token-store.test.ts).
    const issued = h.oa!.issueTokens();
    await h.oaRuntime!.tokens.save({
      accessToken: issued.accessToken,
      refreshToken: issued.refreshToken,
      accessExpiresAt: new Date(h.timeSource.now().getTime() + 25 * HOUR),
      refreshExpiresAt: null,
    });
    await h.idle();
    expect(deputy.texts().join('\n')).toContain('Chuẩn bị số liệu thu ngân sách');
    expect(await h.oaRuntime!.tokens.health()).toBe(true);
  });
});
