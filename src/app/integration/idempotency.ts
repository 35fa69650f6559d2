// Idempotency-Key on every POST of the integration API (issue 17 §3): the first request with a key runs and its
// response is kept; a retry with the same key and body gets that response again, a different body is refused.
// Parallel retries meet at the primary key (api_idempotency): one runs, the others wait for its response.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AppContext } from '../context.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotentOutcome =
  | ({ kind: 'fresh' } & StoredResponse)
  | ({ kind: 'replayed' } & StoredResponse)
  /** The key was used with another body or on another route. */
  | { kind: 'mismatch' }
  /** The first request with this key is still running after the wait. */
  | { kind: 'in-progress' };

/** The hash of a body as JSON in canonical form (RFC 8785), so key order and spacing do not count. */
export function bodyHash(body: unknown): string {
  return createHash('sha256')
    .update(canonicalize(body ?? null) ?? 'null')
    .digest('hex');
}

const WAIT_STEP_MS = 25;

/**
 * Runs `run` once per (key, idempotency key). What `run` answers (2xx or 4xx) is stored and replayed; when it throws
 * (our fault), the claim is released so that a retry runs again.
 */
export async function runIdempotent(
  app: AppContext,
  apiKeyId: number,
  idempotencyKey: string,
  request: { route: string; body: unknown },
  run: () => Promise<StoredResponse>,
  /** Real time (src/sleep.ts, given by the adapter): how the waiting retries pause, and for how long at most. */
  wait: { pause(ms: number): Promise<void>; maxMs: number },
): Promise<IdempotentOutcome> {
  const store = app.stores.integration;
  const hash = bodyHash(request.body);
  if (await store.claimIdempotency(apiKeyId, idempotencyKey, { route: request.route, bodyHash: hash, createdAt: app.time.now() })) {
    let response: StoredResponse;
    try {
      response = await run();
    } catch (e) {
      await store.releaseIdempotency(apiKeyId, idempotencyKey);
      throw e;
    }
    await store.finishIdempotency(apiKeyId, idempotencyKey, response.status, response.body);
    return { kind: 'fresh', ...response };
  }
  // Real time, not the domain clock: how long another request of ours may take to finish.
  const deadline = Date.now() + wait.maxMs;
  for (;;) {
    const held = await store.findIdempotency(apiKeyId, idempotencyKey);
    if (!held) return runIdempotent(app, apiKeyId, idempotencyKey, request, run, { ...wait, maxMs: Math.max(0, deadline - Date.now()) });
    if (held.route !== request.route || held.bodyHash !== hash) return { kind: 'mismatch' };
    if (held.status !== null) return { kind: 'replayed', status: held.status, body: held.response };
    if (Date.now() >= deadline) return { kind: 'in-progress' };
    await wait.pause(WAIT_STEP_MS);
  }
}
