// `invite OFFICIAL`: a new one-time code for an official to link a chat account (PRODUCT.md §2).
import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import type { Duration } from '../../domain/time/duration.js';
import type { AppContext } from '../context.js';
import type { OfficialWithUnit } from '../ports/stores/org.js';
import { DEFAULT_INVITE_TTL, generateInviteCode, hashInviteCode } from './invite-code.js';

export interface IssueInviteInput {
  officialCode: string;
  now: Date;
  /** Counted as wall time: a code issued on Friday is still good on Monday. Default 7 days. */
  ttl?: Duration;
  /** The admin who issued it, when known. */
  actorId?: OfficialId | null;
}

export interface IssuedInvite {
  /** Shown once; only its hash is stored. */
  code: string;
  expiresAt: Date;
  official: OfficialWithUnit;
}

/**
 * Issues a code and revokes the official's earlier unused ones by expiring them now (not by marking them used: a
 * person holding an old code is told "expired, ask for a new one", which is true). Throws DomainError
 * `invite-official-unknown` / `invite-official-inactive`.
 */
export async function issueInvite(app: Pick<AppContext, 'stores'>, input: IssueInviteInput): Promise<IssuedInvite> {
  const { stores } = app;
  const official = await stores.org.officialByCode(input.officialCode);
  if (!official) throw new DomainError('invite-official-unknown', { code: input.officialCode.trim() });
  if (!official.active) throw new DomainError('invite-official-inactive', { code: official.code });
  const expiresAt = new Date(input.now.getTime() + (input.ttl ?? DEFAULT_INVITE_TTL).ms);

  // Two codes colliding is a one-in-a-billion event; a fresh code in a fresh transaction settles it.
  for (let attempt = 1; ; attempt++) {
    const code = generateInviteCode();
    try {
      await stores.transaction(
        async (tx) => {
          const { inviteId, revoked } = await stores.invites.replaceCodes(tx, {
            officialId: official.id,
            codeHash: hashInviteCode(code),
            expiresAt,
            now: input.now,
          });
          await stores.audit.append(tx, {
            at: input.now,
            actorId: input.actorId ?? null,
            action: 'invite.issued',
            entity: 'official',
            entityId: official.id,
            data: { inviteId, expiresAt: expiresAt.toISOString(), revokedEarlier: revoked },
          });
        },
        // Prisma's defaults, which this transaction ran with when it called the client itself.
        { timeoutMs: 5_000, maxWaitMs: 2_000 },
      );
      return { code, expiresAt, official };
    } catch (e) {
      if (!stores.isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}
