// `/start CODE`: a chat account becomes an official's (PRODUCT.md §2). One transaction, single use.
import type { PrismaClient, Tx } from '../../db/client.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { findOfficialById, type OfficialWithUnit } from '../../db/repositories/org.repository.js';
import { IdentityId, OfficialId } from '../../domain/ids.js';
import type { ChannelName } from '../../domain/org/types.js';
import { canonicalInviteCode, hashInviteCode } from './invite-code.js';

export interface RedeemInviteInput {
  /** As typed: trimmed and matched without regard to case. */
  code: string;
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string | null;
  now: Date;
}

export type RedeemInviteError = 'invite-unknown' | 'invite-used' | 'invite-expired';

export type RedeemInviteResult =
  | {
      ok: true;
      official: OfficialWithUnit;
      identityId: IdentityId;
      /** This account was already linked to this official (the bot may answer `link-already`). */
      alreadyLinked: boolean;
    }
  | { ok: false; error: RedeemInviteError };

interface ReplacedIdentity {
  identityId: number;
  officialId: number;
  externalUserId: string;
  chatId: string;
}

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';

/**
 * Marks the code used and links the account. An official has one account per channel, and an account belongs to one
 * official: linking again replaces whichever old link stood in the way (a new phone; a shared account handed over).
 * Of two redeems of one code at the same time exactly one wins; the other is told `invite-used`.
 */
export async function redeemInvite(db: PrismaClient, input: RedeemInviteInput): Promise<RedeemInviteResult> {
  const code = canonicalInviteCode(input.code);
  if (code === null) return { ok: false, error: 'invite-unknown' };
  // Two different codes of one official redeemed at the same instant may collide on the identity's unique keys;
  // the loser's transaction rolled back whole, so running it again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((tx) => redeemIn(tx, hashInviteCode(code), input), { timeout: 20_000, maxWait: 10_000 });
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

async function redeemIn(tx: Tx, codeHash: string, input: RedeemInviteInput): Promise<RedeemInviteResult> {
  const invite = await tx.inviteCode.findUnique({ where: { codeHash } });
  if (!invite) return { ok: false, error: 'invite-unknown' };
  if (invite.usedAt !== null) return { ok: false, error: 'invite-used' };
  if (invite.expiresAt.getTime() <= input.now.getTime()) return { ok: false, error: 'invite-expired' };
  const official = await findOfficialById(tx, OfficialId(invite.officialId));
  // Left the organisation after the code was issued: the code is no longer good.
  if (!official?.active) return { ok: false, error: 'invite-expired' };

  // The claim: the row lock makes a concurrent redeem wait here, then find usedAt set and update nothing.
  const claimed = await tx.inviteCode.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: input.now } });
  if (claimed.count === 0) return { ok: false, error: 'invite-used' };

  const { channel, externalUserId, chatId, displayName, now } = input;
  const byAccount = await tx.chatIdentity.findUnique({ where: { channel_externalUserId: { channel, externalUserId } } });
  let identityId: number;
  let alreadyLinked = false;
  const replaced: ReplacedIdentity[] = [];
  if (byAccount && byAccount.officialId === official.id) {
    alreadyLinked = true;
    identityId = byAccount.id;
    await tx.chatIdentity.update({
      where: { id: byAccount.id },
      data: { chatId, displayName, unreachableAt: null, unreachableReason: null, lastInboundAt: now },
    });
  } else {
    const byOfficial = await tx.chatIdentity.findUnique({ where: { officialId_channel: { officialId: official.id, channel } } });
    for (const old of [byOfficial, byAccount]) {
      if (old) replaced.push({ identityId: old.id, officialId: old.officialId, externalUserId: old.externalUserId, chatId: old.chatId });
    }
    if (replaced.length > 0) {
      const ids = replaced.map((r) => r.identityId);
      // A half-finished dialog or numbered prompt belonged to the old link; it must not carry over.
      await tx.dialogState.deleteMany({ where: { identityId: { in: ids } } });
      await tx.chatPrompt.deleteMany({ where: { identityId: { in: ids } } });
      await tx.chatIdentity.deleteMany({ where: { id: { in: ids } } });
    }
    const created = await tx.chatIdentity.create({
      data: { officialId: official.id, channel, externalUserId, chatId, displayName, linkedAt: now, lastInboundAt: now },
    });
    identityId = created.id;
  }
  await tx.inviteCode.update({ where: { id: invite.id }, data: { usedByIdentityId: identityId } });
  await appendAudit(tx, {
    at: now,
    actorId: official.id,
    action: 'identity.linked',
    entity: 'official',
    entityId: official.id,
    data: { inviteId: invite.id, identityId, channel, externalUserId, chatId, displayName, alreadyLinked, replaced },
  });
  return { ok: true, official, identityId: IdentityId(identityId), alreadyLinked };
}

export interface DirectLink {
  officialId: number;
  channel: ChannelName;
  externalUserId: string;
  chatId: string;
  displayName: string | null;
}

/**
 * Links chats without invite codes, in one transaction, each recorded in the audit chain as a link is: for the
 * sandbox's first start, whose built-in platforms and officials are all its own (linking 47 officials through codes,
 * one chat answer each, took minutes of the start). A chat or official already linked on the channel is left as is.
 */
export async function linkChatsDirectly(db: PrismaClient, links: readonly DirectLink[], now: Date): Promise<number> {
  if (links.length === 0) return 0;
  // Set-based, a handful of statements whatever the count: one statement per link (three with its audit row) made
  // the first start's transaction pass its 60 s limit at load 42, with 47 officials on two platforms.
  return db.$transaction(
    async (tx) => {
      const existing = await tx.chatIdentity.findMany({
        where: {
          OR: [
            { channel: { in: [...new Set(links.map((l) => l.channel))] }, externalUserId: { in: links.map((l) => l.externalUserId) } },
            { channel: { in: [...new Set(links.map((l) => l.channel))] }, officialId: { in: links.map((l) => l.officialId) } },
          ],
        },
        select: { channel: true, externalUserId: true, officialId: true },
      });
      const takenUser = new Set(existing.map((e) => `${e.channel}:${e.externalUserId}`));
      const takenOfficial = new Set(existing.map((e) => `${e.channel}:${e.officialId}`));
      const fresh: DirectLink[] = [];
      for (const l of links) {
        // Within the batch as well: the first link of a chat or of an official on a channel wins, as one by one did.
        if (takenUser.has(`${l.channel}:${l.externalUserId}`) || takenOfficial.has(`${l.channel}:${l.officialId}`)) continue;
        takenUser.add(`${l.channel}:${l.externalUserId}`);
        takenOfficial.add(`${l.channel}:${l.officialId}`);
        fresh.push(l);
      }
      if (fresh.length === 0) return 0;
      const created = await tx.chatIdentity.createManyAndReturn({
        data: fresh.map((l) => ({ ...l, linkedAt: now })),
        select: { id: true, channel: true, externalUserId: true },
      });
      const idOf = new Map(created.map((c) => [`${c.channel}:${c.externalUserId}`, c.id]));
      await appendAudit(
        tx,
        fresh.map((l) => ({
          at: now,
          actorId: l.officialId,
          action: 'identity.linked',
          entity: 'official',
          entityId: l.officialId,
          data: {
            identityId: idOf.get(`${l.channel}:${l.externalUserId}`),
            channel: l.channel,
            externalUserId: l.externalUserId,
            chatId: l.chatId,
            displayName: l.displayName,
            direct: true,
          },
        })),
      );
      return fresh.length;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
