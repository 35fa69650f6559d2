// The application's InviteStore: one-time invite codes, the guesses at them, and the chat accounts they link.
import type { InviteStore, NewAccountLink } from '../../app/ports/stores/invites.js';
import type { PrismaClient } from '../client.js';
import { prismaTx } from '../store-tx.js';

const ACCOUNT = { id: true, officialId: true, externalUserId: true, chatId: true } as const;

export function inviteStore(db: PrismaClient): InviteStore {
  return {
    async replaceCodes(tx, { officialId, codeHash, expiresAt, now }) {
      const t = prismaTx(tx);
      const revoked = await t.inviteCode.updateMany({ where: { officialId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
      const invite = await t.inviteCode.create({ data: { officialId, codeHash, expiresAt, createdAt: now }, select: { id: true } });
      return { inviteId: invite.id, revoked: revoked.count };
    },
    byHash: async (tx, codeHash) =>
      (await prismaTx(tx).inviteCode.findUnique({ where: { codeHash }, select: { id: true, officialId: true, usedAt: true, expiresAt: true } })) ?? undefined,
    async claim(tx, inviteId, at) {
      const claimed = await prismaTx(tx).inviteCode.updateMany({ where: { id: inviteId, usedAt: null }, data: { usedAt: at } });
      return claimed.count > 0;
    },
    async setUsedBy(tx, inviteId, identityId) {
      await prismaTx(tx).inviteCode.update({ where: { id: inviteId }, data: { usedByIdentityId: identityId } });
    },
    accountByUser: async (tx, channel, externalUserId) =>
      (await prismaTx(tx).chatIdentity.findFirst({ where: { channel, externalUserId }, select: ACCOUNT })) ?? undefined,
    accountOfOfficial: async (tx, officialId, channel) =>
      (await prismaTx(tx).chatIdentity.findUnique({ where: { officialId_channel: { officialId, channel } }, select: ACCOUNT })) ?? undefined,
    async refreshAccount(tx, identityId, { chatId, displayName, at }) {
      await prismaTx(tx).chatIdentity.update({
        where: { id: identityId },
        data: { chatId, displayName, unreachableAt: null, unreachableReason: null, lastInboundAt: at },
      });
    },
    async removeAccounts(tx, identityIds) {
      const t = prismaTx(tx);
      const ids = [...identityIds];
      await t.dialogState.deleteMany({ where: { identityId: { in: ids } } });
      await t.chatPrompt.deleteMany({ where: { identityId: { in: ids } } });
      await t.chatIdentity.deleteMany({ where: { id: { in: ids } } });
    },
    async createAccount(tx, link, at) {
      return (await prismaTx(tx).chatIdentity.create({ data: { ...link, linkedAt: at, lastInboundAt: at }, select: { id: true } })).id;
    },
    async linkFree(tx, links, at) {
      if (links.length === 0) return [];
      const t = prismaTx(tx);
      const channels = [...new Set(links.map((l) => l.channel))];
      // Set-based, a handful of statements whatever the count: one statement per link (three with its audit row) made
      // the sandbox's first start pass its 60 s limit at load 42, with 47 officials on two platforms.
      const existing = await t.chatIdentity.findMany({
        where: {
          OR: [
            { channel: { in: channels }, externalUserId: { in: links.map((l) => l.externalUserId) } },
            { channel: { in: channels }, officialId: { in: links.map((l) => l.officialId) } },
          ],
        },
        select: { channel: true, externalUserId: true, officialId: true },
      });
      const takenUser = new Set(existing.map((e) => `${e.channel}:${e.externalUserId}`));
      const takenOfficial = new Set(existing.map((e) => `${e.channel}:${e.officialId}`));
      const fresh: NewAccountLink[] = [];
      for (const l of links) {
        // Within the batch as well: the first link of a chat or of an official on a channel wins, as one by one did.
        if (takenUser.has(`${l.channel}:${l.externalUserId}`) || takenOfficial.has(`${l.channel}:${l.officialId}`)) continue;
        takenUser.add(`${l.channel}:${l.externalUserId}`);
        takenOfficial.add(`${l.channel}:${l.officialId}`);
        fresh.push(l);
      }
      if (fresh.length === 0) return [];
      const created = await t.chatIdentity.createManyAndReturn({
        data: fresh.map((l) => ({ ...l, linkedAt: at })),
        select: { id: true, channel: true, externalUserId: true },
      });
      const idOf = new Map(created.map((c) => [`${c.channel}:${c.externalUserId}`, c.id]));
      return fresh.map((l) => ({ ...l, identityId: idOf.get(`${l.channel}:${l.externalUserId}`)! }));
    },
    async pruneAttempts(before) {
      await db.inviteAttempt.deleteMany({ where: { at: { lte: before } } });
    },
    addAttempt: async (chat, at) => (await db.inviteAttempt.create({ data: { channel: chat.channel, chatId: chat.chatId, at }, select: { id: true } })).id,
    oldestAttempts: (chat, since, limit) =>
      db.inviteAttempt.findMany({
        where: { channel: chat.channel, chatId: chat.chatId, at: { gt: since } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        take: limit,
        select: { id: true, at: true },
      }),
    async dropAttempt(id) {
      await db.inviteAttempt.deleteMany({ where: { id } });
    },
  };
}
