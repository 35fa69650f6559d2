// `/start CODE`: a chat account becomes an official's (PRODUCT.md §2). One transaction, single use.
import { IdentityId, OfficialId } from '../../domain/ids.js';
import type { ChannelName } from '../../domain/org/types.js';
import type { AppContext } from '../context.js';
import type { StoreTx } from '../ports/stores.js';
import type { NewAccountLink } from '../ports/stores/invites.js';
import type { OfficialWithUnit } from '../ports/stores/org.js';
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

type Stores = Pick<AppContext, 'stores'>;

/**
 * Marks the code used and links the account. An official has one account per channel, and an account belongs to one
 * official: linking again replaces whichever old link stood in the way (a new phone; a shared account handed over).
 * Of two redeems of one code at the same time exactly one wins; the other is told `invite-used`.
 */
export async function redeemInvite(app: Stores, input: RedeemInviteInput): Promise<RedeemInviteResult> {
  const code = canonicalInviteCode(input.code);
  if (code === null) return { ok: false, error: 'invite-unknown' };
  // Two different codes of one official redeemed at the same instant may collide on the identity's unique keys;
  // the loser's transaction rolled back whole, so running it again is safe.
  for (let attempt = 1; ; attempt++) {
    try {
      return await app.stores.transaction((tx) => redeemIn(app, tx, hashInviteCode(code), input), { timeoutMs: 20_000, maxWaitMs: 10_000 });
    } catch (e) {
      if (!app.stores.isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}

async function redeemIn({ stores }: Stores, tx: StoreTx, codeHash: string, input: RedeemInviteInput): Promise<RedeemInviteResult> {
  const invite = await stores.invites.byHash(tx, codeHash);
  if (!invite) return { ok: false, error: 'invite-unknown' };
  if (invite.usedAt !== null) return { ok: false, error: 'invite-used' };
  if (invite.expiresAt.getTime() <= input.now.getTime()) return { ok: false, error: 'invite-expired' };
  const official = await stores.org.officialById(OfficialId(invite.officialId), tx);
  // Left the organisation after the code was issued: the code is no longer good.
  if (!official?.active) return { ok: false, error: 'invite-expired' };

  // The claim: the row lock makes a concurrent redeem wait here, then find usedAt set and update nothing.
  if (!(await stores.invites.claim(tx, invite.id, input.now))) return { ok: false, error: 'invite-used' };

  const { channel, externalUserId, chatId, displayName, now } = input;
  const byAccount = await stores.invites.accountByUser(tx, channel, externalUserId);
  let identityId: number;
  let alreadyLinked = false;
  const replaced: ReplacedIdentity[] = [];
  if (byAccount && byAccount.officialId === official.id) {
    alreadyLinked = true;
    identityId = byAccount.id;
    await stores.invites.refreshAccount(tx, byAccount.id, { chatId, displayName, at: now });
  } else {
    const byOfficial = await stores.invites.accountOfOfficial(tx, official.id, channel);
    for (const old of [byOfficial, byAccount]) {
      if (old) replaced.push({ identityId: old.id, officialId: old.officialId, externalUserId: old.externalUserId, chatId: old.chatId });
    }
    // A half-finished dialog or numbered prompt belonged to the old link; it must not carry over.
    if (replaced.length > 0)
      await stores.invites.removeAccounts(
        tx,
        replaced.map((r) => r.identityId),
      );
    identityId = await stores.invites.createAccount(tx, { officialId: official.id, channel, externalUserId, chatId, displayName }, now);
  }
  await stores.invites.setUsedBy(tx, invite.id, identityId);
  await stores.audit.append(tx, {
    at: now,
    actorId: official.id,
    action: 'identity.linked',
    entity: 'official',
    entityId: official.id,
    data: { inviteId: invite.id, identityId, channel, externalUserId, chatId, displayName, alreadyLinked, replaced },
  });
  return { ok: true, official, identityId: IdentityId(identityId), alreadyLinked };
}

export type DirectLink = NewAccountLink;

/**
 * Links chats without invite codes, in one transaction, each recorded in the audit chain as a link is: for the
 * sandbox's first start, whose built-in platforms and officials are all its own (linking 47 officials through codes,
 * one chat answer each, took minutes of the start). A chat or official already linked on the channel is left as is.
 */
export async function linkChatsDirectly({ stores }: Stores, links: readonly DirectLink[], now: Date): Promise<number> {
  if (links.length === 0) return 0;
  return stores.transaction(
    async (tx) => {
      const fresh = await stores.invites.linkFree(tx, links, now);
      if (fresh.length === 0) return 0;
      await stores.audit.append(
        tx,
        fresh.map((l) => ({
          at: now,
          actorId: l.officialId,
          action: 'identity.linked',
          entity: 'official',
          entityId: l.officialId,
          data: { identityId: l.identityId, channel: l.channel, externalUserId: l.externalUserId, chatId: l.chatId, displayName: l.displayName, direct: true },
        })),
      );
      return fresh.length;
    },
    { timeoutMs: 60_000, maxWaitMs: 30_000 },
  );
}
