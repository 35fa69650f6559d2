// The OA's tokens in PostgreSQL (table zalo_oa_token, reached through the OaTokenRows port), sealed with
// ZALO_OA_TOKEN_KEY (token-crypto.ts), behind the client's AccessTokenProvider. Zalo's refresh token works once and
// each refresh returns a new pair, so:
// - one process refreshes at a time: a transaction-scoped advisory lock per OA (OaTokenRows.underLock); a process
//   that waited for it finds the pair already new and uses it without calling Zalo;
// - the new pair replaces the old in that same transaction, committed before the new access token is used;
// - the access token is refreshed ahead of its expiry (an hour by default), and again at once when Zalo refuses it.
// A refresh Zalo refuses for good (the refresh token dead) is recorded on the row: the log and /healthz then say
// it, with the steps to authorise again (REAUTHORIZE_STEPS); messages wait in the outbox meanwhile.
// Known gap: if Zalo rotated the pair and our commit then failed, the new refresh token is lost: authorise again.
import type { Logger } from 'pino';
import type { OaTokenRows } from '../../app/ports/oa-token-rows.js';
import type { HealthResult } from '../../http/server.js';
import { ZaloOaAuthError, type OaTokenPair, type ZaloOaOAuth } from './oauth.js';
import type { AccessTokenProvider } from './client.js';
import type { TokenCipher } from './token-crypto.js';

export const REAUTHORIZE_STEPS =
  'Authorise the app again as the OA admin: run `npm run cli -- zalo-oa authorize`, open the URL it prints, approve, ' +
  'then run `npm run cli -- zalo-oa authorize --code=<code>` with the `code` from the address Zalo sends you back to. ' +
  '/ Cấp quyền lại cho ứng dụng bằng tài khoản quản trị OA: chạy `npm run cli -- zalo-oa authorize`, mở địa chỉ in ra, ' +
  'đồng ý, rồi chạy `npm run cli -- zalo-oa authorize --code=<mã>` với `code` trên địa chỉ Zalo chuyển về.';

export class OaReauthorizationNeeded extends Error {
  override readonly name = 'OaReauthorizationNeeded';
}

export interface OaTokenStoreOptions {
  /** The row of sealed tokens (src/db/repositories/zalo-oa-token.repository.ts). */
  rows: OaTokenRows;
  cipher: TokenCipher;
  oauth: ZaloOaOAuth;
  oaId: string;
  /** The clock tokens are dated on (the stand-in in tests expires them on the same clock). */
  now: () => Date;
  logger: Logger;
  /** Refresh when the access token has less than this left. Default 1 h. */
  refreshAheadMs?: number;
  /** Called once when a refresh is refused for good (by the process that recorded it): alert the admins. */
  onRefusal?: (reason: string) => Promise<unknown>;
}

export interface OaTokenStatus {
  authorised: boolean;
  accessExpiresAt: Date | null;
  refreshExpiresAt: Date | null;
  failedAt: Date | null;
  failure: string | null;
}

export class OaTokenStore implements AccessTokenProvider {
  readonly #o: OaTokenStoreOptions;
  readonly #ahead: number;
  #cached: { token: string; expiresAt: number } | undefined;

  constructor(o: OaTokenStoreOptions) {
    this.#o = o;
    this.#ahead = o.refreshAheadMs ?? 3_600_000;
  }

  #context(kind: 'access' | 'refresh'): string {
    return `oa:${this.#o.oaId}:${kind}`;
  }

  /** A token pair as its row holds it: both tokens sealed, any recorded failure cleared. */
  #sealed(cipher: OaTokenStoreOptions['cipher'], pair: OaTokenPair) {
    return {
      accessSealed: cipher.seal(pair.accessToken, this.#context('access')),
      refreshSealed: pair.refreshToken === null ? null : cipher.seal(pair.refreshToken, this.#context('refresh')),
      accessExpiresAt: pair.accessExpiresAt,
      refreshExpiresAt: pair.refreshExpiresAt,
      failedAt: null,
      failure: null,
    };
  }

  /** Stores a pair from the consent flow (`zalo-oa authorize`), replacing whatever was there. */
  async save(pair: OaTokenPair): Promise<void> {
    const { rows, cipher, oaId } = this.#o;
    await rows.save(oaId, this.#sealed(cipher, pair));
    this.#cached = undefined;
  }

  async status(): Promise<OaTokenStatus> {
    const row = await this.#o.rows.read(this.#o.oaId);
    return {
      authorised: row !== null,
      accessExpiresAt: row?.accessExpiresAt ?? null,
      refreshExpiresAt: row?.refreshExpiresAt ?? null,
      failedAt: row?.failedAt ?? null,
      failure: row?.failure ?? null,
    };
  }

  /** For /healthz: fine, or what is wrong and what to do. */
  async health(): Promise<HealthResult> {
    const s = await this.status();
    const now = this.#o.now().getTime();
    if (!s.authorised) return { ok: false, reason: `Zalo OA not authorised yet. ${REAUTHORIZE_STEPS}` };
    if (s.failedAt) return { ok: false, reason: `Zalo OA token refresh refused (${s.failure}). ${REAUTHORIZE_STEPS}` };
    if (s.accessExpiresAt && s.accessExpiresAt.getTime() <= now && s.refreshExpiresAt === null) {
      return { ok: false, reason: `Zalo OA access token expired and there is no refresh token. ${REAUTHORIZE_STEPS}` };
    }
    return true;
  }

  async current(): Promise<string> {
    const now = this.#o.now().getTime();
    if (this.#cached && this.#cached.expiresAt - now > this.#ahead) return this.#cached.token;
    const row = await this.#o.rows.read(this.#o.oaId);
    if (!row) throw new OaReauthorizationNeeded(`no Zalo OA token stored. ${REAUTHORIZE_STEPS}`);
    const access = this.#o.cipher.open(row.accessSealed, this.#context('access'));
    const left = row.accessExpiresAt.getTime() - now;
    if (left > this.#ahead) {
      this.#cached = { token: access, expiresAt: row.accessExpiresAt.getTime() };
      return access;
    }
    try {
      return await this.#refresh(access);
    } catch (e) {
      // Ahead of expiry a failed refresh is not yet a failed send: the token still works for a while.
      if (left > 0) {
        this.#o.logger.warn({ err: e instanceof Error ? e.message : String(e) }, 'zalo oa: refresh ahead of expiry failed; the current token is still valid');
        return access;
      }
      throw e;
    }
  }

  refresh(stale: string): Promise<string> {
    return this.#refresh(stale, true);
  }

  /**
   * Under the OA's advisory lock: if the stored pair is still `stale` (or about to expire), trade its refresh token
   * for a new pair and store it, all in one transaction. `refused`: Zalo refused `stale` itself, so it is replaced
   * even if it looks young.
   */
  async #refresh(stale: string, refused = false): Promise<string> {
    const { rows, cipher, oauth, oaId, logger } = this.#o;
    const outcome = await rows.underLock(
      oaId,
      async (locked): Promise<{ token: string; expiresAt: Date } | { failed: Error; recorded?: string }> => {
        const row = await locked.read();
        if (!row) return { failed: new OaReauthorizationNeeded(`no Zalo OA token stored. ${REAUTHORIZE_STEPS}`) };
        const access = cipher.open(row.accessSealed, this.#context('access'));
        const now = this.#o.now().getTime();
        // Another process (or call) refreshed while we waited for the lock: use its pair.
        if (access !== stale && row.accessExpiresAt.getTime() - now > 0) return { token: access, expiresAt: row.accessExpiresAt };
        if (!refused && row.accessExpiresAt.getTime() - now > this.#ahead) return { token: access, expiresAt: row.accessExpiresAt };
        if (row.refreshSealed === null)
          return { failed: new OaReauthorizationNeeded(`Zalo gave no refresh token (is the OA verified?). ${REAUTHORIZE_STEPS}`) };
        if (row.failedAt) return { failed: new OaReauthorizationNeeded(`the last refresh was refused (${row.failure}). ${REAUTHORIZE_STEPS}`) };
        let pair: OaTokenPair;
        try {
          pair = await oauth.refresh(cipher.open(row.refreshSealed, this.#context('refresh')));
        } catch (e) {
          if (!(e instanceof ZaloOaAuthError) || !e.needsReauthorization) throw e;
          // Recorded in this transaction (committed): every process and /healthz see it.
          await locked.update({ failedAt: new Date(now), failure: e.message.slice(0, 500) });
          return { failed: new OaReauthorizationNeeded(`${e.message}. ${REAUTHORIZE_STEPS}`), recorded: e.description };
        }
        // No new refresh token in the answer: the old one is spent all the same (#sealed stores none).
        await locked.update(this.#sealed(cipher, pair));
        logger.info({ accessExpiresAt: pair.accessExpiresAt.toISOString() }, 'zalo oa: tokens refreshed');
        return { token: pair.accessToken, expiresAt: pair.accessExpiresAt };
      },
      // The lock may be held by another process while it talks to Zalo (15 s deadline).
      { waitMs: 60_000 },
    );
    if ('failed' in outcome) {
      this.#cached = undefined;
      logger.error({ err: outcome.failed.message }, 'zalo oa: cannot get an access token; sending on the OA waits for re-authorisation');
      if (outcome.recorded !== undefined)
        await this.#o.onRefusal?.(outcome.recorded).catch((e: unknown) => logger.error({ err: e }, 'zalo oa: could not alert the admins'));
      throw outcome.failed;
    }
    this.#cached = { token: outcome.token, expiresAt: outcome.expiresAt.getTime() };
    return outcome.token;
  }
}
