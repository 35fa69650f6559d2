// `invite OFFICIAL`: a new one-time code for an official to link a chat account (PRODUCT.md §2).
import type { PrismaClient } from '../../db/client.js';
import { appendAudit } from '../../db/repositories/audit.repository.js';
import { findOfficialByCode, type OfficialWithUnit } from '../../db/repositories/org.repository.js';
import { DomainError } from '../../domain/errors.js';
import type { OfficialId } from '../../domain/ids.js';
import type { Duration } from '../../domain/time/duration.js';
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

const isUniqueViolation = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'P2002';

/**
 * Issues a code and revokes the official's earlier unused ones by expiring them now (not by marking them used: a
 * person holding an old code is told "expired, ask for a new one", which is true). Throws DomainError
 * `invite-official-unknown` / `invite-official-inactive`.
 */
export async function issueInvite(db: PrismaClient, input: IssueInviteInput): Promise<IssuedInvite> {
  const official = await findOfficialByCode(db, input.officialCode);
  if (!official) throw new DomainError('invite-official-unknown', { code: input.officialCode.trim() });
  if (!official.active) throw new DomainError('invite-official-inactive', { code: official.code });
  const expiresAt = new Date(input.now.getTime() + (input.ttl ?? DEFAULT_INVITE_TTL).ms);

  // Two codes colliding is a one-in-a-billion event; a fresh code in a fresh transaction settles it.
  for (let attempt = 1; ; attempt++) {
    const code = generateInviteCode();
    try {
      await db.$transaction(async (tx) => {
        const revoked = await tx.inviteCode.updateMany({
          where: { officialId: official.id, usedAt: null, expiresAt: { gt: input.now } },
          data: { expiresAt: input.now },
        });
        const invite = await tx.inviteCode.create({ data: { officialId: official.id, codeHash: hashInviteCode(code), expiresAt, createdAt: input.now } });
        await appendAudit(tx, {
          at: input.now,
          actorId: input.actorId ?? null,
          action: 'invite.issued',
          entity: 'official',
          entityId: official.id,
          data: { inviteId: invite.id, expiresAt: expiresAt.toISOString(), revokedEarlier: revoked.count },
        });
      });
      return { code, expiresAt, official };
    } catch (e) {
      if (!isUniqueViolation(e) || attempt >= 3) throw e;
    }
  }
}
