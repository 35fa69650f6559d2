// Every POST of /api/v1 runs under its Idempotency-Key (app/integration/idempotency.ts): the first request's answer,
// success or refusal by a rule, is stored and given again to a retry with the same body.
import type { Context } from 'hono';
import { runIdempotent, type StoredResponse } from '../../../app/integration/idempotency.js';
import { DomainError } from '../../../domain/errors.js';
import type { ApiDeps, ApiEnv } from './env.js';
import { ApiProblem, PROBLEM_TYPE, problemBody, problemFromDomain } from './problems.js';

const IDEMPOTENCY_WAIT_MS = 15_000;

/**
 * The answer is a plain Response (a replay is the stored JSON, not a fresh typed `c.json`); its body was made by the
 * route from the schema it declares, so it is typed as whatever the route expects.
 */
type RouteAnswer = never;

export async function idempotent(c: Context<ApiEnv>, deps: ApiDeps, body: unknown, run: () => Promise<StoredResponse>): Promise<RouteAnswer> {
  const idempotencyKey = c.req.header('idempotency-key')?.trim();
  if (!idempotencyKey || idempotencyKey.length > 200) throw new ApiProblem(400, 'api-idempotency-key-missing', {}, 'Idempotency-Key');
  const key = c.get('key');
  const timezone = deps.app.policy.calendar.timezone;
  const outcome = await runIdempotent(
    deps.app,
    key.id,
    idempotencyKey,
    { route: `${c.req.method} ${c.req.path}`, body },
    async () => {
      try {
        return await run();
      } catch (e) {
        // A refusal is the answer to this request and is kept; anything else is our fault and may be retried.
        const problem = e instanceof DomainError ? problemFromDomain(e, timezone) : e;
        if (problem instanceof ApiProblem && problem.status < 500) return { status: problem.status, body: problemBody(deps.app.catalogue, problem) };
        throw e;
      }
    },
    { pause: deps.pause, maxMs: IDEMPOTENCY_WAIT_MS },
  );
  if (outcome.kind === 'mismatch') throw new ApiProblem(422, 'api-idempotency-mismatch', {}, 'Idempotency-Key');
  if (outcome.kind === 'in-progress') throw new ApiProblem(409, 'api-idempotency-in-progress', {}, 'Idempotency-Key');
  const response = new Response(JSON.stringify(outcome.body), {
    status: outcome.status,
    headers: {
      'content-type': outcome.status >= 400 ? PROBLEM_TYPE : 'application/json',
      ...(outcome.kind === 'replayed' ? { 'idempotent-replayed': 'true' } : {}),
    },
  });
  return response as RouteAnswer;
}
