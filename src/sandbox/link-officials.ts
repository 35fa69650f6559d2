// Links officials on the built-in platforms the way a person does: the bot issues an invite code, and the official
// sends it from their chat (`/start CODE` on Telegram, the code alone on Zalo). The sandbox links everyone at its
// first start; tests link the people they need. The chat's ids are fixed per official, so a restart finds the same
// chats again.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '../db/client.js';
import { createStores } from '../db/stores.js';
import { issueInvite } from '../app/linking/issue-invite.js';
import { linkChatsDirectly, type DirectLink } from '../app/linking/redeem-invite.js';
import type { TimeSource } from '../domain/time/time-source.js';
import type { TelegramPlatform } from './platforms/telegram.js';
import type { ZaloBotPlatform } from './platforms/zalo-bot.js';

export interface SandboxIdentity {
  telegramUserId: number;
  zaloUserId: string;
  /** On the unit's OA: 19 digits, beyond 2^53 like Zalo's. */
  oaUserId: string;
}

/** The official's user ids on the built-in platforms: Telegram's a number, Zalo's 20 hex characters, both derived from the code. */
export function sandboxIdentity(officialCode: string): SandboxIdentity {
  const digest = createHash('sha256').update(`dondoc-sandbox:${officialCode.toUpperCase()}`).digest();
  // 40 bits above 6·10^9: shaped like today's Telegram ids, and far from any id a test picks by hand.
  return {
    telegramUserId: 6_000_000_000 + digest.readUIntBE(0, 5),
    zaloUserId: digest.subarray(8, 18).toString('hex'),
    oaUserId: `7${(digest.readBigUInt64BE(18) % 10n ** 18n).toString().padStart(18, '0')}`,
  };
}

export interface LinkDeps {
  db: PrismaClient;
  time: TimeSource;
  telegram: Pick<TelegramPlatform, 'setUser' | 'userSendsText' | 'chat'>;
  zalo: Pick<ZaloBotPlatform, 'setUser' | 'userSendsText' | 'chat'>;
  /** How long to wait for the bot's answer to one code (real time): a hang guard. Default 60 s (an answer took over 15 s at load 46). */
  answerTimeoutMs?: number;
  /** Chats linked at the same time. Default 8. */
  parallel?: number;
}

/**
 * Links each official on both platforms and waits for the bot's answer in each chat. Officials already linked on a
 * channel are skipped there. Returns the ids used.
 */
export async function linkOfficials(deps: LinkDeps, officialCodes: readonly string[]): Promise<Map<string, SandboxIdentity>> {
  const officials = await deps.db.official.findMany({
    where: { code: { in: [...officialCodes] }, active: true },
    select: { id: true, code: true, fullName: true, locale: true, identities: { select: { channel: true } } },
  });
  const timeout = deps.answerTimeoutMs ?? 60_000;
  const out = new Map<string, SandboxIdentity>();
  const queue = [...officials];
  const worker = async (): Promise<void> => {
    for (let o = queue.shift(); o; o = queue.shift()) {
      const ids = sandboxIdentity(o.code);
      out.set(o.code, ids);
      deps.telegram.setUser({ id: ids.telegramUserId, firstName: o.fullName, languageCode: o.locale });
      deps.zalo.setUser({ id: ids.zaloUserId, displayName: o.fullName });
      const linked = new Set(o.identities.map((i) => i.channel));
      if (!linked.has('TELEGRAM')) {
        const { code } = await issueInvite({ stores: createStores(deps.db) }, { officialCode: o.code, now: deps.time.now() });
        const seq = deps.telegram.chat.seq;
        const answered = deps.telegram.chat.waitFor(
          (e) => e.seq > seq && e.entry.direction === 'out' && e.entry.chatId === String(ids.telegramUserId),
          timeout,
          `the bot's answer to ${o.code}'s invite code on Telegram`,
        );
        deps.telegram.userSendsText(ids.telegramUserId, `/start ${code}`);
        await answered;
      }
      if (!linked.has('ZALO')) {
        const { code } = await issueInvite({ stores: createStores(deps.db) }, { officialCode: o.code, now: deps.time.now() });
        const seq = deps.zalo.chat.seq;
        const answered = deps.zalo.chat.waitFor(
          (e) => e.seq > seq && e.entry.direction === 'out' && e.entry.chatId === ids.zaloUserId,
          timeout,
          `the bot's answer to ${o.code}'s invite code on Zalo`,
        );
        await deps.zalo.userSendsText(ids.zaloUserId, code);
        await answered;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.parallel ?? 8) }, worker));
  // An answer is not always a link (a code refused): say which chats did not link, with what the bot said.
  const linked = await deps.db.chatIdentity.findMany({
    where: { official: { code: { in: [...out.keys()] } } },
    select: { channel: true, official: { select: { code: true } } },
  });
  const missing = [...out.entries()].flatMap(([code, ids]) =>
    (['TELEGRAM', 'ZALO'] as const)
      .filter((channel) => !linked.some((l) => l.channel === channel && l.official.code === code))
      .map((channel) => {
        const chat = channel === 'TELEGRAM' ? deps.telegram.chat.history(String(ids.telegramUserId)) : deps.zalo.chat.history(ids.zaloUserId);
        return `${code} on ${channel}: ${chat.at(-1)?.text ?? 'no answer'}`;
      }),
  );
  if (missing.length > 0) throw new Error(`could not link ${missing.length} chat(s):\n${missing.join('\n')}`);
  return out;
}

/**
 * The sandbox's first start: every official linked on both built-in platforms at once, straight in the database (one
 * transaction, audited like a link), with no chat exchange. Linking through codes (above) stays what tests and a
 * person do; this only spares the start a chat round trip per official and channel.
 */
export interface SandboxOaLink {
  oaId: string;
  /** Makes the person known to the OA: a follower who has written (their window open). */
  addUser(input: { userId: string; displayName: string; followed?: boolean }): unknown;
}

export async function linkEveryoneDirectly(
  deps: Pick<LinkDeps, 'db' | 'time' | 'telegram' | 'zalo'> & { oa?: SandboxOaLink },
  officialCodes: readonly string[],
): Promise<number> {
  const officials = await deps.db.official.findMany({
    where: { code: { in: [...officialCodes] }, active: true },
    select: { id: true, code: true, fullName: true, locale: true },
  });
  const links: DirectLink[] = [];
  for (const o of officials) {
    const ids = sandboxIdentity(o.code);
    deps.telegram.setUser({ id: ids.telegramUserId, firstName: o.fullName, languageCode: o.locale });
    deps.zalo.setUser({ id: ids.zaloUserId, displayName: o.fullName });
    links.push({
      officialId: o.id,
      channel: 'TELEGRAM',
      externalUserId: String(ids.telegramUserId),
      chatId: String(ids.telegramUserId),
      displayName: o.fullName,
    });
    links.push({ officialId: o.id, channel: 'ZALO', externalUserId: ids.zaloUserId, chatId: ids.zaloUserId, displayName: o.fullName });
    if (deps.oa) {
      // Linked last: notifications keep going to Telegram (the channel linked first) until the person picks /kenh oa.
      deps.oa.addUser({ userId: ids.oaUserId, displayName: o.fullName, followed: true });
      links.push({ officialId: o.id, channel: 'ZALO_OA', externalUserId: `${deps.oa.oaId}:${ids.oaUserId}`, chatId: ids.oaUserId, displayName: o.fullName });
    }
  }
  return linkChatsDirectly({ stores: createStores(deps.db) }, links, deps.time.now());
}
