/**
 * Where a failed Zalo call broke:
 * - `api`: Zalo answered with its envelope `{ ok: false, error_code, description }`;
 * - `http`: an HTTP error whose body was not that envelope (a proxy's 502 page, say); `errorCode` is the HTTP status;
 * - `network`: no HTTP answer at all (refused, reset, DNS);
 * - `timeout`: no answer within the client's deadline;
 * - `invalid-response`: a 2xx answer we could not read (not JSON, or a result of the wrong shape).
 */
export type ZaloErrorKind = 'api' | 'http' | 'network' | 'timeout' | 'invalid-response';

export interface ZaloApiErrorInit {
  method: string;
  kind: ZaloErrorKind;
  /** Zalo's `error_code`, else the HTTP status, else 0. */
  errorCode: number;
  description: string;
  httpStatus?: number;
}

/**
 * Any failed call to the Zalo Bot API. Messages and fields never contain the bot token: the client removes it
 * from everything it copies in (a URL in a network error would otherwise carry it into the logs).
 */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  readonly method: string;
  readonly kind: ZaloErrorKind;
  readonly errorCode: number;
  readonly description: string;
  readonly httpStatus: number | undefined;

  constructor(init: ZaloApiErrorInit) {
    super(`Zalo ${init.method} failed (${init.kind}${init.errorCode ? ` ${init.errorCode}` : ''}): ${init.description}`);
    this.method = init.method;
    this.kind = init.kind;
    this.errorCode = init.errorCode;
    this.description = init.description;
    this.httpStatus = init.httpStatus;
  }

  /** `getUpdates` found nothing within its timeout. Normal; the client turns it into `null`. */
  get isPollingTimeout(): boolean {
    return this.kind === 'api' && this.errorCode === 408;
  }

  /** Quota exceeded: Zalo documents no per-second limit, only this code. */
  get isRateLimited(): boolean {
    return this.errorCode === 429;
  }

  /** Zalo's table labels 403 "Internal server error" (sic); it is not known to mean "blocked by the user". */
  get isForbidden(): boolean {
    return this.errorCode === 403;
  }

  /** The token is wrong or was reset (also used for a bad webhook secret). Retrying cannot help. */
  get isUnauthorized(): boolean {
    return this.errorCode === 401;
  }

  /**
   * Worth another try after a backoff: 429, 403 (see `isForbidden`), 5xx, and failures that left no answer. A
   * 2xx we could not read is not retried: the message may well have been sent.
   */
  get isRetryable(): boolean {
    if (this.kind === 'network' || this.kind === 'timeout') return true;
    if (this.kind === 'invalid-response') return false;
    return this.errorCode === 429 || this.errorCode === 403 || this.errorCode >= 500;
  }
}
