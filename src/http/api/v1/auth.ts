// Who calls: the bearer key (401 when unknown or revoked), its rate (429 with Retry-After), and what it may reach —
// its scopes and its unit subtree (403). Revocation is seen at once: the key is read on every call.
import type { MiddlewareHandler } from 'hono';
import { authenticateApiKey } from '../../../app/integration/api-keys.js';
import type { ApiScope } from '../../../app/integration/scopes.js';
import type { ApiKeyRecord } from '../../../app/ports/stores/integration.js';
import { UnitId } from '../../../domain/ids.js';
import type { OrgDirectory } from '../../../domain/org/directory.js';
import type { Official } from '../../../domain/org/types.js';
import type { ApiDeps, ApiEnv } from './env.js';
import { ApiProblem } from './problems.js';

export function authenticate(deps: ApiDeps): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const secret = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const key = secret ? await authenticateApiKey(deps.app, secret) : undefined;
    if (!key) throw new ApiProblem(401, 'api-unauthorized', {}, undefined, { 'www-authenticate': 'Bearer realm="dondoc-api"' });
    c.set('key', key);
    c.set('items', []);
    const turn = await deps.limits.take(key.id, key.ratePerMinute);
    if (!turn.ok)
      throw new ApiProblem(429, 'api-rate-limited', { limit: key.ratePerMinute, seconds: turn.retryAfterSeconds }, undefined, {
        'retry-after': String(turn.retryAfterSeconds),
      });
    // A key for a unit this process has not loaded yet (imported by another process within the directory's time to
    // live, src/runtime/refreshing-cache.ts): the directory is read again now, not answered from the old one (a 403 for
    // a unit that exists, or an empty subtree). Outside any transaction, so the wait is harmless; after the rate limit,
    // so the reloads a key whose unit is gone can cause stay within its calls a minute.
    if (!(await deps.app.org()).unit(UnitId(key.unitId))) {
      deps.app.invalidate();
      await deps.app.org();
    }
    await next();
  };
}

export function requireScope(key: ApiKeyRecord, scope: ApiScope): void {
  if (!key.scopes.includes(scope)) throw new ApiProblem(403, 'api-forbidden-scope', { scope });
}

export function hasScope(key: ApiKeyRecord, scope: ApiScope): boolean {
  return key.scopes.includes(scope);
}

/** Refuses (403) a unit outside the key's subtree; `field` names the part of the request that reached out. */
export function requireUnit(org: OrgDirectory, key: ApiKeyRecord, unitId: number, field?: string): void {
  if (!org.isUnitInSubtree(UnitId(unitId), UnitId(key.unitId))) {
    throw new ApiProblem(403, 'api-forbidden-unit', { unit: org.unit(UnitId(key.unitId))?.code ?? String(key.unitId) }, field);
  }
}

/** An active official named by code in a request (422 when none), within the key's subtree (403 otherwise). */
export function officialInReach(org: OrgDirectory, key: ApiKeyRecord, code: string, field: string): Official {
  const o = org.activeByCode(code);
  if (!o) throw new ApiProblem(422, 'api-official-unknown', { code }, field);
  requireUnit(org, key, o.unitId, field);
  return o;
}
