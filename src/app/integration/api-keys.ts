// API keys (issue 17 §2): an admin creates one for a named system, acting within a unit subtree with some scopes.
// Only the SHA-256 of the secret is stored; the secret is shown once. Revoking takes effect on the next call (every
// call looks the key up; nothing is cached).
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { AppContext } from '../context.js';
import type { ApiKeyRecord } from '../ports/stores/integration.js';
import { inTransaction } from '../transaction.js';
import type { ApiScope } from './scopes.js';

const SECRET_PREFIX = 'dd_';
const SHOWN_PREFIX_LENGTH = 9;

export function hashApiSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export interface NewApiKey {
  name: string;
  unitCode: string;
  scopes: ApiScope[];
  ratePerMinute: number;
}

/** Creates the key; the secret in the result is the only time anyone sees it. */
export async function createApiKey(app: AppContext, input: NewApiKey): Promise<{ key: ApiKeyRecord; secret: string }> {
  const name = input.name.trim();
  if (name === '' || name.length > 100) throw new DomainError('api-key-name-invalid');
  const org = await app.org();
  const unit = org.allUnits().find((u) => u.code === input.unitCode.trim().toUpperCase());
  if (!unit) throw new DomainError('api-key-unit-unknown', { code: input.unitCode });
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
  const now = app.time.now();
  let key: ApiKeyRecord;
  try {
    key = await app.stores.integration.createKey({
      name,
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      secretHash: hashApiSecret(secret),
      unitId: unit.id,
      scopes: input.scopes,
      ratePerMinute: input.ratePerMinute,
      createdAt: now,
    });
  } catch (e) {
    if (app.stores.isUniqueViolation(e)) throw new DomainError('api-key-name-taken', { name });
    throw e;
  }
  await auditKey(app, now, 'api-key.created', key, { unit: unit.code, scopes: key.scopes, ratePerMinute: key.ratePerMinute });
  return { key, secret };
}

export function listApiKeys(app: AppContext): Promise<ApiKeyRecord[]> {
  return app.stores.integration.listKeys();
}

export async function revokeApiKey(app: AppContext, name: string): Promise<void> {
  const now = app.time.now();
  if (!(await app.stores.integration.revokeKey(name.trim(), now))) throw new DomainError('api-key-unknown', { name });
  const key = (await app.stores.integration.listKeys()).find((k) => k.name === name.trim())!;
  await auditKey(app, now, 'api-key.revoked', key, {});
}

/** The active key this secret belongs to; undefined for an unknown or revoked one. */
export async function authenticateApiKey(app: AppContext, secret: string): Promise<ApiKeyRecord | undefined> {
  if (!secret.startsWith(SECRET_PREFIX) || secret.length > 200) return undefined;
  const key = await app.stores.integration.keyBySecretHash(hashApiSecret(secret));
  if (!key || key.revokedAt !== null) return undefined;
  return key;
}

async function auditKey(app: AppContext, at: Date, action: string, key: Pick<ApiKeyRecord, 'id' | 'name'>, data: Record<string, unknown>): Promise<void> {
  await inTransaction(app, (tx) =>
    app.stores.audit.append(tx, { at, actorId: null, action, entity: 'api_key', entityId: key.id, data: { name: key.name, ...data } }),
  );
}

/** Every call a key makes, in the audit log under the key's name (issue 17 §2). */
export async function auditApiCall(
  app: AppContext,
  key: Pick<ApiKeyRecord, 'id' | 'name'>,
  call: { method: string; path: string; status: number; idempotencyKey?: string | undefined; items?: string[] | undefined },
): Promise<void> {
  const at = app.time.now();
  await auditKey(app, at, 'api.call', key, {
    method: call.method,
    path: call.path,
    status: call.status,
    ...(call.idempotencyKey ? { idempotencyKey: call.idempotencyKey } : {}),
    ...(call.items?.length ? { items: call.items } : {}),
  });
  await app.stores.integration.touchKey(key.id, at);
}
