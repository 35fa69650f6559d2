// What a failed OA Open API call means. Zalo answers errors with HTTP 200 and `{ error: <negative code>, message }`;
// the codes and their meanings come from the fact sheet's §6 (Zalo's error appendix as quoted by several sources).

/**
 * - `token-invalid` (-216) / `token-expired` (-220): the client refreshes once and retries; surfaced when that fails too;
 * - `token-unavailable`: the token provider gave no token (none stored, or its refresh was refused: see `cause`;
 *   re-authorisation may be needed);
 * - `not-follower` (-213): the person unfollowed (or never followed) the OA;
 * - `outside-window` (-230): no interaction within 7 days, so a cs message is refused;
 * - `never-interacted` (-232): the person never interacted with the OA (or it expired);
 * - `unreachable` (-217 blocked, -227 banned/inactive 45 days, -244 restricted this message type);
 * - `rate-limited` (-32, or HTTP 429): the app's 4,000 calls a minute;
 * - `quota` (-211, -218): a feature or receive quota is used up;
 * - `attachment-expired` (-100): upload again (uploads live 7 days);
 * - `bad-request` (-201 a field is invalid, -210 over a limit, -233 message type not supported, -240 v2 API gone);
 * - `setup` (-219 app removed, -221 OA not verified, -223 permission not granted, -224 plan too low): an operator's job;
 * - `billing` (-320, -321): the Zalo Cloud Account is missing or out of money;
 * - `server` (HTTP 5xx), `network` (no answer), `timeout` (no answer in time: the message may or may not have gone);
 * - `invalid-response`: a 2xx we could not read; `unknown`: any other code.
 */
export type ZaloOaErrorKind =
  | 'token-invalid'
  | 'token-expired'
  | 'token-unavailable'
  | 'not-follower'
  | 'outside-window'
  | 'never-interacted'
  | 'unreachable'
  | 'rate-limited'
  | 'quota'
  | 'attachment-expired'
  | 'bad-request'
  | 'setup'
  | 'billing'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid-response'
  | 'unknown';

const KIND_BY_CODE: ReadonlyMap<number, ZaloOaErrorKind> = new Map<number, ZaloOaErrorKind>([
  [-216, 'token-invalid'],
  [-124, 'token-invalid'], // the ZNS host's "invalid access token"; harmless to know here
  [-220, 'token-expired'],
  [-213, 'not-follower'],
  [-230, 'outside-window'],
  [-305, 'outside-window'], // pre-2026 "cannot response to user after 48 hours"
  [-232, 'never-interacted'],
  [-217, 'unreachable'],
  [-227, 'unreachable'],
  [-244, 'unreachable'],
  [-32, 'rate-limited'],
  [-211, 'quota'],
  [-218, 'quota'],
  [-311, 'quota'], // pre-2026 "Out of quota for responding to user message"
  [-100, 'attachment-expired'],
  [-201, 'bad-request'],
  [-210, 'bad-request'],
  [-233, 'bad-request'],
  [-240, 'bad-request'],
  [-219, 'setup'],
  [-221, 'setup'],
  [-223, 'setup'],
  [-224, 'setup'],
  [-320, 'billing'],
  [-321, 'billing'],
]);

/** The kind of an Open API error code. */
export function oaErrorKind(code: number): ZaloOaErrorKind {
  return KIND_BY_CODE.get(code) ?? 'unknown';
}

export interface ZaloOaErrorInit {
  /** What we were doing: `message/cs`, `upload/image`, `getoa`… */
  operation: string;
  kind: ZaloOaErrorKind;
  /** Zalo's `error` code; the HTTP status when there was no Zalo body; 0 when there was no answer. */
  code: number;
  description: string;
  httpStatus?: number;
  cause?: unknown;
}

/** Any failed OA Open API call. Its text never contains the access token (the client removes it). */
export class ZaloOaError extends Error {
  override readonly name = 'ZaloOaError';
  readonly operation: string;
  readonly kind: ZaloOaErrorKind;
  readonly code: number;
  readonly description: string;
  readonly httpStatus: number | undefined;

  constructor(init: ZaloOaErrorInit) {
    super(
      `Zalo OA ${init.operation} failed (${init.kind}${init.code ? ` ${init.code}` : ''}): ${init.description}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.operation = init.operation;
    this.kind = init.kind;
    this.code = init.code;
    this.description = init.description;
    this.httpStatus = init.httpStatus;
  }

  /** The token was refused: worth one refresh. */
  get isTokenProblem(): boolean {
    return this.kind === 'token-invalid' || this.kind === 'token-expired';
  }

  /**
   * This person cannot get a cs message now, whatever we retry: move to their other channel, a paid template,
   * or hold the message (the window policy decides).
   */
  get isRecipientUnreachable(): boolean {
    return this.kind === 'not-follower' || this.kind === 'outside-window' || this.kind === 'never-interacted' || this.kind === 'unreachable';
  }

  /**
   * Worth another try after a back-off: rate limits, 5xx and no answer at all. A timeout is included although the
   * message may have gone (no OA endpoint takes an idempotency key); the echo webhook tells afterwards.
   */
  get isRetryable(): boolean {
    return this.kind === 'rate-limited' || this.kind === 'server' || this.kind === 'network' || this.kind === 'timeout';
  }
}
