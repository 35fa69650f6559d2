// OA tokens at rest: AES-256-GCM with a key from the environment. A sealed token is one line of text,
// `zoa1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts), so a text column holds it and the key id says which key
// opens it: a new key can be introduced while rows sealed with the old one are still read (then re-sealed).
//
// The `context` (e.g. "oa:3881328087880864500:refresh") is bound as associated data: a sealed value copied into
// another row or column does not open there.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const FORMAT = 'zoa1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** A key or keyring that cannot be used; the message says which variable and what is expected. */
export class TokenKeyError extends Error {
  override readonly name = 'TokenKeyError';
}

/** A sealed value that does not open: the wrong key, another row's value, or altered bytes. */
export class TokenDecryptError extends Error {
  override readonly name = 'TokenDecryptError';
}

/** 32 bytes written as 64 hex digits, or as base64 / base64url (with or without padding). */
export function parseTokenKey(text: string, variable = 'ZALO_OA_TOKEN_KEY'): Buffer {
  const value = text.trim();
  const hint = `${variable} must be 32 random bytes as 64 hex digits or as base64 (e.g. openssl rand -base64 32)`;
  if (value === '') throw new TokenKeyError(`${hint}; it is empty`);
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) {
    const bytes = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (bytes.length === 32) return bytes;
    throw new TokenKeyError(`${hint}; it decodes to ${bytes.length} bytes`);
  }
  throw new TokenKeyError(`${hint}; it is neither hex nor base64`);
}

export interface TokenKeyring {
  /** The key new values are sealed with. */
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
}

export interface TokenKeyEnvironment {
  /** The current key. */
  ZALO_OA_TOKEN_KEY?: string | undefined;
  /** Its id, stored in every value it seals. Default "1". */
  ZALO_OA_TOKEN_KEY_ID?: string | undefined;
  /** Keys being rotated out, still able to open old values: `<id>:<key>` separated by commas. */
  ZALO_OA_TOKEN_OLD_KEYS?: string | undefined;
}

/** The keyring from the environment, or a {@link TokenKeyError} naming the variable at fault. */
export function keyringFromEnvironment(env: TokenKeyEnvironment): TokenKeyring {
  if (env.ZALO_OA_TOKEN_KEY === undefined) throw new TokenKeyError('ZALO_OA_TOKEN_KEY is not set: the OA tokens are stored encrypted with it (openssl rand -base64 32)');
  const currentId = (env.ZALO_OA_TOKEN_KEY_ID ?? '1').trim() || '1';
  if (!KEY_ID.test(currentId)) throw new TokenKeyError(`ZALO_OA_TOKEN_KEY_ID must be 1–32 characters of A–Z, a–z, 0–9, _ or -, got "${currentId}"`);
  const keys = new Map<string, Buffer>([[currentId, parseTokenKey(env.ZALO_OA_TOKEN_KEY)]]);
  for (const entry of (env.ZALO_OA_TOKEN_OLD_KEYS ?? '').split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    if (!KEY_ID.test(id)) throw new TokenKeyError('ZALO_OA_TOKEN_OLD_KEYS must list <id>:<key> pairs separated by commas');
    if (keys.has(id)) throw new TokenKeyError(`ZALO_OA_TOKEN_OLD_KEYS: the key id "${id}" is used twice`);
    keys.set(id, parseTokenKey(entry.slice(colon + 1), `ZALO_OA_TOKEN_OLD_KEYS (key "${id}")`));
  }
  return { currentId, keys };
}

export interface TokenCipher {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** The id of the key that sealed `sealed`, e.g. to re-seal values still under an old key. */
  keyIdOf(sealed: string): string;
  /** Whether `sealed` is under another key than the current one. */
  needsResealing(sealed: string): boolean;
}

export function createTokenCipher(keyring: TokenKeyring): TokenCipher {
  const current = keyring.keys.get(keyring.currentId);
  if (!current || current.length !== 32) throw new TokenKeyError(`the current key "${keyring.currentId}" must be 32 bytes`);

  function parts(sealed: string): { id: string; iv: Buffer; data: Buffer; tag: Buffer } {
    const p = sealed.split('.');
    if (p.length !== 5 || p[0] !== FORMAT || !KEY_ID.test(p[1] ?? '')) throw new TokenDecryptError('not a sealed OA token');
    const [, id, iv, data, tag] = p as [string, string, string, string, string];
    const decoded = { id, iv: Buffer.from(iv, 'base64url'), data: Buffer.from(data, 'base64url'), tag: Buffer.from(tag, 'base64url') };
    if (decoded.iv.length !== 12 || decoded.tag.length !== 16) throw new TokenDecryptError('not a sealed OA token');
    return decoded;
  }

  return {
    seal(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [FORMAT, keyring.currentId, iv.toString('base64url'), data.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    open(sealed, context) {
      const { id, iv, data, tag } = parts(sealed);
      const key = keyring.keys.get(id);
      if (!key) throw new TokenDecryptError(`sealed with key "${id}", which is not configured (ZALO_OA_TOKEN_KEY / ZALO_OA_TOKEN_OLD_KEYS)`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
      } catch {
        throw new TokenDecryptError(`cannot open a token sealed with key "${id}": the key is not the one it was sealed with, or the value was altered or belongs elsewhere`);
      }
    },
    keyIdOf: (sealed) => parts(sealed).id,
    needsResealing: (sealed) => parts(sealed).id !== keyring.currentId,
  };
}
